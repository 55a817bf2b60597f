import { randomBytes } from "node:crypto";
import * as z from "zod";
import { userInfo } from "node:os";
import { KpiApiClient, KpiApiError } from "../../shared/api/client";
import type { Principal } from "../auth/principal";
import { ROUTES } from "../http/routes";
import { createDispatcher, inProcessFetch } from "../local/dispatch";
import { createServices, type Services } from "../services/services";
import { settingsFromEnvironment } from "../services/settings";
import { CliError, type CliIo } from "./io";

export interface ApiConnection {
  /** The shared client, with this connection's base URL and key. */
  client: KpiApiClient;
  /** An answer whatever its status (commands print a refusal's problems themselves); a missing answer is a CliError. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /**
   * A request's answer, or the server's refusal (an error answer in the contract) for the command to print with its
   * problems; anything else (not reached, no answer in time, an answer outside the contract) becomes a CliError.
   */
  answerOrRefusal<T>(request: Promise<T>): Promise<T | KpiApiError>;
  close(): Promise<void>;
}

/** Long enough for a large import or report: the CLI has no person waiting to retry, only a deadline against a hung server. */
const CLI_TIMEOUT_MS = 10 * 60_000;

const IN_PROCESS_URL = "http://kpi.in-process";

/**
 * The CLI talks to the functions the same way whether a server runs or not, through the shared client: with --server
 * it calls that server with a key; without, it opens the storage named by KPI_STORAGE_CONNECTION (default: the local
 * Azurite of `npm start`) and hands the same requests to the route table in this process (no port), acting as the
 * province of the decision with a key made for this run.
 */
export async function openApi(options: { server?: string; key?: string; province?: () => Promise<string> }): Promise<ApiConnection> {
  if (options.server) {
    if (!options.key) throw new CliError("Cần khóa truy cập: thêm --key <khóa> (hoặc đặt biến KPI_KEY).", 2);
    const base = options.server.replace(/\/+$/, "");
    return connection(new KpiApiClient({ baseUrl: base, key: options.key, timeoutMs: CLI_TIMEOUT_MS }), base, async () => {});
  }
  const services = await openStorage();
  const province = options.province ? await options.province.call(undefined) : "";
  const token = randomBytes(24).toString("hex");
  const principal: Principal = { role: "province", province, subject: `cli:${userInfo().username}`, label: "Dòng lệnh kpi" };
  const local: Services = { ...services, verifier: { verify: async (given) => (given === token ? principal : undefined) } };
  const fetch = inProcessFetch(createDispatcher({ routes: ROUTES, services: async () => local }));
  // The address is never dialled: the in-process fetch hands each request to the route table.
  return connection(new KpiApiClient({ baseUrl: IN_PROCESS_URL, key: token, timeoutMs: CLI_TIMEOUT_MS, fetch }), "trong máy", async () => {});
}

function connection(client: KpiApiClient, base: string, close: () => Promise<void>): ApiConnection {
  return {
    client,
    fetch: (path, init = {}) =>
      client
        .raw(init.method ?? "GET", path, {
          ...(init.body != null ? { body: init.body } : {}),
          ...(init.headers ? { headers: init.headers as Record<string, string> } : {}),
        })
        .catch((error: unknown) => {
          throw cliErrorOf(error, base);
        }),
    answerOrRefusal: (request) =>
      request.catch((error: unknown) => {
        if (error instanceof KpiApiError && error.status !== undefined && error.code !== "bad_response") return error;
        throw cliErrorOf(error, base);
      }),
    close,
  };
}

/** A refusal of the server as the terminal shows it: what failed, the status and message, then each problem. */
export function printRefusal(io: CliIo, what: string, refusal: KpiApiError): number {
  io.err(`${what} (${refusal.status}): ${refusal.message}`);
  const details = problemsDetailsSchema.safeParse(refusal.details);
  for (const problem of details.success ? details.data.problems : []) io.err(`  - ${problem.message}`);
  return 1;
}

const problemsDetailsSchema = z.object({ problems: z.array(z.object({ message: z.string() })) });

/** The client's error as one line for the terminal: a server not reached says how to start one. */
function cliErrorOf(error: unknown, base: string): unknown {
  if (!(error instanceof KpiApiError)) return error;
  if (error.code === "offline") return new CliError(`Không kết nối được máy chủ ${base}. Máy chủ đã chạy chưa (npm start)?`);
  if (error.code === "timeout") return new CliError(`Máy chủ ${base} không trả lời kịp. Hãy thử lại sau ít phút.`);
  return new CliError(error.message);
}

let opened: Promise<Services> | undefined;

const IDENTITY_SETTINGS = [
  "AzureWebJobsStorage__accountName",
  "AzureWebJobsStorage__blobServiceUri",
  "AzureWebJobsStorage__tableServiceUri",
  "KPI_STORAGE_BLOB_URL",
  "KPI_STORAGE_TABLE_URL",
] as const;

/** Storage from the environment, or the local Azurite that `npm start` runs. */
export function openStorage(): Promise<Services> {
  opened ??= (async () => {
    const env = { ...process.env };
    // Azurite of `npm start` only when nothing names a storage: identity settings (an operator after `az login`)
    // reach the production account with their own credential.
    const identity = IDENTITY_SETTINGS.some((name) => env[name]);
    if (!identity) env.KPI_STORAGE_CONNECTION ??= env.AzureWebJobsStorage ?? "UseDevelopmentStorage=true";
    try {
      return await createServices(settingsFromEnvironment(env));
    } catch (error) {
      // A setting that is wrong is said as such; anything else means the storage is not there.
      if (error instanceof z.ZodError) throw new CliError(`Cấu hình kho lưu trữ chưa đúng: ${error.issues[0]?.message ?? ""}`);
      throw new CliError(
        'Không mở được kho lưu trữ. Chạy "npm start" trước, hoặc đặt KPI_STORAGE_CONNECTION, hoặc dùng --server và --key.',
      );
    }
  })();
  return opened;
}

/** The province a decision belongs to, from the stored catalogue. */
export async function provinceOfDecision(decisionId: string): Promise<string> {
  const snapshot = await (await openStorage()).catalogue.current();
  const decision = snapshot.lookup.decisions.get(decisionId);
  if (!decision) throw new CliError(`Không có văn bản "${decisionId}" trong danh mục.`);
  return decision.province;
}
