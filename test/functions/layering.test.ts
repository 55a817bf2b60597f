import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every module specifier a TypeScript file imports or re-exports, static or dynamic. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) found.push(match[1]!);
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(ts|tsx|mts|mjs|js)$/.test(name))
    .map((name) => join(folder, name));
}

function importsOf(folder: string): Array<{ file: string; target: string }> {
  return sourceFiles(resolve(root, folder)).flatMap((file) =>
    specifiers(readFileSync(file, "utf8"))
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => ({ file: relative(root, file), target: relative(root, resolve(dirname(file), specifier)) })),
  );
}

describe("layering", () => {
  it("finds the imports it checks (the scan is not empty)", () => {
    expect(importsOf("functions").some((edge) => edge.target.startsWith(`shared${sep}`))).toBe(true);
    expect(importsOf("scripts").some((edge) => edge.target.startsWith(`addin${sep}`))).toBe(true);
  });

  it("no file under functions/ imports from addin/: the server bundle never carries the add-in", () => {
    const crossing = importsOf("functions").filter((edge) => edge.target === "addin" || edge.target.startsWith(`addin${sep}`));
    expect(crossing).toEqual([]);
  });

  it("services know nothing of HTTP: they raise domain errors with contract codes, and functions/http gives the status", () => {
    const crossing = importsOf("functions/services").filter((edge) => edge.target.startsWith(`functions${sep}http`));
    expect(crossing).toEqual([]);
  });

  it("no file under shared/ imports from functions/ or addin/: both sides build on it", () => {
    const crossing = importsOf("shared").filter((edge) => /^(addin|functions)([\\/]|$)/.test(edge.target));
    expect(crossing).toEqual([]);
  });
});
