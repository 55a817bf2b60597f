import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import type { Principal } from "../auth/principal";
import type { Services } from "../services/services";
import { CatalogueConflictError } from "../storage/catalogueStore";
import { WorkbookRejectedError } from "../workbook/workbookRejection";
import { DomainError } from "../services/domainError";
import { ApiError } from "./apiError";
import { errorResponse } from "./respond";
import type { RouteDefinition } from "./route";

/**
 * Wraps a route's handler with what every route needs: the caller's identity, the role gate, and one way of turning
 * failures into answers. Storage failures become 503 (try again later); anything unexpected is logged with the
 * invocation id and answered without internals.
 */
export function toAzureHandler(route: RouteDefinition, services: () => Promise<Services>): HttpHandler {
  return async (request: HttpRequest, invocation: InvocationContext): Promise<HttpResponseInit> => {
    await ownTurn();
    try {
      const ready = await services().catch((error: unknown) => {
        invocation.error(`Không kết nối được kho lưu trữ: ${describe(error)}`);
        throw new ApiError("storage_unavailable", "Kho lưu trữ tạm thời không truy cập được. Vui lòng thử lại sau ít phút.");
      });
      const principal = route.roles === "public" ? PUBLIC : await authenticate(request, ready);
      if (route.roles !== "public" && !route.roles.includes(principal.role)) {
        throw new ApiError("forbidden", "Khóa truy cập của bạn không có quyền dùng chức năng này.", { role: principal.role });
      }
      return await route.handler({ request, invocation, services: ready, principal });
    } catch (error) {
      // Services and the HTTP layer alike raise the contract's codes; the status is given here, once.
      if (error instanceof DomainError) return errorResponse(error);
      if (error instanceof CatalogueConflictError) return errorResponse(new ApiError("conflict", error.message));
      if (error instanceof WorkbookRejectedError) return errorResponse(new ApiError(error.code, error.message));
      if (isStorageUnreachable(error)) {
        invocation.error(`Lỗi kho lưu trữ (${route.name}): ${describe(error)}`);
        return errorResponse(new ApiError("storage_unavailable", "Kho lưu trữ tạm thời không truy cập được. Vui lòng thử lại sau ít phút."));
      }
      invocation.error(`Lỗi không mong đợi (${route.name}, ${invocation.invocationId}): ${error instanceof Error ? error.stack : String(error)}`);
      return errorResponse(
        new ApiError("internal", `Máy chủ gặp lỗi không mong đợi. Mã tra cứu: ${invocation.invocationId}.`, { invocationId: invocation.invocationId }),
      );
    }
  };
}

/**
 * Waits for the event loop's next turn, so that requests handed over together (a burst delivered in one turn) are
 * served one after another up to their first wait on storage instead of in lockstep: each await would otherwise let
 * every other request of the burst take its next step first, and none would reach storage before all had done all of
 * their work. Measured at 50 submissions at once: the first transaction left after 16 ms instead of 2 ms, storage
 * idle meanwhile, and the median submission took 1.45× the bare transaction instead of 1.2×.
 */
function ownTurn(): Promise<void> {
  return new Promise((resume) => setImmediate(resume));
}

const PUBLIC: Principal = { role: "viewer", province: "public", subject: "anonymous", label: "" };

async function authenticate(request: HttpRequest, services: Services): Promise<Principal> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError("unauthorized", "Thiếu khóa truy cập. Gửi kèm tiêu đề Authorization: Bearer <khóa>.");
  const principal = await services.verifier.verify(match[1]!);
  if (!principal) throw new ApiError("unauthorized", "Khóa truy cập không đúng hoặc đã bị thu hồi.");
  return principal;
}

function isStorageUnreachable(error: unknown): boolean {
  const code = String((error as { code?: string })?.code ?? "");
  return ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "REQUEST_SEND_ERROR"].includes(code) || (error as { statusCode?: number })?.statusCode === 503;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
