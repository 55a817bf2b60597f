import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { azuriteConnectionString, DEFAULT_LOCAL_PORTS, DEV_ACCOUNT_NAME, type LocalPorts } from "../storage/connection";
import { freePort, isListening } from "./freePort";

export interface AzuriteOptions {
  /** Where Azurite keeps its data; without it, data lives in memory and is gone when it stops (tests, benchmarks). */
  location?: string;
  ports?: Partial<LocalPorts>;
  /** Wait this long for both services to listen. */
  startTimeoutMs?: number;
  /**
   * Serve https with this certificate and key (PEM file paths) and accept bearer tokens, checking their issuer,
   * audience and lifetime as Azure does (Azurite's "basic" OAuth): how access by managed identity is tried locally.
   */
  oauth?: { certPath: string; keyPath: string };
}

export interface RunningAzurite {
  ports: LocalPorts;
  /** A connection string with the development account key (plain http only; not for an OAuth Azurite). */
  connection: string;
  /** The account's service URLs, for clients that authenticate with a token. */
  blobUrl: string;
  tableUrl: string;
  stop(): Promise<void>;
}

/**
 * Azurite from node_modules, always on loopback and with telemetry off (otherwise it calls out to Microsoft). It
 * flushes its files every few seconds and on SIGINT, so it is always stopped with SIGINT and given time to finish.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const ports: LocalPorts = {
    blob: options.ports?.blob ?? (options.location ? DEFAULT_LOCAL_PORTS.blob : await freePort()),
    table: options.ports?.table ?? (options.location ? DEFAULT_LOCAL_PORTS.table : await freePort()),
  };
  for (const port of [ports.blob, ports.table]) {
    if (await isListening(port)) {
      throw new Error(`Cổng ${port} đang bị chương trình khác dùng (có thể Azurite đang chạy). Hãy dừng chương trình đó rồi chạy lại.`);
    }
  }
  const args = [
    azuriteEntry(),
    "--blobHost", "127.0.0.1", "--blobPort", String(ports.blob),
    "--tableHost", "127.0.0.1", "--tablePort", String(ports.table),
    "--queueHost", "127.0.0.1", "--queuePort", String(await freePort()),
    "--disableTelemetry", "--silent", "--skipApiVersionCheck",
  ];
  if (options.oauth) args.push("--oauth", "basic", "--cert", options.oauth.certPath, "--key", options.oauth.keyPath);
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push("--location", options.location);
  } else {
    args.push("--inMemoryPersistence");
  }
  // Through the launcher, with a pipe on its stdin that this process holds: Azurite stops when this process is gone,
  // so a crash or a kill does not leave it holding the ports (and the next `npm start` refused).
  const child = spawn(process.execPath, [AZURITE_LAUNCHER, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!((await isListening(ports.blob)) && (await isListening(ports.table)))) {
    if (child.exitCode !== null) throw new Error(`Azurite dừng ngay khi khởi động (mã ${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`Azurite không khởi động kịp:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const scheme = options.oauth ? "https" : "http";
  return {
    ports,
    connection: azuriteConnectionString(ports),
    blobUrl: `${scheme}://127.0.0.1:${ports.blob}/${DEV_ACCOUNT_NAME}`,
    tableUrl: `${scheme}://127.0.0.1:${ports.table}/${DEV_ACCOUNT_NAME}`,
    stop: () => stopChild(child),
  };
}

const AZURITE_LAUNCHER = fileURLToPath(new URL("./azuriteLauncher.mjs", import.meta.url));

function azuriteEntry(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("azurite/package.json")), "dist", "src", "azurite.js");
}

/** SIGINT lets Azurite write its data; a second, SIGTERM, only if it has not finished after a long wait. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGTERM"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGINT");
  });
}
