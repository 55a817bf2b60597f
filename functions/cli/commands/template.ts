import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { buildTemplate } from "../../catalogue/template";
import { CliError, type CliIo } from "../io";

/** `kpi template [tệp.xlsx] [--force]`: the empty appendix workbook that `kpi import` reads. */
export async function runTemplate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean" } } });
  const path = positionals[0] ?? "mau-phu-luc-chi-tieu.xlsx";
  if (!path.toLowerCase().endsWith(".xlsx")) throw new CliError(`Tên tệp phải có đuôi .xlsx: "${path}".`, 2);
  if (existsSync(path) && !values.force) throw new CliError(`Tệp "${path}" đã có; dùng --force để ghi đè.`);
  await writeFile(path, await buildTemplate());
  io.out(`Đã tạo mẫu phụ lục: ${path}`);
  return 0;
}
