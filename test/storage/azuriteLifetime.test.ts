import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isListening } from "../../functions/local/freePort";

/**
 * Azurite is a child of whatever started it (`npm start`, the tests, the benchmarks). When that process dies without
 * stopping it (a crash, kill -9), Azurite must not stay behind holding its ports: the next `npm start` would be
 * refused with "port in use" and the officer left to find a stray process.
 */

const FIXTURE = fileURLToPath(new URL("./fixtures/startAzuriteThenWait.ts", import.meta.url));

async function closedWithin(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await isListening(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe("Azurite started for a process", () => {
  it("stops when that process is killed without stopping it", async () => {
    const starter = spawn(process.execPath, ["--import", "tsx", FIXTURE], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    starter.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    while (!output.includes("\n")) {
      if (starter.exitCode !== null) throw new Error(`the starter ended first (code ${starter.exitCode})`);
      await once(starter.stdout, "data");
    }
    const ports = JSON.parse(output.split("\n")[0]!) as { blob: number; table: number };
    expect(await isListening(ports.table)).toBe(true);

    starter.kill("SIGKILL");
    await once(starter, "exit");
    // Azurite writes its data on the way out; in memory here, so this is quick, but it is not instant.
    expect(await closedWithin(ports.table, 20_000)).toBe(true);
    expect(await isListening(ports.blob)).toBe(false);
  }, 60_000);
});
