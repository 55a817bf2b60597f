import type { HttpResponseInit } from "@azure/functions";
import * as z from "zod";
import { agencyChoicesSchema, type AgencyChoices } from "../../shared/catalogue/agencyChoices";
import { buildCatalogue, type BuildReport } from "../../shared/catalogue/build";
import { askForHeaderFields, decisionFromHeader } from "../../shared/catalogue/decision";
import type { ImportDraft, ImportProblem } from "../../shared/catalogue/draft";
import { describeSource } from "../documents/layoutNames";
import type { Catalogue, CatalogueDecision } from "../../shared/catalogue/model";
import { periodLabel, periodsOfYear } from "../../shared/period/period";
import { importSheets, MAX_SOURCE_BYTES, readSourceBytes, sheetsBodySchema, SOURCE_FORMATS, SourceError } from "../catalogue/readSource";
import { ApiError, validationError } from "../http/apiError";
import { readBytes, readJson } from "../http/readBody";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { requireSameProvince, resolveDecision } from "../services/access";
import type { CatalogueSnapshot } from "../storage/catalogueStore";

/**
 * GET catalogue — the indicators and the caller's province's decisions, with the catalogue version. With
 * `?include=assignments` also the assignments as written (an agency key: those that reach its agency), the province's
 * agencies and groups: everything `kpi catalogue` lists.
 */
export async function catalogueHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const decisions = snapshot.catalogue.decisions.filter((decision) => decision.province === principal.province);
  const codes = new Set(
    snapshot.catalogue.assignments.filter((assignment) => decisions.some((d) => d.id === assignment.decisionId)).map((a) => a.indicatorCode),
  );
  return json(200, {
    version: snapshot.versionOf(principal.province),
    updatedAt: snapshot.updatedAt,
    province: principal.province,
    decisions: decisions.map((decision) => decisionSummary(snapshot, decision)),
    indicators: snapshot.catalogue.indicators.filter((indicator) => codes.has(indicator.code)),
    uncertainMatches: snapshot.catalogue.uncertainMatches.length,
    ...(request.query.get("include") === "assignments" ? assignmentsOfProvince(snapshot, decisions, principal) : {}),
  });
}

function assignmentsOfProvince(snapshot: CatalogueSnapshot, decisions: CatalogueDecision[], principal: RouteContext["principal"]) {
  const own = principal.role === "agency" && principal.agencyId ? snapshot.lookup.agency(principal.province, principal.agencyId) : undefined;
  const assignments = decisions.flatMap((decision) =>
    principal.role === "agency"
      ? own
        ? snapshot.lookup.assignmentsFor(decision, own).map(({ assignment }) => assignment)
        : []
      : [...snapshot.lookup.assignmentsOfDecision(decision.id)],
  );
  return {
    assignments,
    agencies: snapshot.lookup.agenciesOf(principal.province),
    groups: snapshot.catalogue.groups.filter((group) => group.province === principal.province),
  };
}

/** GET decisions — what the caller can pick in the task pane, with the periods each decision is reported in. */
export async function decisionsHandler({ services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const decisions = snapshot.catalogue.decisions
    .filter((decision) => decision.province === principal.province)
    .map((decision) => decisionSummary(snapshot, decision))
    .filter((decision) => principal.role !== "agency" || decision.assignedAgencies.some((agency) => agency.id === principal.agencyId))
    .map(({ assignedAgencies: _assigned, ...decision }) => decision);
  return json(200, { catalogueVersion: snapshot.versionOf(principal.province), decisions });
}

/** GET decisions/{decisionId} — the decision and who is assigned what under it. */
export async function decisionHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  return json(200, { catalogueVersion: snapshot.versionOf(decision.province), ...decisionSummary(snapshot, decision) });
}

function decisionSummary(snapshot: CatalogueSnapshot, decision: CatalogueDecision) {
  const assignments = snapshot.lookup.assignmentsOfDecision(decision.id);
  const agencies = snapshot.lookup.assignedAgencies(decision).map((agency) => ({
    id: agency.id,
    name: agency.name,
    kind: agency.kind,
    assignmentCount: snapshot.lookup.assignmentsFor(decision, agency).length,
  }));
  return {
    ...decision,
    assignmentCount: assignments.length,
    periods: periodsOfYear(decision.year, "quarter").map((code) => ({ code, label: periodLabel(code) })),
    assignedAgencies: agencies,
  };
}

const importQuerySchema = z.object({
  format: z.enum(SOURCE_FORMATS, { error: `format phải là một trong: ${SOURCE_FORMATS.join(", ")}.` }).optional(),
  name: z.string().max(200).default("phu-luc"),
  number: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  title: z.string().max(500).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date phải có dạng YYYY-MM-DD." }).optional(),
  dryRun: z.enum(["true", "false"]).optional(),
  /** A corrected import takes the place of the same decision, while nobody has submitted against it. */
  replace: z.enum(["true", "false"]).optional(),
  /** JSON: {"Sở Y Tế (cũ)": {"use": "so-y-te"}, "Sở Mới": {"create": true}} for headings close to registered agencies. */
  agencyChoices: z.string().max(20_000).optional(),
});

/** Problems a person resolves by choosing agencies, not by correcting the document. */
const CHOICE_CODES = new Set(["agency_choice_required"]);

/**
 * POST catalogue/import — a decision's appendix (xlsx in the catalogue's layout, or text) added to the catalogue.
 * All of it or nothing: any error, a heading that only resembles a registered agency and has no choice, or a decision
 * of another province leaves the catalogue as it was. The dry run answers with the same report, agencies included.
 */
