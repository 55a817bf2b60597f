import type { HttpResponseInit } from "@azure/functions";
import { z } from "zod";
import { buildCatalogue } from "../../shared/catalogue/build";
import { decisionFromHeader } from "../../shared/catalogue/decision";
import type { ImportProblem } from "../../shared/catalogue/draft";
import type { CatalogueDecision } from "../../shared/catalogue/model";
import { periodLabel, periodsOfYear } from "../../shared/period/period";
import { importSheets, MAX_SOURCE_BYTES, readSourceBytes, sheetsBodySchema, SOURCE_FORMATS, SourceError } from "../catalogue/readSource";
import { ApiError, validationError } from "../http/apiError";
import { readBytes, readJson } from "../http/readBody";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { requireSameProvince, resolveDecision } from "../services/access";
import type { CatalogueSnapshot } from "../storage/catalogueStore";

/** GET catalogue — the indicators and the caller's province's decisions, with the catalogue version. */
export async function catalogueHandler({ services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const decisions = snapshot.catalogue.decisions.filter((decision) => decision.province === principal.province);
  const codes = new Set(
    snapshot.catalogue.assignments.filter((assignment) => decisions.some((d) => d.id === assignment.decisionId)).map((a) => a.indicatorCode),
  );
  return json(200, {
    version: snapshot.version,
    updatedAt: snapshot.updatedAt,
    province: principal.province,
    decisions: decisions.map((decision) => decisionSummary(snapshot, decision)),
    indicators: snapshot.catalogue.indicators.filter((indicator) => codes.has(indicator.code)),
    uncertainMatches: snapshot.catalogue.uncertainMatches.length,
  });
}

/** GET decisions — what the caller can pick in the task pane, with the periods each decision is reported in. */
export async function decisionsHandler({ services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const decisions = snapshot.catalogue.decisions
    .filter((decision) => decision.province === principal.province)
    .map((decision) => decisionSummary(snapshot, decision))
    .filter((decision) => principal.role !== "agency" || decision.assignedAgencies.some((agency) => agency.id === principal.agencyId))
    .map(({ assignedAgencies: _assigned, ...decision }) => decision);
  return json(200, { catalogueVersion: snapshot.version, decisions });
}

/** GET decisions/{decisionId} — the decision and who is assigned what under it. */
export async function decisionHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  return json(200, { catalogueVersion: snapshot.version, ...decisionSummary(snapshot, decision) });
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
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  title: z.string().max(500).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date phải có dạng YYYY-MM-DD." }).optional(),
  dryRun: z.enum(["true", "false"]).optional(),
});

/**
 * POST catalogue/import — a decision's appendix (xlsx in the catalogue's layout, or text) added to the catalogue.
 * All of it or nothing: any error, or a decision of another province, leaves the catalogue as it was.
 */
export async function importHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const query = importQuerySchema.safeParse(Object.fromEntries(request.query.entries()));
  if (!query.success) throw validationError(query.error, "Tham số nhập văn bản");
  const { format, name, dryRun, ...overrides } = query.data;
  let draft;
  try {
    if (format === "sheets") {
      // JSON like every other JSON body: through the size-limited reader, with an appendix's larger limit.
      draft = importSheets((await readJson(request, sheetsBodySchema, "Các trang tính", MAX_SOURCE_BYTES)).sheets, name);
    } else {
      const bytes = Buffer.from(await readBytes(request, MAX_SOURCE_BYTES));
      if (bytes.byteLength === 0) throw new ApiError("validation_failed", "Chưa gửi kèm tệp văn bản cần nhập.");
      ({ draft } = await readSourceBytes(bytes, name, format));
    }
  } catch (error) {
    if (error instanceof SourceError) throw new ApiError("validation_failed", error.message);
    throw error;
  }
  const header = decisionFromHeader(draft.header, { ...overrides, ...(draft.header.province ? {} : { province: principal.province }) });
  if ("problems" in header) throw importRejected([...draft.problems, ...header.problems]);
  requireSameProvince(principal, header.decision.province);

  const apply = (catalogue: Parameters<typeof buildCatalogue>[1]) => {
    const built = buildCatalogue([{ draft, decision: header.decision }], catalogue);
    const report = built.reports[0]!;
    if (report.problems.some((problem) => problem.severity === "error")) throw importRejected(report.problems);
    return { catalogue: built.catalogue, result: report };
  };
  if (dryRun === "true") {
    const { result } = apply((await services.catalogue.current()).catalogue);
    return json(200, { dryRun: true, decision: header.decision, report: result });
  }
  const saved = await services.catalogue.update(apply, { updatedBy: principal.subject, reason: `Nhập văn bản ${header.decision.number}` });
  return json(201, { dryRun: false, catalogueVersion: saved.version, decision: header.decision, report: saved.result });
}

function importRejected(problems: ImportProblem[]): ApiError {
  const errors = problems.filter((problem) => problem.severity === "error");
  return new ApiError(
    "validation_failed",
    `Không nhập: văn bản có ${errors.length} lỗi (${errors[0]?.message ?? "không rõ"}). Danh mục không thay đổi.`,
    { problems },
  );
}
