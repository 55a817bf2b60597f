import type { HttpResponseInit } from "@azure/functions";
import type { CatalogueDecision } from "../../shared/catalogue/model";
import type { Aggregate } from "../../shared/report/aggregate";
import { AggregateBuilder } from "../../shared/report/aggregateBuilder";
import type { PeriodCode } from "../../shared/period/period";
import { fileResponse, json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { buildConsolidatedReport } from "../report/consolidatedReport";
import { resolveDecision, resolvePeriod } from "../services/access";
import type { Services } from "../services/services";
import type { CatalogueSnapshot } from "../storage/catalogueStore";
import { XLSX_CONTENT_TYPE } from "../storage/workbookStore";

/**
 * Reads the province's reviews of the period once, then the latest version of every agency as storage streams it, and
 * folds both into the matrix.
 */
export async function aggregatePeriod(
  services: Services,
  snapshot: CatalogueSnapshot,
  decision: CatalogueDecision,
  period: PeriodCode,
): Promise<Aggregate> {
  const reviews = await services.reviews.reviewsOfPeriod(decision.id, period);
  const builder = new AggregateBuilder(snapshot.lookup, decision, period, snapshot.versionOf(decision.province), services.settings.reportDueDay, reviews);
  for await (const record of services.submissions.latestOfPeriod(decision.id, period)) builder.add(record);
  return builder.result(services.now().toISOString());
}

async function aggregateOfRequest({ request, services, principal }: RouteContext): Promise<Aggregate> {
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  const period = resolvePeriod(request.params.period, decision);
  return aggregatePeriod(services, snapshot, decision, period);
}

/** GET decisions/{decisionId}/periods/{period}/aggregate — agencies × indicators, completeness, shares met. */
export async function aggregateHandler(context: RouteContext): Promise<HttpResponseInit> {
  return json(200, await aggregateOfRequest(context));
}

/** GET …/report.xlsx — the consolidated report the standing agency sends to the Chairman. */
export async function consolidatedReportHandler(context: RouteContext): Promise<HttpResponseInit> {
  const aggregate = await aggregateOfRequest(context);
  const bytes = await buildConsolidatedReport(aggregate);
  return fileResponse(bytes, `tong-hop-${aggregate.decision.id}-${aggregate.period}.xlsx`, XLSX_CONTENT_TYPE);
}
