import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startAddinServer, type AddinServer } from "../../addin/server/addinServer";
import { ensureDevCertificates } from "../../addin/server/devCertificates";
import { startStack, type TestStack } from "./stack";

export interface AddinStack {
  stack: TestStack;
  server: AddinServer;
  /** The pane's origin, by loopback address. */
  origin: string;
  close(): Promise<void>;
}

/**
 * What `npm start` runs, in a test's own namespace: the functions host on Azurite and the add-in, built afresh into
 * a temporary folder and served over HTTPS by the dev server that passes /api on.
 */
export async function startAddinStack(options: { stack?: Parameters<typeof startStack>[0] } = {}): Promise<AddinStack> {
  const work = await mkdtemp(join(tmpdir(), "kpi-addin-stack-"));
  await promisify(execFile)(process.execPath, ["addin/build/build.mjs"], { env: { ...process.env, KPI_ADDIN_OUT: join(work, "addin") } });
  const tls = await ensureDevCertificates(join(work, "certs"));
  const stack = await startStack(options.stack);
  const server = await startAddinServer({ root: join(work, "addin"), port: 0, tls, apiTarget: stack.host.url });
  return {
    stack,
    server,
    origin: `https://127.0.0.1:${server.port}`,
    close: async () => {
      await server.close();
      await stack.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
