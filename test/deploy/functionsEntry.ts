import { build } from "esbuild";

/**
 * The source files the Function App runs: those esbuild reaches from functions/index.ts, the entry `npm run
 * build:functions` bundles. Code the Azure entry never imports (the CLI, the local host) is left out by construction,
 * so its environment variables are not mistaken for app settings. Packages are not followed: the settings they read
 * are listed by hand in appSettings.test.ts.
 */
export interface FunctionsEntry {
  /** Repository-relative paths of the bundled source files. */
  sourceFiles: string[];
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
  return { sourceFiles: Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node_modules/")) };
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
