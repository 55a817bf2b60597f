import type { HttpResponseInit } from "@azure/functions";
import * as z from "zod";
import { auditAnswerSchema } from "../../shared/api/review";
import { auditActionSchema, type AuditEvent } from "../../shared/model/audit";
import { agencyIdSchema } from "../../shared/model/ids";
import { validationError } from "../http/apiError";
import { fileResponse, json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { buildAuditWorkbook } from "../report/auditWorkbook";
import { resolveAgency, resolveDecision, resolvePeriod } from "../services/access";
import { DomainError } from "../services/domainError";
import { periodAuditTrail } from "../services/periodAuditTrail";
import { NO_PERIOD, type AuditFilter } from "../storage/auditLog";
import type { CatalogueSnapshot } from "../storage/catalogueStore";
import { XLSX_CONTENT_TYPE } from "../storage/workbookStore";

const auditQuerySchema = z.object({
  agency: agencyIdSchema.optional(),
  action: z.enum(auditActionSchema.options, { error: `action phải là một trong: ${auditActionSchema.options.join(", ")}.` }).optional(),
  format: z.enum(["json", "xlsx"], { error: 'format là "json" hoặc "xlsx".' }).optional(),
});

/**
 * GET decisions/{decisionId}/periods/{period}/audit[?agency=&action=&format=xlsx] — who changed what in the period,
 * oldest first. The province reads every event of the decision; an agency key reads its own agency's only.
 */
export async function periodAuditHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const query = parseQuery(request.query);
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  const period = resolvePeriod(request.params.period, decision);
  if (principal.role === "agency" && query.agency && query.agency !== principal.agencyId) {
    throw new DomainError("forbidden", "Khóa truy cập này chỉ xem được nhật ký của cơ quan mình.", { agencyId: query.agency });
  }
  const agencyId = principal.role === "agency" ? principal.agencyId : query.agency && resolveAgency(snapshot, decision, query.agency).id;
  // An agency's trail includes the locks of the whole period: they decided what it could still send.
  const filter: Omit<AuditFilter, "decisionId"> = {
    ...(agencyId ? { agencyId, includePeriodWide: true } : {}),
    ...(query.action ? { action: query.action } : {}),
  };
  const events = await periodAuditTrail(services, decision.province, decision.id, period, filter);
  if (query.format === "xlsx") {
    const bytes = await buildAuditWorkbook(events, agencyNames(snapshot, decision.province));
    return fileResponse(bytes, `nhat-ky-${decision.id}-${period}${agencyId ? `-${agencyId}` : ""}.xlsx`, XLSX_CONTENT_TYPE);
  }
  return json(200, auditAnswerSchema.parse({ events }));
}

/** GET audit[?action=&format=xlsx] — the province's own events, in no period: imports, registrations, keys. */
export async function provinceAuditHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const query = parseQuery(request.query);
  const filter: AuditFilter = { ...(query.agency ? { agencyId: query.agency } : {}), ...(query.action ? { action: query.action } : {}) };
  const events = await collect(services.audit.events(principal.province, NO_PERIOD, filter));
  if (query.format === "xlsx") {
    const snapshot = await services.catalogue.current();
    const bytes = await buildAuditWorkbook(events, agencyNames(snapshot, principal.province));
    return fileResponse(bytes, `nhat-ky-${principal.province}.xlsx`, XLSX_CONTENT_TYPE);
  }
  return json(200, auditAnswerSchema.parse({ events }));
}

function parseQuery(params: URLSearchParams) {
  const query = auditQuerySchema.safeParse(Object.fromEntries(params.entries()));
  if (!query.success) throw validationError(query.error, "Tham số nhật ký");
  return query.data;
}

async function collect(events: AsyncIterable<AuditEvent>): Promise<AuditEvent[]> {
  const all: AuditEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

function agencyNames(snapshot: CatalogueSnapshot, province: string): (id: string) => string {
  return (id) => snapshot.lookup.agency(province, id)?.name ?? id;
}
