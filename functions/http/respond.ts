import type { HttpResponseInit } from "@azure/functions";
import { statusOfCode } from "../../shared/api/errors";
import type { DomainError } from "../services/domainError";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { "cache-control": "no-store", ...headers } };
}

const RETRY_AFTER_SECONDS = { busy: 1, storage_unavailable: 5 } as const;

/** The contract's error body, with the status the contract gives the code. */
export function errorResponse(error: DomainError): HttpResponseInit {
  const headers: Record<string, string> = error.code === "unauthorized" ? { "www-authenticate": 'Bearer realm="kpi"' } : {};
  // A busy answer says when to come back: the pane and the CLI wait this long before their bounded retry.
  if (error.code === "busy" || error.code === "storage_unavailable") headers["retry-after"] = String(RETRY_AFTER_SECONDS[error.code]);
  return json(statusOfCode(error.code), { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) }, headers);
}

/** A file to save: the name carries Vietnamese, so it goes in RFC 5987 form with an ASCII fallback. */
export function fileResponse(bytes: Uint8Array, fileName: string, contentType: string): HttpResponseInit {
  const ascii = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^A-Za-z0-9._-]+/g, "-");
  return {
    status: 200,
    body: bytes,
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  };
}