export async function importHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const query = importQuerySchema.safeParse(Object.fromEntries(request.query.entries()));
  if (!query.success) throw validationError(query.error, "Tham số nhập văn bản");
  const { format, name, dryRun, replace, agencyChoices: choicesText, ...overrides } = query.data;
  const agencyChoices = parseAgencyChoices(choicesText);
  let read: { draft: ImportDraft; kind: string; layout: string };
  try {
    if (format === "sheets") {
      // JSON like every other JSON body: through the size-limited reader, with an appendix's larger limit.
      const draft = importSheets((await readJson(request, sheetsBodySchema, "Các trang tính", MAX_SOURCE_BYTES)).sheets, name);
      read = { draft, kind: "sheets", layout: describeSource("sheets", "sheets", false) };
    } else {
      const bytes = Buffer.from(await readBytes(request, MAX_SOURCE_BYTES));
      if (bytes.byteLength === 0) throw new ApiError("validation_failed", "Chưa gửi kèm tệp văn bản cần nhập.");
      read = await readSourceBytes(bytes, name, format);
    }
  } catch (error) {
    if (error instanceof SourceError) throw new ApiError("validation_failed", error.message, { sourceCode: error.code });
    throw error;
  }
  const { draft, kind, layout } = read;
  const header = decisionFromHeader(draft.header, { ...(draft.header.province ? {} : { province: principal.province }), ...overrides }, "parameters");
  if ("problems" in header) {
    const problems = [...draft.problems, ...header.problems];
    const ask = askForHeaderFields(header.problems, "parameters");
    if (ask && !draft.problems.some((problem) => problem.severity === "error")) throw new ApiError("validation_failed", `Không nhập: ${ask} Danh mục không thay đổi.`, { problems });
    throw importRejected(problems);
  }
  requireSameProvince(principal, header.decision.province);
  const input = { draft, decision: header.decision, replace: replace === "true", ...(agencyChoices ? { agencyChoices } : {}) };

  const build = (catalogue: Catalogue) => {
    const built = buildCatalogue([input], catalogue);
    return { catalogue: built.catalogue, report: built.reports[0]! };
  };
  const current = await services.catalogue.current();
  if (input.replace && current.lookup.decisions.has(header.decision.id)) await requireNoSubmissions(services, header.decision);
  if (dryRun === "true") {
    const { report } = build(current.catalogue);
    // A preview shows the agencies still to choose; anything else wrong in the document is refused as usual.
    if (report.problems.some((problem) => problem.severity === "error" && !CHOICE_CODES.has(problem.code))) throw importRejected(report.problems);
    return json(200, { dryRun: true, kind, layout, decision: header.decision, needsAgencyChoices: report.agencies.close.length > 0, report });
  }
  const saved = await services.catalogue.update(
    (catalogue) => {
      const { catalogue: next, report } = build(catalogue);
      const errors = report.problems.filter((problem) => problem.severity === "error");
      if (errors.length > 0 && errors.every((problem) => CHOICE_CODES.has(problem.code))) throw choicesRequired(report);
      if (errors.length > 0) throw importRejected(report.problems);
      return { catalogue: next, result: report };
    },
    { updatedBy: principal.subject, reason: `${input.replace ? "Nhập lại (thay thế)" : "Nhập"} văn bản ${header.decision.number}`, province: header.decision.province },
  );
  await services.audit.append({
    at: services.now().toISOString(),
    actor: principal.subject,
    actorLabel: principal.label,
    action: "import",
    province: header.decision.province,
    details: {
      decisions: [saved.result.decisionId],
      number: header.decision.number,
      replaced: saved.result.replaced,
      catalogueVersion: saved.version,
      rows: saved.result.rows,
      newIndicators: saved.result.newIndicators,
      matchedIndicators: saved.result.matchedIndicators,
      agenciesCreated: saved.result.agencies.created.length,
      agenciesMatched: saved.result.agencies.matched.length,
    },
  });
  return json(201, { dryRun: false, kind, layout, catalogueVersion: saved.version, decision: header.decision, report: saved.result });
}

function parseAgencyChoices(text: string | undefined): AgencyChoices | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError("validation_failed", 'agencyChoices phải là JSON, ví dụ {"Sở Y Tế (cũ)": {"use": "so-y-te"}}.');
  }
  const choices = agencyChoicesSchema.safeParse(parsed);
  if (!choices.success) throw validationError(choices.error, "Lựa chọn cơ quan (agencyChoices)");
  return choices.data;
}

/** A decision stops being replaceable with its first submission: a report must keep meaning what it answered. */
async function requireNoSubmissions(services: RouteContext["services"], decision: CatalogueDecision): Promise<void> {
  if (!(await services.submissions.hasAnyForDecision(decision.id))) return;
  throw new ApiError(
    "decision_has_submissions",
    `Không thay được văn bản ${decision.number}: đã có cơ quan nộp báo cáo theo văn bản này, thay chỉ tiêu bây giờ sẽ làm sai các báo cáo đã nộp. Danh mục không thay đổi.`,
  );
}

function choicesRequired(report: BuildReport): ApiError {
  const list = report.agencies.close.map((close) => `"${close.heading}" (giống ${close.candidates.map((c) => `${c.name} – ${c.id}`).join("; ")})`);
  return new ApiError(
    "agency_choice_required",
    `Không nhập: ${list.length} mục có tên giống cơ quan đã đăng ký, cần chọn là cơ quan đó hay tạo mới: ${list.join(", ")}. Danh mục không thay đổi.`,
    { close: report.agencies.close, problems: report.problems },
  );
}

function importRejected(problems: ImportProblem[]): ApiError {
  const errors = problems.filter((problem) => problem.severity === "error");
  return new ApiError(
    "validation_failed",
    `Không nhập: văn bản có ${errors.length} lỗi (${errors[0]?.message ?? "không rõ"}). Danh mục không thay đổi.`,
    { problems },
  );
}
