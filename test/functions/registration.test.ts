import type { HttpFunctionOptions } from "@azure/functions";
import { describe, expect, it } from "vitest";
import { HttpRequest, InvocationContext } from "../../functions/http/azureRuntime";
import { registerRoutes } from "../../functions/http/register";
import { ROUTES } from "../../functions/http/routes";
import { compileRoutes, matchRoute } from "../../functions/local/routeMatcher";

describe("the route table is what Azure registers", () => {
  const registered: Array<{ name: string; options: HttpFunctionOptions }> = [];
  registerRoutes({ http: (name, options) => registered.push({ name, options }) }, ROUTES, () => Promise.reject(new Error("kho chưa sẵn sàng")));

  it("registers every route once, anonymous, with its methods and template", () => {
    expect(registered.map(({ name, options }) => ({ name, methods: options.methods, route: options.route, authLevel: options.authLevel }))).toEqual(
      ROUTES.map((route) => ({ name: route.name, methods: route.methods, route: route.route, authLevel: "anonymous" })),
    );
    expect(new Set(registered.map(({ name }) => name)).size).toBe(ROUTES.length);
  });

  it("registers handlers that answer storage outages with 503 in Vietnamese", async () => {
    const health = registered.find(({ name }) => name === "health")!;
    const response = await health.options.handler(new HttpRequest({ method: "GET", url: "http://127.0.0.1/api/health" }), new InvocationContext({ logHandler: () => {} }));
    expect(response).toMatchObject({ status: 503, jsonBody: { code: "storage_unavailable" } });
  });

  it("serves locally exactly the routes Azure registers, with the same parameters", () => {
    const compiled = compileRoutes(ROUTES);
    for (const route of ROUTES) {
      const path = `/api/${route.route.replace(/\{(\w+)\}/g, (_m, name: string) => `${name}-value`)}`;
      const match = matchRoute(compiled, route.methods[0]!, path);
      expect(match.kind === "found" ? match.route.name : match.kind).toBe(route.name);
    }
    expect(matchRoute(compiled, "GET", "/api/decisions/d/periods/2025-Q4/assignments.xlsx")).toMatchObject({ kind: "found", params: { decisionId: "d", period: "2025-Q4" } });
  });

  it("keeps the settings a Functions deployment needs", async () => {
    const { readFile } = await import("node:fs/promises");
    const pkg = JSON.parse(await readFile("package.json", "utf8"));
    const host = JSON.parse(await readFile("host.json", "utf8"));
    expect(pkg.main).toBe("dist/functions/index.js");
    expect(host.version).toBe("2.0");
    expect(host.extensions?.http?.routePrefix ?? "api").toBe("api");
  });
});

