import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import type { Principal } from "../auth/principal";
import { ROUTES } from "../http/routes";
import { startLocalHost } from "../local/localHost";
import { createServices, type Services } from "../services/services";
import { settingsFromEnvironment } from "../services/settings";
import { CliError } from "./io";

export interface ApiConnection {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The CLI talks to the functions the same way whether a server runs or not: with --server it calls that server with a
 * key; without, it opens the storage named by KPI_STORAGE_CONNECTION (default: the local Azurite of `npm start`) and
 * serves the same routes in-process on a loopback port, acting as the province of the decision.
 */
export async function openApi(options: { server?: string; key?: string; province?: () => Promise<string> }): Promise<ApiConnection> {
  if (options.server) {
    if (!options.key) throw new CliError("Cần khóa truy cập: thêm --key <khóa> (hoặc đặt biến KPI_KEY).", 2);
    const base = options.server.replace(/\/+$/, "");
    return {
      fetch: (path, init = {}) =>
        fetch(`${base}/api${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${options.key}` } }).catch(
          () => {
            throw new CliError(`Không kết nối được máy chủ ${base}. Máy chủ đã chạy chưa (npm start)?`);
          },
        ),
      close: async () => {},
    };
  }
  const services = await openStorage();
  const province = options.province ? await options.province.call(undefined) : "";
  const token = randomBytes(24).toString("hex");
  const principal: Principal = { role: "province", province, subject: `cli:${userInfo().username}`, label: "Dòng lệnh kpi" };
  const local: Services = { ...services, verifier: { verify: async (given) => (given === token ? principal : undefined) } };
  const host = await startLocalHost({ routes: ROUTES, services: async () => local, port: 0 });
  return {
    fetch: (path, init = {}) =>
      fetch(`${host.url}/api${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
    close: () => host.close(),
  };
}

let opened: Promise<Services> | undefined;

/** Storage from the environment, or the local Azurite that `npm start` runs. */
export function openStorage(): Promise<Services> {
  opened ??= (async () => {
    const env = { ...process.env };
    env.KPI_STORAGE_CONNECTION ??= env.AzureWebJobsStorage ?? "UseDevelopmentStorage=true";
    try {
      return await createServices(settingsFromEnvironment(env));
    } catch {
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
