import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ClientReply, ClientRequest } from "./httpClient";

/** The HTTP client process of the submission benchmark, driven from the process that hosts the functions. */
export interface SubmissionClient {
  setup(request: Extract<ClientRequest, { kind: "setup" }>): Promise<void>;
  /**
   * `total` submissions of province p over HTTP, `concurrency` at once, to the functions or the floor server, from
   * the commune after `skip`; the latency of each.
   */
  rounds(province: number, concurrency: number, total: number, target?: "submit" | "floor", skip?: number): Promise<number[]>;
  close(): Promise<void>;
}

export function startSubmissionClient(): SubmissionClient {
  const child: ChildProcess = fork(fileURLToPath(new URL("./httpClient.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 0;
  const waiting = new Map<number | "ready", { resolve: (value: number[]) => void; reject: (error: Error) => void }>();
  child.on("message", (message: ClientReply) => {
    const key = message.kind === "ready" ? "ready" : message.id;
    const waiter = waiting.get(key);
    waiting.delete(key);
    if (message.kind === "failed") waiter?.reject(new Error(`HTTP client: ${message.message}`));
    else waiter?.resolve(message.kind === "samples" ? message.samples : []);
  });
  child.on("exit", (code) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`HTTP client stopped (code ${code})`));
    waiting.clear();
  });
  const ask = (key: number | "ready", message: ClientRequest) =>
    new Promise<number[]>((resolve, reject) => {
      waiting.set(key, { resolve, reject });
      child.send(message);
    });
  return {
    async setup(request) {
      await ask("ready", request);
    },
    rounds(province, concurrency, total, target = "submit", skip = 0) {
      next += 1;
      return ask(next, { kind: "rounds", id: next, province, concurrency, total, skip, target });
    },
    close() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.disconnect();
      });
    },
  };
}
