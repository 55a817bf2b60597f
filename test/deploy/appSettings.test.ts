import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { bicepAppSettings } from "./bicepAppSettings";
import { environmentNamesIn, functionsEntry } from "./functionsEntry";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (path: string) => readFileSync(resolve(root, path), "utf8");

/** Settings the code reads that the template leaves unset on purpose, each with the reason an operator would need. */
const OPTIONAL_ON_AZURE: Record<string, string> = {
  AzureWebJobsStorage: "a connection string, for Azurite and local runs; on Azure the account allows no shared key and the identity-based AzureWebJobsStorage__* settings are written instead",
  KPI_STORAGE_CONNECTION: "a connection string like AzureWebJobsStorage: local runs and the CLI only",
  KPI_STORAGE_BLOB_URL: "an alternative to AzureWebJobsStorage__blobServiceUri, which the template writes",
  KPI_STORAGE_TABLE_URL: "an alternative to AzureWebJobsStorage__tableServiceUri, which the template writes",
  KPI_KEY_CACHE_MS: "the 30-second default bounds how late a revoked key still works; nothing on Azure calls for another value",
  KPI_CATALOGUE_CACHE_MS: "the 5-second default suits one catalogue per province",
  KPI_LOCK_CACHE_MS: "the 2-second default: one lock read per period every 2 seconds per instance, a lock answering 3 seconds after it is set",
};

/** Settings the template writes that are read outside our source: by the Functions host, or inside the Azure SDK. */
const READ_OUTSIDE_OUR_SOURCE: Record<string, string> = {
  AzureWebJobsStorage__accountName: "the host's own storage connection (keys, leases, the deployment) is identity-based",
  AzureWebJobsStorage__blobServiceUri: "the host's identity-based storage connection",
  AzureWebJobsStorage__tableServiceUri: "the host's identity-based storage connection",
  AzureWebJobsStorage__credential: "the host's identity-based storage connection signs in with the managed identity",
  AzureWebJobsStorage__clientId: "the host's identity-based storage connection uses the user-assigned identity",
  AZURE_CLIENT_ID: "@azure/identity's DefaultAzureCredential picks the user-assigned identity by it",
  APPLICATIONINSIGHTS_CONNECTION_STRING: "the host sends logs and requests to Application Insights",
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: "with the identity, since the Application Insights resource accepts no key",
  languageWorkers__node__arguments: "the host starts the Node worker with these arguments (V8's young generation size)",
};

let readByCode: Map<string, string[]>;
let writtenByTemplate: string[];

beforeAll(async () => {
  const entry = await functionsEntry(root);
  readByCode = new Map();
  for (const file of entry.sourceFiles) {
    for (const name of environmentNamesIn(read(file))) readByCode.set(name, [...(readByCode.get(name) ?? []), file]);
  }
  writtenByTemplate = bicepAppSettings(read("infra/app/api.bicep"));
});

