import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../../functions/http/routes";
import { startStack, type TestStack } from "../support/stack";

/**
 * Every route × every kind of caller → the status the caller gets. "own" requests name the agency of the agency key
 * (Sở Tài chính), "other" requests another agency of the same province (Sở Y tế). The other-province key is a
 * province key of Huế asking about Phú Thọ.
 */

const D = "phu-tho-1521-qd-ubnd";
const P = `/decisions/${D}/periods/2025-Q4`;
type Caller = "none" | "garbage" | "revoked" | "province" | "agency" | "viewer" | "otherProvince";
const CALLERS: Caller[] = ["none", "garbage", "revoked", "province", "agency", "viewer", "otherProvince"];

interface Probe {
  route: string;
  target: "own" | "other" | "—";
  method: string;
  path: string;
  body?: () => BodyInit;
  headers?: Record<string, string>;
  /** Expected status for province, agency, viewer, other province; unauthenticated callers always get 401. */
  expect: Record<"province" | "agency" | "viewer" | "otherProvince", number>;
}

const submission = (agencyId: string) => () =>
  JSON.stringify({ agencyId, values: [{ assignmentId: `${D}.${agencyId}.1`, actual: 0.5 }] });
const json = { "content-type": "application/json" };

let idempotencyCounter = 0;
const PROBES: Probe[] = [
  { route: "me", target: "—", method: "GET", path: "/me", expect: { province: 200, agency: 200, viewer: 200, otherProvince: 200 } },
  { route: "catalogue", target: "—", method: "GET", path: "/catalogue", expect: { province: 200, agency: 200, viewer: 200, otherProvince: 200 } },
  { route: "catalogueImport", target: "—", method: "POST", path: "/catalogue/import?dryRun=true", body: () => "", expect: { province: 400, agency: 403, viewer: 403, otherProvince: 400 } },
  { route: "decisions", target: "—", method: "GET", path: "/decisions", expect: { province: 200, agency: 200, viewer: 200, otherProvince: 200 } },
  { route: "decision", target: "—", method: "GET", path: `/decisions/${D}`, expect: { province: 200, agency: 200, viewer: 200, otherProvince: 403 } },
  { route: "agencies", target: "—", method: "GET", path: "/agencies", expect: { province: 200, agency: 200, viewer: 200, otherProvince: 200 } },
  { route: "agenciesRegister", target: "—", method: "POST", path: "/agencies", headers: json, body: () => JSON.stringify({ agencies: [] }), expect: { province: 400, agency: 403, viewer: 403, otherProvince: 400 } },
  { route: "groups", target: "—", method: "GET", path: "/groups", expect: { province: 200, agency: 200, viewer: 200, otherProvince: 200 } },
  { route: "targets", target: "—", method: "POST", path: "/targets", headers: json, body: () => JSON.stringify({ queries: [{ agency: "so-tai-chinh", indicatorCode: "CDS-001", period: "2025-Q4" }] }), expect: { province: 200, agency: 200, viewer: 200, otherProvince: 200 } },
  { route: "assignments", target: "own", method: "GET", path: `${P}/assignments?agency=so-tai-chinh`, expect: { province: 200, agency: 200, viewer: 403, otherProvince: 403 } },
  { route: "assignments", target: "other", method: "GET", path: `${P}/assignments?agency=so-y-te`, expect: { province: 200, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "assignmentsForm", target: "own", method: "GET", path: `${P}/assignments.xlsx?agency=so-tai-chinh`, expect: { province: 200, agency: 200, viewer: 403, otherProvince: 403 } },
  { route: "assignmentsForm", target: "other", method: "GET", path: `${P}/assignments.xlsx?agency=so-y-te`, expect: { province: 200, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "submit", target: "own", method: "POST", path: `${P}/submissions`, headers: json, body: submission("so-tai-chinh"), expect: { province: 201, agency: 201, viewer: 403, otherProvince: 403 } },
  { route: "submit", target: "other", method: "POST", path: `${P}/submissions`, headers: json, body: submission("so-y-te"), expect: { province: 201, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "versions", target: "own", method: "GET", path: `${P}/agencies/so-tai-chinh/versions`, expect: { province: 200, agency: 200, viewer: 403, otherProvince: 403 } },
  { route: "versions", target: "other", method: "GET", path: `${P}/agencies/so-y-te/versions`, expect: { province: 200, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "version", target: "own", method: "GET", path: `${P}/agencies/so-tai-chinh/versions/1`, expect: { province: 200, agency: 200, viewer: 403, otherProvince: 403 } },
  { route: "version", target: "other", method: "GET", path: `${P}/agencies/so-y-te/versions/1`, expect: { province: 200, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "workbookUpload", target: "own", method: "PUT", path: `${P}/agencies/so-tai-chinh/versions/1/workbook`, body: () => "not a workbook", expect: { province: 422, agency: 422, viewer: 403, otherProvince: 403 } },
  { route: "workbookUpload", target: "other", method: "PUT", path: `${P}/agencies/so-y-te/versions/1/workbook`, body: () => "not a workbook", expect: { province: 422, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "workbookDownload", target: "own", method: "GET", path: `${P}/agencies/so-tai-chinh/versions/1/workbook`, expect: { province: 404, agency: 404, viewer: 403, otherProvince: 403 } },
  { route: "workbookDownload", target: "other", method: "GET", path: `${P}/agencies/so-y-te/versions/1/workbook`, expect: { province: 404, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "workbookIngest", target: "own", method: "POST", path: `${P}/agencies/so-tai-chinh/workbook-ingest`, body: () => "not a workbook", expect: { province: 422, agency: 422, viewer: 403, otherProvince: 403 } },
  { route: "workbookIngest", target: "other", method: "POST", path: `${P}/agencies/so-y-te/workbook-ingest`, body: () => "not a workbook", expect: { province: 422, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "resultsReport", target: "own", method: "POST", path: `${P}/agencies/so-tai-chinh/results-report?dryRun=true`, body: () => "not a report", expect: { province: 422, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "resultsReport", target: "other", method: "POST", path: `${P}/agencies/so-y-te/results-report?dryRun=true`, body: () => "not a report", expect: { province: 422, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "resultsReportDownload", target: "own", method: "GET", path: `${P}/agencies/so-tai-chinh/versions/1/results-report`, expect: { province: 404, agency: 404, viewer: 403, otherProvince: 403 } },
  { route: "resultsReportDownload", target: "other", method: "GET", path: `${P}/agencies/so-y-te/versions/1/results-report`, expect: { province: 404, agency: 403, viewer: 403, otherProvince: 403 } },
  // The review routes are the province's alone; a refused body (400) or an absent version (404) proves the gates let
  // the province through without changing the review the other probes read.
  { route: "verdicts", target: "own", method: "PUT", path: `${P}/agencies/so-tai-chinh/versions/1/verdicts`, headers: json, body: () => JSON.stringify({ verdicts: [] }), expect: { province: 400, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "verdicts", target: "other", method: "PUT", path: `${P}/agencies/so-y-te/versions/1/verdicts`, headers: json, body: () => JSON.stringify({ verdicts: [] }), expect: { province: 400, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "returnVersion", target: "own", method: "POST", path: `${P}/agencies/so-tai-chinh/versions/1/return`, headers: json, body: () => "{}", expect: { province: 400, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "returnVersion", target: "other", method: "POST", path: `${P}/agencies/so-y-te/versions/1/return`, headers: json, body: () => "{}", expect: { province: 400, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "approveVersion", target: "own", method: "POST", path: `${P}/agencies/so-tai-chinh/versions/99/approve`, headers: json, body: () => "{}", expect: { province: 404, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "approveVersion", target: "other", method: "POST", path: `${P}/agencies/so-y-te/versions/99/approve`, headers: json, body: () => "{}", expect: { province: 404, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "evidenceUpload", target: "own", method: "PUT", path: `${P}/agencies/so-tai-chinh/versions/1/evidence/${D}.so-tai-chinh.1/file?name=x.pdf`, body: () => "not a file", expect: { province: 422, agency: 422, viewer: 403, otherProvince: 403 } },
  { route: "evidenceUpload", target: "other", method: "PUT", path: `${P}/agencies/so-y-te/versions/1/evidence/${D}.so-y-te.1/file?name=x.pdf`, body: () => "not a file", expect: { province: 422, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "evidenceDownload", target: "own", method: "GET", path: `${P}/agencies/so-tai-chinh/versions/1/evidence/${D}.so-tai-chinh.1/0123456789abcdef`, expect: { province: 404, agency: 404, viewer: 403, otherProvince: 403 } },
  { route: "evidenceDownload", target: "other", method: "GET", path: `${P}/agencies/so-y-te/versions/1/evidence/${D}.so-y-te.1/0123456789abcdef`, expect: { province: 404, agency: 403, viewer: 403, otherProvince: 403 } },
  // Locking an agency that does not exist (404) proves the gate without closing the period the other probes use.
  { route: "lock", target: "—", method: "POST", path: `${P}/lock`, headers: json, body: () => JSON.stringify({ agencyId: "khong-co-co-quan-nay" }), expect: { province: 404, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "unlock", target: "—", method: "POST", path: `${P}/unlock`, headers: json, body: () => "{}", expect: { province: 400, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "lockState", target: "own", method: "GET", path: `${P}/lock`, expect: { province: 200, agency: 200, viewer: 403, otherProvince: 403 } },
  { route: "lockState", target: "other", method: "GET", path: `${P}/lock?agency=so-y-te`, expect: { province: 200, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "periodAudit", target: "own", method: "GET", path: `${P}/audit?agency=so-tai-chinh`, expect: { province: 200, agency: 200, viewer: 403, otherProvince: 403 } },
  { route: "periodAudit", target: "other", method: "GET", path: `${P}/audit?agency=so-y-te`, expect: { province: 200, agency: 403, viewer: 403, otherProvince: 403 } },
  { route: "provinceAudit", target: "—", method: "GET", path: "/audit", expect: { province: 200, agency: 403, viewer: 403, otherProvince: 200 } },
  { route: "aggregate", target: "—", method: "GET", path: `${P}/aggregate`, expect: { province: 200, agency: 403, viewer: 200, otherProvince: 403 } },
  { route: "report", target: "—", method: "GET", path: `${P}/report.xlsx`, expect: { province: 200, agency: 403, viewer: 200, otherProvince: 403 } },
  { route: "reportDocx", target: "—", method: "GET", path: `${P}/report.docx`, expect: { province: 200, agency: 403, viewer: 200, otherProvince: 403 } },
];

let stack: TestStack;
let keys: Record<Caller, string | undefined>;

beforeAll(async () => {
  stack = await startStack();
  const revoked = await stack.services.keys.issue({ role: "province", province: "phu-tho", label: "Khóa đã thu hồi" });
  await stack.services.keys.revoke(revoked.key.keyId);
  keys = {
    none: undefined,
    garbage: "kpi_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    revoked: revoked.token,
    province: stack.keys.province,
    agency: stack.keys.agency,
    viewer: stack.keys.viewer,
    otherProvince: stack.keys.otherProvince,
  };
  // Version 1 of both agencies exists, so reading it tests access rather than absence.
  for (const agencyId of ["so-tai-chinh", "so-y-te"]) {
    const response = await stack.call(`${P}/submissions`, {
      key: stack.keys.province,
      method: "POST",
      headers: { ...json, "idempotency-key": `setup-${agencyId}` },
      body: submission(agencyId)(),
    });
    expect(response.status).toBe(201);
  }
});
afterAll(() => stack?.close());

describe("authorization matrix", () => {
  it("covers every route of the route table", () => {
    const probed = new Set(PROBES.map((probe) => probe.route));
    expect(ROUTES.filter((route) => route.roles !== "public" && !probed.has(route.name)).map((route) => route.name)).toEqual([]);
  });

  it("has exactly two public routes, health and the sign-in configuration, and lets anyone read them", async () => {
    expect(ROUTES.filter((route) => route.roles === "public").map((route) => route.name)).toEqual(["health", "signInConfig"]);
    expect((await stack.call("/health")).status).toBe(200);
    expect((await stack.call("/signin-config")).status).toBe(200);
  });

  const cases = PROBES.flatMap((probe) => CALLERS.map((caller) => ({ probe, caller })));
  it.each(cases.map(({ probe, caller }) => [`${probe.method} ${probe.route} (${probe.target}) as ${caller}`, probe, caller] as const))(
    "%s",
    async (_name, probe, caller) => {
      idempotencyCounter += 1;
      const response = await stack.call(probe.path, {
        key: keys[caller],
        method: probe.method,
        headers: { ...probe.headers, "idempotency-key": `matrix-${idempotencyCounter}-${caller}` },
        ...(probe.body ? { body: probe.body() } : {}),
      });
      const expected = caller === "none" || caller === "garbage" || caller === "revoked" ? 401 : probe.expect[caller];
      const body = await response.arrayBuffer();
      expect({ status: response.status, body: response.status === expected ? "" : Buffer.from(body).toString().slice(0, 300) }).toEqual({
        status: expected,
        body: "",
      });
    },
  );
});
