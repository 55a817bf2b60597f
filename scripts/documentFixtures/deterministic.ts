import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/**
 * Fixtures are committed: regenerating them without a change must give the same bytes, so a diff shows a real
 * change. The writers stamp the time (docx's core properties, zip entry times, pdf-lib's metadata) and pdf-lib names
 * font subsets with Math.random; these pin both.
 */
export const FIXED_DATE = new Date("2025-01-01T00:00:00Z");

/** A .docx rewritten with fixed creation/modification times in its properties and its zip entries. */
export function pinDocxDates(docx: Uint8Array): Uint8Array {
  const entries = unzipSync(docx);
  const core = entries["docProps/core.xml"];
  if (core) {
    const stamp = FIXED_DATE.toISOString().replace(/\.\d+Z$/, "Z");
    entries["docProps/core.xml"] = strToU8(strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`));
  }
  const pinned = Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime: FIXED_DATE }] as const]));
  return zipSync(pinned as Parameters<typeof zipSync>[0], { level: 9 });
}

/** Runs `build` with Math.random replaced by a seeded generator (pdf-lib's subset font tags). */
export async function withSeededRandom<T>(seed: number, build: () => Promise<T>): Promise<T> {
  const original = Math.random;
  let state = seed >>> 0;
  Math.random = () => {
    // mulberry32: small and good enough for six-letter font tags.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return await build();
  } finally {
    Math.random = original;
  }
}
