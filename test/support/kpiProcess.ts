import { spawn } from "node:child_process";
import { inject } from "vitest";
import type { TestStack } from "./stack";

export interface KpiRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `kpi` as a person runs it: the real entry point in its own process, with the given environment added. */
export function runKpi(args: readonly string[], env: Record<string, string> = {}): Promise<KpiRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/kpi.mjs", ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The environment that points `kpi` without --server at a test system's storage. */
export function storageEnvironment(stack: TestStack, extra: Record<string, string> = {}): Record<string, string> {
  return { KPI_STORAGE_CONNECTION: inject("azuriteConnection"), KPI_STORAGE_PREFIX: stack.prefix, ...extra };
}
