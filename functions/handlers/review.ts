import type { HttpResponseInit } from "@azure/functions";
import { approveRequestSchema, returnRequestSchema, verdictsRequestSchema } from "../../shared/api/review";
import { readJson, readOptionalJson } from "../http/readBody";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { approveVersion, returnVersion, setVerdicts, type ReviewTarget } from "../services/review";
import { requireVersion, resolveAgencyRoute } from "./submissions";

/** The version a review route is about, after both gates (role by the route, province and agency here). */
async function reviewTarget(context: RouteContext): Promise<ReviewTarget> {
  const { decision, period, agency } = await resolveAgencyRoute(context);
  const record = await requireVersion(context, decision.id, period, agency.id);
  return { principal: context.principal, decision, period, agency, record };
}

/** PUT …/versions/{version}/verdicts — the province's verdicts on values of the agency's newest version. */
export async function verdictsHandler(context: RouteContext): Promise<HttpResponseInit> {
  const target = await reviewTarget(context);
  const body = await readJson(context.request, verdictsRequestSchema, "Đánh giá");
  return json(200, await setVerdicts(context.services, target, body));
}

/** POST …/versions/{version}/return — sends the newest version back to the agency with what to correct. */
export async function returnVersionHandler(context: RouteContext): Promise<HttpResponseInit> {
  const target = await reviewTarget(context);
  const body = await readJson(context.request, returnRequestSchema, "Yêu cầu trả lại");
  return json(200, await returnVersion(context.services, target, body));
}

/** POST …/versions/{version}/approve — closes the review of the agency's newest version. */
export async function approveVersionHandler(context: RouteContext): Promise<HttpResponseInit> {
  const target = await reviewTarget(context);
  const body = await readOptionalJson(context.request, approveRequestSchema, "Yêu cầu duyệt");
  return json(200, await approveVersion(context.services, target, body));
}
