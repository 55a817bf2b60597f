import type { HttpRequest } from "@azure/functions";
import type { z } from "zod";
import { ApiError, validationError } from "./apiError";

const MAX_JSON_BYTES = 2 * 1024 * 1024;
/** Refuses malformed UTF-8 instead of reading it as U+FFFD. Shared: a decode without `stream` keeps no state. */
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The body as bytes, refused before it is read whole when the declared length is already too large. */
export async function readBytes(request: HttpRequest, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > limit) throw tooLarge(limit);
  return body;
}

export async function readJson<T extends z.ZodType>(request: HttpRequest, schema: T, what: string, limit = MAX_JSON_BYTES): Promise<z.infer<T>> {
  return parseJsonBody(request, schema, what, limit, false);
}

/** For requests whose every field is optional (approve, lock): an empty body means "{}", as `curl -X POST` sends. */
export async function readOptionalJson<T extends z.ZodType>(request: HttpRequest, schema: T, what: string): Promise<z.infer<T>> {
  return parseJsonBody(request, schema, what, MAX_JSON_BYTES, true);
}

async function parseJsonBody<T extends z.ZodType>(request: HttpRequest, schema: T, what: string, limit: number, emptyIsObject: boolean): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", `Nội dung gửi lên phải là JSON (Content-Type: application/json), nhận được "${type}".`);
  }
  const bytes = await readBytes(request, limit);
  if (emptyIsObject && bytes.byteLength === 0) {
    const result = schema.safeParse({});
    if (!result.success) throw validationError(result.error, what);
    return result.data;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(STRICT_UTF8.decode(bytes));
  } catch {
    throw new ApiError("invalid_json", "Nội dung gửi lên không phải JSON hợp lệ.");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

export function tooLarge(limit: number): ApiError {
  const megabytes = limit / (1024 * 1024);
  return new ApiError("payload_too_large", `Nội dung gửi lên quá lớn (tối đa ${megabytes} MB).`, { limit });
}