describe("app settings: what the code reads, the template writes", () => {
  it("finds the settings the code reads through settingsFromEnvironment (the scan is not empty)", () => {
    const settingsText = read("functions/services/settings.ts");
    const namedInSettings = environmentNamesIn(settingsText).filter((name) => /^KPI_/.test(name));
    expect(namedInSettings).toEqual(expect.arrayContaining(["KPI_REPORT_DUE_DAY", "KPI_STORAGE_PREFIX", "KPI_AUTO_LOCK_DAYS"]));
    for (const name of namedInSettings) expect(readByCode.has(name), name).toBe(true);
  });

  it("leaves out what the Azure entry never loads: the CLI's KPI_SERVER and the local host's KPI_PORT are not app settings", () => {
    expect(readByCode.has("KPI_SERVER")).toBe(false);
    expect(readByCode.has("KPI_PORT")).toBe(false);
  });

  it("every setting the Function App's code reads is written by infra/app/api.bicep or listed as optional with a reason", () => {
    const unaccounted = [...readByCode.keys()]
      .filter((name) => !writtenByTemplate.includes(name) && !(name in OPTIONAL_ON_AZURE))
      .map((name) => `${name} (${readByCode.get(name)!.join(", ")})`);
    expect(unaccounted).toEqual([]);
  });

  it("every setting the template writes is read by the code, by the Functions host or the Azure SDK, or by the sign-in once merged", () => {
    const unread = writtenByTemplate.filter(
      (name) => !readByCode.has(name) && !(name in READ_OUTSIDE_OUR_SOURCE),
    );
    expect(unread).toEqual([]);
  });

  it("writes the identity-based storage settings and no connection string: the account has shared keys off", () => {
    expect(writtenByTemplate).toEqual(
      expect.arrayContaining([
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AZURE_CLIENT_ID",
      ]),
    );
    expect(writtenByTemplate).not.toContain("AzureWebJobsStorage");
    expect(writtenByTemplate).not.toContain("KPI_STORAGE_CONNECTION");
    expect(read("infra/core/storage/storage-account.bicep")).toMatch(/allowSharedKeyAccess:\s*false/);
  });

  it("writes no setting the Flex Consumption plan rejects: the runtime is declared in functionAppConfig", () => {
    expect(writtenByTemplate.filter((name) => /^(FUNCTIONS_WORKER_RUNTIME|FUNCTIONS_EXTENSION_VERSION|WEBSITE_)/.test(name))).toEqual([]);
    const api = read("infra/app/api.bicep");
    expect(api).toMatch(/runtime:\s*\{\s*name:\s*'node'\s*version:\s*'22'\s*\}/);
    expect(api).toMatch(/tier:\s*'FlexConsumption'\s*name:\s*'FC1'/);
  });

  it("each KPI_ setting the template writes can be given with `azd env set`: main.parameters.json maps it", () => {
    const parameters = read("infra/main.parameters.json");
    const unmapped = writtenByTemplate
      .filter((name) => name.startsWith("KPI_"))
      .filter((name) => !parameters.includes(`\${${name}}`) && !parameters.includes(`\${${name}_BASE64}`));
    expect(unmapped).toEqual([]);
  });

  it("creates the tables and containers the code names, under the same KPI_STORAGE_PREFIX", () => {
    const main = read("infra/main.bicep");
    for (const table of ["KpiSubmissions", "KpiKeys", "KpiReviews", "KpiAudit"]) expect(main).toContain(`'\${storagePrefix}${table}'`);
    for (const container of ["kpi-catalogue", "kpi-workbooks"]) expect(main).toContain(`'\${containerPrefix}${container}'`);
    const tableNames = read("functions/storage/tableNames.ts");
    for (const name of ["KpiSubmissions", "KpiKeys", "KpiReviews", "KpiAudit", "kpi-catalogue", "kpi-workbooks"]) expect(tableNames).toContain(name);
  });

  it("gives the API's identity exactly Storage Table Data Contributor and Storage Blob Data Contributor on the account", () => {
    const rbac = read("infra/app/rbac.bicep");
    expect(rbac).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(rbac).toContain("'ba92f5b4-2d11-453d-a403-e96b0029c9fe'");
    // No owner or account-level role: the identity cannot read keys or change the account.
    expect(rbac).not.toContain("b7e6dc6d-f1e8-4753-8033-0f276bb0955b");
    expect(rbac).not.toContain("17d1049b-9a84-46fb-8f53-869881c3d3ab");
  });

  it("passes the add-in's origin to the API's CORS and out as KPI_ADDIN_URL for the manifest build", () => {
    const main = read("infra/main.bicep");
    expect(main).toMatch(/allowedOrigins:\s*\[\s*addinOrigin\s*\]/);
    expect(main).toMatch(/output KPI_ADDIN_URL string = addinOrigin/);
    expect(read("infra/app/api.bicep")).toMatch(/cors:\s*\{\s*allowedOrigins:\s*allowedOrigins/);
    expect(read("addin/build/manifest.mjs")).toContain("process.env.KPI_ADDIN_URL");
  });
});
