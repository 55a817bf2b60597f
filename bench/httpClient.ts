import { randomBytes } from "node:crypto";
import { agencyOf, rounds, valuesFor } from "./benchRounds";

/**
 * The HTTP client of the submission benchmark, run as a child process of its own (bench/submissionClient.ts starts
 * it): what it spends building requests and reading answers is not taken from the host it measures. It submits over
 * loopback when asked and sends back the time each submission took, as seen by the caller.
 */

export type ClientRequest =
  | { kind: "setup"; url: string; floorUrl: string; period: string; provinces: { p: number; decisionId: string; token: string; assignmentIds: string[] }[] }
  | { kind: "rounds"; id: number; province: number; concurrency: number; total: number; skip: number; target: "submit" | "floor" };

export type ClientReply = { kind: "ready" } | { kind: "samples"; id: number; samples: number[] } | { kind: "failed"; id: number; message: string };

type Setup = Extract<ClientRequest, { kind: "setup" }>;

const run = randomBytes(4).toString("hex");
let setup: Setup | undefined;
let counter = 0;

/** A submission to the functions, or the same request to the floor server, which only runs the bare transaction. */
async function submit(p: number, c: number, target: "submit" | "floor"): Promise<number> {
  const province = setup!.provinces.find((candidate) => candidate.p === p)!;
  counter += 1;
  const body = JSON.stringify({ agencyId: agencyOf(c), values: valuesFor(province.assignmentIds, c) });
  const path = `/api/decisions/${province.decisionId}/periods/${setup!.period}/submissions`;
  const start = performance.now();
  const response = await fetch(`${target === "submit" ? setup!.url : setup!.floorUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${province.token}`, "content-type": "application/json", "idempotency-key": `http-${run}-${counter}` },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`submission answered ${response.status}`);
  return performance.now() - start;
}

function reply(message: ClientReply): void {
  process.send!(message);
}

process.on("message", (message: ClientRequest) => {
  if (message.kind === "setup") {
    setup = message;
    reply({ kind: "ready" });
    return;
  }
  rounds(message.concurrency, message.total, (c) => submit(message.province, c, message.target), message.skip).then(
    (samples) => reply({ kind: "samples", id: message.id, samples }),
    (error: unknown) => reply({ kind: "failed", id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
// The parent going away ends the client too: no orphan left submitting.
process.on("disconnect", () => process.exit(0));
