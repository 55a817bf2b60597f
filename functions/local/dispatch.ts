import { randomUUID } from "node:crypto";
import { InvocationContext } from "../http/azureRuntime";
import { ApiError } from "../http/apiError";
import { toAzureHandler } from "../http/handle";
import type { RouteDefinition } from "../http/route";
import type { Services } from "../services/services";
import { LocalHttpRequest } from "./localRequest";
import { answerOf, type Answer } from "./localResponse";
import { compileRoutes, matchRoute, type RouteMatch } from "./routeMatcher";
import { installVietnameseZodMessages } from "../../shared/model/zodMessages";

/** Above every route's own limit (20 MB imports): a body this large is refused before it is held in memory. */
export const MAX_REQUEST_BYTES = 21 * 1024 * 1024;

export interface DispatchOptions {
  routes: readonly RouteDefinition[];
  services: () => Promise<Services>;
  log?: (line: string) => void;
}

export type { Answer };

export type Found = Extract<RouteMatch, { kind: "found" }>;

export interface Dispatcher {
  /** The route a request goes to, or the answer when there is none (before its body is read). */
  route(method: string, pathname: string): Found | Answer;
  /** The request through the same handler Azure calls, as an HttpRequest with an InvocationContext. */
  invoke(found: Found, method: string, url: URL, headers: Record<string, string>, body: Uint8Array): Promise<Answer>;
}

/**
 * The route table the way the Functions host runs it, without a socket: shared by the loopback host (`npm start`,
 * the tests) and the in-process fetch of `kpi` without --server.
 */
export function createDispatcher(options: DispatchOptions): Dispatcher {
  installVietnameseZodMessages();
  const compiled = compileRoutes(options.routes);
  const handlers = new Map(options.routes.map((route) => [route.name, toAzureHandler(route, options.services)]));
  const log = options.log ?? (() => {});
  return {
    route(method, pathname) {
      const match = matchRoute(compiled, method, pathname);
      if (match.kind === "none") return errorAnswer(new ApiError("not_found", `Không có địa chỉ ${pathname}.`));
      if (match.kind === "wrong_method") {
        const answer = errorAnswer(new ApiError("method_not_allowed", `Địa chỉ này không nhận phương thức ${method}.`));
        answer.headers.allow = match.allowed.join(", ");
        return answer;
      }
      return match;
    },
    async invoke(found, method, url, headers, body) {
      const started = Date.now();
      const request = new LocalHttpRequest({
        method,
        url: url.toString(),
        headers,
        query: Object.fromEntries(url.searchParams.entries()),
        params: found.params,
        body,
      });
      const invocation = new InvocationContext({
        functionName: found.route.name,
        invocationId: randomUUID(),
        logHandler: (level, ...args) => log(`[${level}] ${found.route.name}: ${args.map(String).join(" ")}`),
      });
      const answer = await answerOf(await handlers.get(found.route.name)!(request, invocation));
      log(`${method} ${url.pathname} → ${answer.status} (${Date.now() - started} ms)`);
      return answer;
    },
  };
}

export function errorAnswer(error: ApiError): Answer {
  const bytes = Buffer.from(JSON.stringify({ code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) }));
  return { status: error.status, headers: { "content-type": "application/json; charset=utf-8" }, bytes };
}

export function isAnswer(routed: Found | Answer): routed is Answer {
  return "bytes" in routed;
}

/**
 * A fetch that hands the request to the route table in this process: the same client, the same handlers and the
 * same answers as over HTTP, with no port opened.
 */
export function inProcessFetch(dispatcher: Dispatcher): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const routed = dispatcher.route(method, url.pathname);
    let answer: Answer;
    if (isAnswer(routed)) answer = routed;
    else {
      const body = new Uint8Array(await request.arrayBuffer());
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      answer =
        body.byteLength > MAX_REQUEST_BYTES
          ? errorAnswer(new ApiError("payload_too_large", "Nội dung gửi lên quá lớn.", { limit: MAX_REQUEST_BYTES }))
          : await dispatcher.invoke(routed, method, url, headers, body);
    }
    const empty = answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : new Uint8Array(answer.bytes), { status: answer.status, headers: answer.headers });
  };
}
