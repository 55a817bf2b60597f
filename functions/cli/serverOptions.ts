import * as z from "zod";
import { usageError, type CommandSpec, type OptionSpec } from "./args";

/** `--server` and `--key`, shared by the commands that can talk to a running server instead of the storage. */
export const SERVER_OPTIONS = {
  server: { type: "string", value: "URL", description: "Máy chủ, ví dụ http://127.0.0.1:7071 (hoặc biến KPI_SERVER); không có: ghi thẳng vào kho lưu trữ" },
  key: { type: "string", value: "khóa", description: "Khóa truy cập, chỉ dùng cùng --server (hoặc biến KPI_KEY)" },
} as const satisfies Record<string, OptionSpec>;

const serverSchema = z.url({ error: "--server phải là địa chỉ, ví dụ http://127.0.0.1:7071" });

/**
 * The server and key to use, from the flags or KPI_SERVER/KPI_KEY. A key without a server is refused: it would
 * otherwise be silently ignored while the command writes to the storage directly.
 */
export function serverOptions(
  spec: CommandSpec<Record<string, OptionSpec>>,
  values: { server?: string; key?: string },
  env: NodeJS.ProcessEnv = process.env,
): { server?: string; key?: string } {
  // An empty variable is the same as none (`KPI_SERVER= kpi …`).
  const server = values.server ?? (env.KPI_SERVER || undefined);
  const key = values.key ?? (env.KPI_KEY || undefined);
  if (values.key !== undefined && server === undefined) {
    throw usageError(spec, "--key chỉ dùng cùng --server <địa chỉ máy chủ>. Không có --server, lệnh làm việc thẳng với kho lưu trữ và không cần khóa.");
  }
  if (server === undefined) return {};
  const parsed = serverSchema.safeParse(server);
  if (!parsed.success) throw usageError(spec, parsed.error.issues[0]!.message);
  return { server: parsed.data, ...(key ? { key } : {}) };
}
