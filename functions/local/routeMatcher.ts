import type { RouteDefinition } from "../http/route";

export interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

/** Azure route templates ("decisions/{decisionId}") as the local host matches them: one segment per parameter. */
export function compileRoutes(routes: readonly RouteDefinition[], prefix = "api"): CompiledRoute[] {
  return routes.map((route) => {
    const names: string[] = [];
    const source = `${prefix}/${route.route}`
      .split("/")
      .map((segment) =>
        segment.replace(/\{([A-Za-z]+)\}|[^{}]+/g, (part, name?: string) => {
          if (name) {
            names.push(name);
            return "([^/]+)";
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        }),
      )
      .join("/");
    return { route, pattern: new RegExp(`^/${source}/?$`), names };
  });
}

export type RouteMatch =
  | { kind: "found"; route: RouteDefinition; params: Record<string, string> }
  | { kind: "wrong_method"; allowed: string[] }
  | { kind: "none" };

export function matchRoute(compiled: readonly CompiledRoute[], method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const { route, pattern, names } of compiled) {
    const match = pattern.exec(path);
    if (!match) continue;
    if (!route.methods.includes(method as never)) {
      allowed.push(...route.methods);
      continue;
    }
    const params: Record<string, string> = {};
    let decodable = true;
    names.forEach((name, index) => {
      try {
        params[name] = decodeURIComponent(match[index + 1]!);
      } catch {
        decodable = false;
      }
    });
    if (decodable) return { kind: "found", route, params };
  }
  return allowed.length > 0 ? { kind: "wrong_method", allowed } : { kind: "none" };
}
