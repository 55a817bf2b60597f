import { request } from "node:https";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAddinServer, type AddinServer } from "../../../addin/server/addinServer";
import { ensureDevCertificates, type DevCertificates } from "../../../addin/server/devCertificates";
import { startLocalHost } from "../../../functions/local/localHost";
import { ROUTES } from "../../../functions/http/routes";
import { startStack, type TestStack } from "../../support/stack";

/** The dev server as Excel meets it: HTTPS under the dev CA, the built files, /api passed to the functions host. */

let work: string;
let certificates: DevCertificates;
let stack: TestStack;
let server: AddinServer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "kpi-dev-server-"));
  certificates = await ensureDevCertificates(join(work, "certs"));
  await mkdir(join(work, "site", "assets"), { recursive: true });
  await writeFile(join(work, "site", "taskpane.html"), "<!doctype html><title>KPI</title>");
  await writeFile(join(work, "secret.txt"), "không được lộ");
  stack = await startStack();
  server = await startAddinServer({ root: join(work, "site"), port: 0, tls: certificates, apiTarget: stack.host.url });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await stack?.close();
  await rm(work, { recursive: true, force: true });
});

/** A request that trusts only the dev CA, as a machine that installed it would. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; cache: string; body: string; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const call = request({ host: "127.0.0.1", servername: "localhost", port: server.port, path, ca: certificates.ca, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () =>
        done({
          status: response.statusCode ?? 0,
          type: String(response.headers["content-type"]),
          cache: String(response.headers["cache-control"]),
          body,
          headers: response.headers,
        }),
      );
    });
    call.on("error", fail);
    call.end();
  });
}

describe("the add-in dev server", () => {
  it("serves the built pages over HTTPS signed by the dev CA, uncached", async () => {
    const page = await get("/taskpane.html");
    expect(page).toMatchObject({ status: 200, type: "text/html; charset=utf-8", cache: "no-store" });
    expect(page.body).toContain("<title>KPI</title>");
  });

  it("lets only Office's hosts frame the pane and sends no referrer", async () => {
    const page = await get("/taskpane.html");
    const policy = String(page.headers["content-security-policy"]);
    const ancestors = /frame-ancestors ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];
    expect(ancestors.sort()).toEqual(
      ["'self'", "https://*.officeapps.live.com", "https://*.office.com", "https://*.microsoft365.com", "https://*.sharepoint.com", "https://*.cloud.microsoft"].sort(),
    );
    expect(policy).toContain("object-src 'none'");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    expect((await get("/khong-co.html")).headers["content-security-policy"]).toBe(policy);
  });

  it("reuses valid certificates instead of asking the developer to trust a new CA", async () => {
    const again = await ensureDevCertificates(join(work, "certs"));
    expect(certificates.generated).toBe(true);
    expect(again).toMatchObject({ generated: false, cert: certificates.cert });
  });

  it("answers nothing outside the build folder", async () => {
    // The last two decode to a path outside the folder after URL parsing: only the server's own guard stops them.
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt", "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt"]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain("không được lộ");
    }
  });

  it("passes /api to the functions host with the caller's key, and says so clearly when that host is down", async () => {
    const me = await get("/api/me", { authorization: `Bearer ${stack.keys.agency}` });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ role: "agency", agency: { id: "so-tai-chinh" } });

    const port = Number(new URL(stack.host.url).port);
    await stack.host.close();
    const down = await get("/api/health");
    expect(down.status).toBe(502);
    expect(JSON.parse(down.body)).toMatchObject({ code: "upstream_unavailable", message: expect.stringContaining("vẫn được giữ nguyên") });

    const restarted = await startLocalHost({ routes: ROUTES, services: async () => stack.services, port });
    try {
      expect((await get("/api/health")).status).toBe(200);
    } finally {
      await restarted.close();
    }
  });
});
