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
 * Reads the province's reviews of the period and the latest version of every agency at once (two range queries in
 * flight together, so the reviews cost no round trip of their own), then folds each latest version into the matrix as
 * storage streams it.
 */
export async function aggregatePeriod(
  services: Services,
  snapshot: CatalogueSnapshot,
  decision: CatalogueDecision,
  period: PeriodCode,
): Promise<Aggregate> {
  const reviewsRead = services.reviews.reviewsOfPeriod(decision.id, period);
  const latest = services.submissions.latestOfPeriod(decision.id, period)[Symbol.asyncIterator]();
  const firstRead = latest.next();
  // Awaited only after the reviews: a failure of either is thrown from there, never left unhandled meanwhile.
  firstRead.catch(() => undefined);
  let builder: AggregateBuilder;
  try {
    builder = new AggregateBuilder(snapshot.lookup, decision, period, snapshot.versionOf(decision.province), services.settings.reportDueDay, await reviewsRead);
  } catch (error) {
    await latest.return(undefined).catch(() => undefined);
    throw error;
  }
  for (let next = await firstRead; !next.done; next = await latest.next()) builder.add(next.value);
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
