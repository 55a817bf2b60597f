import type { HttpResponseInit } from "@azure/functions";
import type { Agency, CatalogueDecision } from "../../shared/catalogue/model";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import { parsePeriodCode, periodContaining, type PeriodCode } from "../../shared/period/period";
import { buildPeriodAssignments } from "../../shared/report/buildPeriodAssignments";
import { targetBatchRequestSchema, type TargetAnswer, type TargetQuery } from "../../shared/report/receipt";
import { foldDiacritics, normalizeText } from "../../shared/text/normalize";
import { readJson } from "../http/readBody";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";
import type { CatalogueSnapshot } from "../storage/catalogueStore";

/**
 * POST targets — answers a recalculation's worth of KPI.TARGET cells in one request. Each query is answered on its
 * own: one unknown agency gives that cell an error, never the whole batch.
 */
export async function targetsHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const { queries } = await readJson(request, targetBatchRequestSchema, "Danh sách chỉ tiêu cần tra");
  const snapshot = await services.catalogue.current();
  const today = new Date(services.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  // A recalculation asks about few agencies many times: each agency's period rows are built once per request.
  const views = new Map<string, PeriodAssignments>();
  const viewOf = (decision: CatalogueDecision, agency: Agency, period: PeriodCode) => {
    const key = `${decision.id}|${agency.id}|${period}`;
    let view = views.get(key);
    if (!view) {
      view = buildPeriodAssignments({ lookup: snapshot.lookup, catalogueVersion: snapshot.versionOf(decision.province), decision, agency, period, reportDueDay: services.settings.reportDueDay });
      views.set(key, view);
    }
    return view;
  };
  const answers = queries.map((query) => answer(snapshot, principal.province, query, today, viewOf));
  return json(200, { catalogueVersion: snapshot.versionOf(principal.province), answers });
}

type ViewOf = (decision: CatalogueDecision, agency: Agency, period: PeriodCode) => PeriodAssignments;

function answer(snapshot: CatalogueSnapshot, province: string, query: TargetQuery, today: string, viewOf: ViewOf): TargetAnswer {
  const agency = findAgency(snapshot, province, query.agency);
  if (!agency) return { ok: false, code: "unknown_agency", message: `Không có cơ quan "${query.agency}" trong danh mục của tỉnh.` };
  const period = query.period ? parsePeriodCode(query.period) : undefined;
  if (period && !period.ok) return { ok: false, code: "invalid_period", message: period.error };
  const code: PeriodCode = query.period ?? periodContaining(today, "quarter")!;
  const year = Number(code.slice(0, 4));
  const indicatorCode = query.indicatorCode.toUpperCase();
  const decisions = snapshot.catalogue.decisions
    .filter((decision) => decision.province === province && decision.year === year)
    .sort((a, b) => b.date.localeCompare(a.date));
  for (const decision of decisions) {
    const row = viewOf(decision, agency, code).assignments.find((assignment) => assignment.indicatorCode === indicatorCode);
    if (row) return { ok: true, targetText: row.targetText, decisionId: decision.id, period: code };
  }
  return {
    ok: false,
    code: "not_assigned",
    message: `${agency.name} không được giao chỉ tiêu ${indicatorCode} trong năm ${year}.`,
  };
}

/** By id ("so-tai-chinh"), by name or by short name, ignoring case and diacritics typed differently. */
function findAgency(snapshot: CatalogueSnapshot, province: string, typed: string): Agency | undefined {
  const byId = snapshot.lookup.agency(province, typed.trim().toLowerCase());
  if (byId) return byId;
  const folded = foldDiacritics(normalizeText(typed));
  return snapshot.lookup
    .agenciesOf(province)
    .find((agency) => foldDiacritics(normalizeText(agency.name)) === folded || (agency.shortName && foldDiacritics(normalizeText(agency.shortName)) === folded));
}
