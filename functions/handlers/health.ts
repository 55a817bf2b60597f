import type { HttpResponseInit } from "@azure/functions";
import { ROLE_LABELS } from "../auth/principal";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";

/** GET health — up, and able to read the catalogue from storage (a storage outage answers 503 via the wrapper). */
export async function healthHandler({ services }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  return json(200, { status: "ok", catalogueVersion: snapshot.version, decisions: snapshot.catalogue.decisions.length, time: services.now().toISOString() });
}

/** GET me — who the key belongs to: the task pane's "connected as …" line. */
export async function meHandler({ services, principal }: RouteContext): Promise<HttpResponseInit> {
  const snapshot = await services.catalogue.current();
  const agency = principal.agencyId ? snapshot.lookup.agency(principal.province, principal.agencyId) : undefined;
  return json(200, {
    role: principal.role,
    roleLabel: ROLE_LABELS[principal.role],
    province: principal.province,
    ...(agency ? { agency: { id: agency.id, name: agency.name } } : {}),
    label: principal.label,
  });
}
