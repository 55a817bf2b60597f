import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { buildTemplate } from "../../catalogue/template";
import { defineCommand, readArgs } from "../args";
import { CliError, type CliIo } from "../io";

export const TEMPLATE_COMMAND = defineCommand({
  command: "template",
  synopsis: "[tệp.xlsx] [--force]",
  summary: "Tạo mẫu phụ lục Excel trống để điền rồi nhập bằng kpi import (mặc định: mau-phu-luc-chi-tieu.xlsx).",
  options: { force: { type: "boolean", description: "Ghi đè khi tệp đã có" } },
  positionals: { max: 1 },
  examples: ["kpi template mau-phu-luc.xlsx"],
});

/** `kpi template [tệp.xlsx] [--force]`: the empty appendix workbook that `kpi import` reads. */
export async function runTemplate(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(TEMPLATE_COMMAND, args, io);
  if (!parsed) return 0;
  const path = parsed.positionals[0] ?? "mau-phu-luc-chi-tieu.xlsx";
  if (!path.toLowerCase().endsWith(".xlsx")) throw new CliError(`Tên tệp phải có đuôi .xlsx: "${path}".`, 2);
  if (existsSync(path) && !parsed.values.force) throw new CliError(`Tệp "${path}" đã có; dùng --force để ghi đè.`);
  await writeFile(path, await buildTemplate());
  io.out(`Đã tạo mẫu phụ lục: ${path}`);
  return 0;
}
