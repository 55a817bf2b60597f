import type { z } from "zod";

/**
 * Table Storage caps a string property at 64 KiB (32K UTF-16 characters) and an entity at 1 MiB, so a submission's
 * values are stored as JSON split over numbered properties. The limit below keeps an entity well inside 1 MiB.
 */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 14;
export const MAX_JSON_CHARS = MAX_CHUNKS * CHUNK_CHARS;

export class PayloadTooLargeError extends Error {}

export function writeChunkedJson(name: string, value: unknown): Record<string, string | number> {
  const text = JSON.stringify(value);
  if (text.length > MAX_JSON_CHARS) throw new PayloadTooLargeError(`${name}: ${text.length} > ${MAX_JSON_CHARS}`);
  const properties: Record<string, string | number> = {};
  let count = 0;
  for (let start = 0; start < text.length || count === 0; start += CHUNK_CHARS) {
    properties[`${name}${count}`] = text.slice(start, start + CHUNK_CHARS);
    count += 1;
  }
  properties[`${name}Chunks`] = count;
  return properties;
}

/** Every property a chunked value can occupy: what a query selects to read it back without the rest of the row. */
export function chunkedJsonProperties(name: string): string[] {
  return [`${name}Chunks`, ...Array.from({ length: MAX_CHUNKS }, (_, index) => `${name}${index}`)];
}

/** The JSON text as written, still to be parsed and checked by the caller. */
export function chunkedJsonText(entity: Record<string, unknown>, name: string): string {
  const count = Number(entity[`${name}Chunks`] ?? 0);
  if (count === 1) return String(entity[`${name}0`] ?? "");
  let text = "";
  for (let index = 0; index < count; index += 1) text += String(entity[`${name}${index}`] ?? "");
  return text;
}

/** Read back through the schema: what storage returns is a boundary like any request body. */
export function readChunkedJson<T extends z.ZodType>(entity: Record<string, unknown>, name: string, schema: T): z.infer<T> {
  return schema.parse(JSON.parse(chunkedJsonText(entity, name)));
}
