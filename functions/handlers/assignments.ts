import type { HttpResponseInit } from "@azure/functions";
import { ApiError } from "../http/apiError";
import { fileResponse, json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { agencyOfRequest, requireAgencyAccess, resolveAgency, resolveDecision, resolvePeriod } from "../services/access";
import { periodView } from "../services/submitValues";
import { XLSX_CONTENT_TYPE } from "../storage/workbookStore";
import { buildReportWorkbook } from "../workbook/reportForm";

async function viewOfRequest(context: RouteContext) {
  const { request, services, principal } = context;
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  const period = resolvePeriod(request.params.period, decision);
  const agencyId = agencyOfRequest(principal, request.query.get("agency"));
  if (!agencyId) throw new ApiError("validation_failed", "Cần chỉ rõ cơ quan: thêm ?agency=<mã cơ quan>.");
  const agency = resolveAgency(snapshot, decision, agencyId);
  requireAgencyAccess(principal, agency);
  return periodView(services, snapshot, decision, agency, period);
}

/** GET decisions/{decisionId}/periods/{period}/assignments?agency= — what the agency reports for the period. */
export async function assignmentsHandler(context: RouteContext): Promise<HttpResponseInit> {
  return json(200, await viewOfRequest(context));
}

/** GET …/assignments.xlsx?agency= — the same rows as a report form to fill in any Excel, with or without the add-in. */
export async function assignmentsFormHandler(context: RouteContext): Promise<HttpResponseInit> {
  const view = await viewOfRequest(context);
  const bytes = await buildReportWorkbook(view);
  return fileResponse(bytes, `bao-cao-${view.agency.id}-${view.period}.xlsx`, XLSX_CONTENT_TYPE);
}
