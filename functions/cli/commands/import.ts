import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import * as z from "zod";
import type { AgencyChoices } from "../../../shared/catalogue/agencyChoices";
import { slugOf } from "../../../shared/catalogue/agencyNames";
import { agencyIdSchema } from "../../../shared/model/ids";
import { readSource, SOURCE_FORMATS, SourceError, type SourceRead } from "../../catalogue/readSource";
import { openApi } from "../apiConnection";
import { readArgs } from "../args";
import { CliError, type CliIo } from "../io";
import { IMPORT_COMMAND } from "./importArgs";
import { importAnswerSchema } from "../../../shared/catalogue/importAnswer";
import { printImportAnswer, printRefusal } from "./importReport";

// ---- Arguments: the flags are IMPORT_COMMAND (importArgs.ts); here they are checked and typed. ----

/** `--agency "Sở Y Tế (cũ)=so-y-te"`: the heading as written, then the registered agency's id. */
const agencyChoiceArgument = z
  .string()
  .regex(/^.+=[^=]+$/, { error: '--agency viết dạng "Tên mục=mã cơ quan", ví dụ --agency "Sở Y Tế (cũ)=so-y-te".' })
  .transform((text) => {
    const at = text.lastIndexOf("=");
    return { heading: text.slice(0, at).trim(), id: text.slice(at + 1).trim() };
  })
  .pipe(z.object({ heading: z.string().min(1), id: agencyIdSchema }));

const optionsSchema = z.object({
  format: z.enum(SOURCE_FORMATS, { error: `--format phải là một trong: ${SOURCE_FORMATS.join(", ")}.` }).optional(),
  "dry-run": z.boolean().optional(),
  json: z.boolean().optional(),
  replace: z.boolean().optional(),
  agency: z.array(agencyChoiceArgument).default([]),
  create: z.array(z.string().trim().min(1, { error: "--create cần tên mục, ví dụ --create \"Sở Y Tế (cũ)\"." })).default([]),
  number: z.string().optional(),
  province: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100, { message: "--year phải là năm, ví dụ 2025." }).optional(),
  title: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "--date phải có dạng YYYY-MM-DD." }).optional(),
  server: z.url({ error: "--server phải là địa chỉ, ví dụ http://127.0.0.1:7071" }).optional(),
  key: z.string().optional(),
});
type ImportOptions = z.infer<typeof optionsSchema>;

function readArguments(args: string[], io: CliIo): { options: ImportOptions; path: string } | undefined {
  const parsed = readArgs(IMPORT_COMMAND, args, io);
  if (!parsed) return undefined;
  const { values, positionals } = parsed;
  if (values.key && !(values.server || process.env.KPI_SERVER)) {
    throw new CliError("--key chỉ dùng cùng --server: không có --server, lệnh làm việc thẳng với kho lưu trữ và không cần khóa.", 2);
  }
  const options = optionsSchema.safeParse({ ...values, server: values.server || process.env.KPI_SERVER || undefined, key: values.key || process.env.KPI_KEY || undefined });
  if (!options.success) throw new CliError(options.error.issues.map((issue) => issue.message).join(" "), 2);
  return { options: options.data, path: positionals[0]! };
}
// ---- End of arguments. ----

/**
 * `kpi import <tệp> [--dry-run] [--json] [--replace] [--agency "Tên=mã"] [--create "Tên"] [--server URL --key KHÓA]`:
 * a decision's appendix imported into the catalogue of the system that runs — over HTTP with --server, otherwise
 * straight on storage (KPI_STORAGE_CONNECTION, default the Azurite of `npm start`) through the same route handler.
 * All of it or nothing. The preview lists the agencies the import creates, those it found registered, and those that
 * only resemble a registered agency: the person chooses for these with --agency or --create.
 */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const read0 = readArguments(args, io);
  if (!read0) return 0;
  const { options, path } = read0;
  let read: SourceRead;
  try {
    read = await readSource(path, options.format);
  } catch (error) {
    if (error instanceof SourceError) throw new CliError(`${error.message} [${error.code}]`);
    throw error;
  }
  const bytes = await readFile(path);
  const province = () => {
    const named = slugOf(options.province ?? read.draft.header.province ?? "");
    if (!named) throw new CliError("Văn bản không ghi tỉnh, thành phố: thêm --province, ví dụ --province phu-tho.", 2);
    return Promise.resolve(named);
  };

  const api = await openApi({ server: options.server, key: options.key, province });
  try {
    const response = await api.fetch(`/catalogue/import?${importQuery(options, path, read.format)}`, {
      method: "POST",
      // The pane's sheets JSON is JSON like every other JSON body; files go as bytes.
      headers: { "content-type": read.format === "sheets" ? "application/json" : "application/octet-stream" },
      body: new Uint8Array(bytes),
    });
    const body: unknown = await response.json().catch(() => ({}));
    if (!response.ok) {
      if (options.json) io.out(JSON.stringify(body, null, 2));
      printRefusal(io, response.status, body);
      return 1;
    }
    const answer = importAnswerSchema.parse(body);
    if (options.json) io.out(JSON.stringify({ ...(body as object), kind: read.kind, layout: read.layout, draft: read.draft }, null, 2));
    else {
      io.out(read.layout);
      printImportAnswer(io, read.draft, answer);
    }
    return answer.dryRun && answer.needsAgencyChoices ? 1 : 0;
  } finally {
    await api.close();
  }
}

function importQuery(options: ImportOptions, path: string, format: string): URLSearchParams {
  const query = new URLSearchParams({ name: basename(path), format });
  if (options["dry-run"]) query.set("dryRun", "true");
  if (options.replace) query.set("replace", "true");
  for (const field of ["number", "title", "date", "province"] as const) if (options[field]) query.set(field, options[field]);
  if (options.year) query.set("year", String(options.year));
  const choices: AgencyChoices = {};
  for (const { heading, id } of options.agency) choices[heading] = { use: id };
  for (const heading of options.create) choices[heading] = { create: true };
  if (Object.keys(choices).length > 0) query.set("agencyChoices", JSON.stringify(choices));
  return query;
}
