import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";

/**
 * What the Function App loads: the source files and packages esbuild reaches from functions/index.ts, the same
 * entry and options `npm run build:functions` bundles. Code the Azure entry never imports (the CLI, the local host)
 * is left out by construction, so its environment variables are not mistaken for app settings.
 */
export interface FunctionsEntry {
  /** Repository-relative paths of the bundled source files. */
  sourceFiles: string[];
  /** Package names imported at run time (kept external by the build). */
  packages: string[];
}

export async function functionsEntry(root: string): Promise<FunctionsEntry> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["functions/index.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const sourceFiles = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node_modules/"));
  const packages = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && !imported.path.startsWith("node:")) packages.add(packageName(imported.path));
    }
  }
  // Files found by path at run time (fonts, WebAssembly) name their package in a string, not in an import.
  const dependencies = Object.keys(JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")).dependencies ?? {});
  for (const file of sourceFiles) {
    const text = readFileSync(resolve(root, file), "utf8");
    for (const literal of text.matchAll(/["'`]((?:@[\w.-]+\/)?[\w.-]+)\/[^"'`\s]+["'`]/g)) {
      if (dependencies.includes(literal[1]!)) packages.add(literal[1]!);
    }
  }
  return { sourceFiles, packages: [...packages].sort() };
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/**
 * Every environment variable a source text reads: `env.NAME`, `env["NAME"]` (also through process.env), and a setting
 * name given as a whole string literal (`given("KPI_ENTRA_TENANT_ID")`), as settings readers do.
 */
export function environmentNamesIn(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\benv\s*(?:\.\s*([A-Za-z_]\w*)|\[\s*["'`]([A-Za-z_]\w*)["'`]\s*\])/g)) {
    names.add((match[1] ?? match[2])!);
  }
  for (const match of source.matchAll(/["'`]((?:KPI_|AzureWebJobs|AZURE_|APPLICATIONINSIGHTS_|FUNCTIONS_|WEBSITE_)\w*)["'`]/g)) {
    names.add(match[1]!);
  }
  return [...names].sort();
}
