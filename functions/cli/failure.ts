import * as z from "zod";
import { WorkbookRejectedError } from "../workbook/workbookRejection";
import { CliError, type CliIo } from "./io";

/**
 * The last line of defence of `kpi`: whatever went wrong is one Vietnamese line and an exit code, never a stack
 * trace or a library's English. `KPI_DEBUG=1` adds the trace for whoever is fixing the program.
 */
export function reportFailure(error: unknown, io: CliIo, env: NodeJS.ProcessEnv = process.env): number {
  const { message, exitCode } = describeFailure(error);
  io.err(message);
  if (env.KPI_DEBUG === "1" && error instanceof Error && error.stack) io.err(error.stack);
  return exitCode;
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: "không có tệp hoặc thư mục này",
  EACCES: "không có quyền đọc hoặc ghi",
  EPERM: "không có quyền đọc hoặc ghi",
  EISDIR: "đây là một thư mục, không phải tệp",
  ENOTDIR: "một phần của đường dẫn không phải thư mục",
  EEXIST: "đã có tệp này",
  ENOSPC: "ổ đĩa đã đầy",
  EROFS: "ổ đĩa chỉ cho đọc",
};

function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof WorkbookRejectedError) return { message: error.message, exitCode: 1 };
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
    return { message: `Dữ liệu không hợp lệ: ${issue?.message ?? "sai định dạng"}${where}.`, exitCode: 1 };
  }
  const code = (error as { code?: unknown })?.code;
  const path = (error as { path?: unknown })?.path;
  if (typeof code === "string" && FILE_PROBLEMS[code]) {
    return { message: `Không đọc hoặc ghi được ${typeof path === "string" ? `"${path}"` : "tệp"}: ${FILE_PROBLEMS[code]}.`, exitCode: 2 };
  }
  return { message: "Lệnh gặp lỗi không mong đợi. Chạy lại với KPI_DEBUG=1 để xem chi tiết kỹ thuật.", exitCode: 1 };
}
