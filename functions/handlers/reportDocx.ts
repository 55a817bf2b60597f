import type { HttpResponseInit } from "@azure/functions";
import { fileResponse } from "../http/respond";
import type { RouteContext } from "../http/route";
import { buildReportDocx, DOCX_CONTENT_TYPE } from "../report/docx/reportDocx";
import { resolveDecision, resolvePeriod } from "../services/access";
import { aggregatePeriod } from "./aggregate";

/** GET decisions/{decisionId}/periods/{period}/report.docx — the draft report to the Chairman, from the aggregate. */
export async function reportDocxHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  const period = resolvePeriod(request.params.period, decision);
  const aggregate = await aggregatePeriod(services, snapshot, decision, period);
  const bytes = await buildReportDocx(aggregate, { date: decision.date, ...(decision.issuer ? { issuer: decision.issuer } : {}) });
  return fileResponse(bytes, `bao-cao-${aggregate.decision.id}-${aggregate.period}.docx`, DOCX_CONTENT_TYPE);
}
