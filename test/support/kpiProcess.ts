import { spawn } from "node:child_process";
import { inject } from "vitest";
import type { TestStack } from "./stack";

export interface KpiRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `kpi` as a person runs it: its own process, with the given environment added and `input`, if any, on its stdin.
 * This is the CLI built once for the run (test/support/builtKpiSetup.ts), so a test pays for starting a process,
 * not for compiling the sources again.
 */
export function runKpi(args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<KpiRun> {
  return spawnKpi(inject("builtKpi"), args, env, input);
}

/** `node bin/kpi.mjs …`: the entry point package.json names and the README tells people to run, from the sources. */
export function runKpiEntryPoint(args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<KpiRun> {
  return spawnKpi("bin/kpi.mjs", args, env, input);
}

function spawnKpi(script: string, args: readonly string[], env: Record<string, string>, input: string | undefined): Promise<KpiRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    // Killed by a signal is no exit code a command chose: -1 matches none a test expects.
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    // A command that never reads stdin may exit before taking it; that is no failure of the command.
    child.stdin.on("error", () => undefined);
    // No input is an empty stdin, as `kpi … < /dev/null`.
    child.stdin.end(input ?? "");
  });
}

/** The environment that points `kpi` without --server at a test system's storage. */
export function storageEnvironment(stack: TestStack, extra: Record<string, string> = {}): Record<string, string> {
  return { KPI_STORAGE_CONNECTION: inject("azuriteConnection"), KPI_STORAGE_PREFIX: stack.prefix, ...extra };
}
