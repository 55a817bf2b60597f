import type { HttpResponseInit } from "@azure/functions";
import * as z from "zod";
import { resolveAgencyName } from "../../shared/catalogue/agencyNames";
import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { registerAgencies, type AgencyRegistration } from "../../shared/catalogue/agencyRegistration";
import { agencyKindSchema, agencySchema } from "../../shared/model/agency";
import { agencyIdSchema } from "../../shared/model/ids";
import { officerText } from "../../shared/model/text";
import { foldDiacritics, normalizeText } from "../../shared/text/normalize";
import { readXlsxSheets } from "../catalogue/xlsxSheets";
import { ApiError, validationError } from "../http/apiError";
import type { FieldProblem } from "../services/domainError";
import { readBytes, readJson } from "../http/readBody";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { MAX_WORKBOOK_BYTES } from "../workbook/xlsxInspect";

/** GET agencies — the caller's province's agencies. */
export async function agenciesHandler({ services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  return json(200, { catalogueVersion: snapshot.versionOf(principal.province), agencies: snapshot.lookup.agenciesOf(principal.province) });
}

/** GET groups — the classes of agencies a decision can assign to as a whole ("UBND các xã, phường"). */
export async function groupsHandler({ services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const agencies = snapshot.lookup.agenciesOf(principal.province);
  const groups = snapshot.catalogue.groups
    .filter((group) => group.province === principal.province)
    .map((group) => ({
      ...group,
      memberCount: group.members ? group.members.length : agencies.filter((agency) => agency.kind === group.memberKind).length,
    }));
  return json(200, { catalogueVersion: snapshot.versionOf(principal.province), groups });
}

const agencyEntrySchema = z.object({
  id: agencyIdSchema.optional(),
  name: officerText("Tên cơ quan"),
  kind: agencyKindSchema.optional(),
  shortName: officerText("Tên viết tắt của cơ quan", 100).optional(),
  parentId: agencyIdSchema.optional(),
});
type AgencyEntry = z.infer<typeof agencyEntrySchema> & { row?: number };

const agencyListSchema = z.object({
  agencies: z.array(agencyEntrySchema).min(1, { error: "Danh sách cơ quan rỗng." }).max(5000, { error: "Mỗi lần đăng ký tối đa 5000 cơ quan." }),
});

/**
 * POST agencies — registers agencies of the caller's province once each, as JSON or as an xlsx list with a
 * "Tên cơ quan" column (optional "Mã", "Loại"). Ids and kinds missing from the list follow from the names. A row with
 * the normalised name of a registered agency is that agency (nothing added); one that only resembles a registered
 * agency is answered as "close" and not added. All rows are checked before anything is saved.
 */
export async function registerAgenciesHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const type = request.headers.get("content-type") ?? "";
  const entries = /json/i.test(type) ? await jsonEntries(request) : await xlsxEntries(await readBytes(request, MAX_WORKBOOK_BYTES));
  const registrations = toRegistrations(entries, principal.province);
  const saved = await services.catalogue.update((catalogue) => registerAgencies(catalogue, registrations), {
    updatedBy: principal.subject,
    reason: `Đăng ký ${registrations.length} cơ quan`,
    province: principal.province,
  });
  await services.audit.append({
    at: services.now().toISOString(),
    actor: principal.subject,
    actorLabel: principal.label,
    action: "register",
    province: principal.province,
    details: {
      catalogueVersion: saved.version,
      added: saved.result.added.map((row) => row.id),
      updated: saved.result.updated.length,
      matched: saved.result.matched.length,
      close: saved.result.close.length,
    },
  });
  return json(200, { catalogueVersion: saved.version, ...saved.result });
}

async function jsonEntries(request: RouteContext["request"]): Promise<AgencyEntry[]> {
  // Rows are numbered as sent, so that the answer can say which rows matched, were added or look close.
  return (await readJson(request, agencyListSchema, "Danh sách cơ quan")).agencies.map((entry, index) => ({ ...entry, row: index + 1 }));
}

async function xlsxEntries(bytes: Uint8Array): Promise<AgencyEntry[]> {
  const sheets = await readXlsxSheets(bytes);
  for (const sheet of sheets) {
    const found = findListHeader(sheet.rows);
    if (!found) continue;
    const entries: AgencyEntry[] = [];
    const rowNumbers: number[] = [];
    sheet.rows.slice(found.row + 1).forEach((row, index) => {
      const name = text(row[found.name]);
      if (!name) return;
      const id = found.id === undefined ? "" : text(row[found.id]);
      const kind = found.kind === undefined ? "" : kindOfLabel(text(row[found.kind]));
      entries.push({ name, ...(id ? { id: id as AgencyEntry["id"] } : {}), ...(kind ? { kind } : {}) });
      rowNumbers.push(found.row + index + 2);
    });
    const valid = agencyListSchema.safeParse({ agencies: entries });
    if (!valid.success) throw validationError(valid.error, "Danh sách cơ quan");
    return valid.data.agencies.map((entry, index) => ({ ...entry, row: rowNumbers[index] }));
  }
  throw new ApiError("validation_failed", 'Không tìm thấy cột "Tên cơ quan" (hoặc "Tên đơn vị") trong tệp.');
}

function findListHeader(rows: SheetCell[][]): { row: number; name: number; id?: number; kind?: number } | undefined {
  for (let row = 0; row < Math.min(rows.length, 20); row += 1) {
    const folded = rows[row]!.map((cell) => foldDiacritics(normalizeText(text(cell))));
    const name = folded.findIndex((cell) => /^ten( co quan| don vi| xa| xa, phuong)?/.test(cell));
    if (name < 0) continue;
    const id = folded.findIndex((cell) => /^ma( co quan| don vi)?$/.test(cell));
    const kind = folded.findIndex((cell) => /^loai/.test(cell));
    return { row, name, ...(id >= 0 ? { id } : {}), ...(kind >= 0 ? { kind } : {}) };
  }
  return undefined;
}

function kindOfLabel(label: string): AgencyEntry["kind"] | "" {
  const folded = foldDiacritics(normalizeText(label));
  if (!folded) return "";
  if (agencyKindSchema.safeParse(folded).success) return folded as AgencyEntry["kind"];
  if (/xa|phuong|dac khu/.test(folded)) return "ubnd_cap_xa";
  if (/huyen|thi xa|thanh pho/.test(folded)) return "ubnd_cap_huyen";
  if (/so|ban|nganh/.test(folded)) return "so_ban_nganh";
  return "khac";
}

function toRegistrations(entries: AgencyEntry[], province: string): AgencyRegistration[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const registrations: AgencyRegistration[] = [];
  entries.forEach((entry, index) => {
    const resolved = resolveAgencyName(entry.name);
    const candidate = agencySchema.safeParse({
      id: entry.id ?? resolved.id,
      name: resolved.name,
      kind: entry.kind ?? resolved.kind,
      province,
      ...(entry.shortName ? { shortName: entry.shortName } : {}),
      ...(entry.parentId ? { parentId: entry.parentId } : {}),
    });
    if (!candidate.success) {
      problems.push({ path: `agencies[${index}]`, message: `${entry.name}: ${candidate.error.issues[0]?.message ?? "không hợp lệ"}` });
      return;
    }
    if (seen.has(candidate.data.id)) {
      problems.push({ path: `agencies[${index}].id`, message: `Mã "${candidate.data.id}" xuất hiện hai lần trong danh sách.` });
      return;
    }
    seen.add(candidate.data.id);
    registrations.push({ row: entry.row ?? index + 1, agency: candidate.data, explicitId: entry.id !== undefined });
  });
  if (problems.length > 0) {
    throw new ApiError("validation_failed", `Danh sách có ${problems.length} lỗi: ${problems[0]!.message}. Chưa lưu cơ quan nào.`, { problems });
  }
  return registrations;
}

function text(cell: SheetCell | undefined): string {
  return cell === null || cell === undefined || typeof cell === "object" ? "" : String(cell).trim();
}
