import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submissionReceiptSchema } from "../../shared/report/receipt";
import { versionViewSchema } from "../../shared/api/review";
import { periodAssignmentsSchema } from "../../shared/report/periodAssignments";
import { storageConnectionFromEnvironment, type IdentityConnection, type StorageConnection } from "../../functions/storage/connection";
import { blobService } from "../../functions/storage/blobClient";
import { tableClient } from "../../functions/storage/tableClient";
import { storageNames } from "../../functions/storage/tableNames";
import { startStack, type TestStack } from "../support/stack";
import { oauthSkipReason, startOAuthAzurite, UnsignedStorageTokenCredential, type OAuthAzurite } from "./oauthAzurite";

const skipReason = oauthSkipReason();
const BASE = "/decisions/phu-tho-1521-qd-ubnd/periods/2025-Q4";
const AGENCY = `${BASE}/agencies/so-tai-chinh`;

/** A raw https request trusting only the test certificate: what reaches Azurite when no token is sent. */
function statusWithoutToken(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", ca, headers: { "x-ms-version": "2025-01-05" } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe.skipIf(skipReason)(`storage reached with a token, as a managed identity does on Azure${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let azurite: OAuthAzurite;
  let credential: UnsignedStorageTokenCredential;
  let connection: StorageConnection;
  let stack: TestStack;

  beforeAll(async () => {
    azurite = await startOAuthAzurite();
    credential = new UnsignedStorageTokenCredential();
    // The same reading of app settings as on Azure, with the test's token source in place of DefaultAzureCredential.
    const fromSettings = storageConnectionFromEnvironment(
      { AzureWebJobsStorage__blobServiceUri: azurite.blobUrl, AzureWebJobsStorage__tableServiceUri: azurite.tableUrl },
      () => credential,
    );
    expect(fromSettings).toMatchObject({ kind: "identity", blobUrl: azurite.blobUrl, tableUrl: azurite.tableUrl, credential });
    connection = { ...(fromSettings as IdentityConnection), trustedCertificate: azurite.certificate };
    stack = await startStack({ connection });
  });
  afterAll(async () => {
    await stack?.close();
    await azurite?.stop();
  });

  it("is Azurite in OAuth mode: a request without a token is refused", async () => {
    expect(azurite.blobUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    const container = storageNames(stack.prefix).catalogueContainer;
    expect(await statusWithoutToken(`${azurite.blobUrl}/${container}?restype=container&comp=list`, azurite.certificate)).toBe(403);
    expect(await statusWithoutToken(`${azurite.tableUrl}/Tables`, azurite.certificate)).toBe(403);
  });

  it("creates the tables and containers with the identity's tokens for storage", async () => {
    const names = storageNames(stack.prefix);
    // Listing a table that was never created fails with TableNotFound; the keys table holds the stack's keys.
    const rowCounts: Record<string, number> = {};
    for (const table of [names.submissionsTable, names.keysTable, names.reviewsTable, names.auditTable]) {
      rowCounts[table] = 0;
      for await (const _row of tableClient(connection, table).listEntities()) rowCounts[table]++;
    }
    expect(rowCounts[names.keysTable]).toBe(5);

    const containers: string[] = [];
    for await (const container of blobService(connection).listContainers({ prefix: stack.prefix })) containers.push(container.name);
    expect(containers.sort()).toEqual([names.catalogueContainer, names.workbooksContainer].sort());
    expect(credential.requestedScopes.flat()).toContain("https://storage.azure.com/.default");
  });

  it("takes an agency's submission over HTTP and reads it back from storage reached by identity", async () => {
    const assignments = await stack.call(`${BASE}/assignments`, { key: stack.keys.agency });
    expect(assignments.status).toBe(200);
    const view = periodAssignmentsSchema.parse(await assignments.json());
    const values = view.assignments.map((assignment, index) => ({ assignmentId: assignment.assignmentId, actual: index === 0 ? 0.7 : null }));

    const submitted = await stack.call(`${BASE}/submissions`, {
      key: stack.keys.agency,
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "identity-round-trip-0001" },
      body: JSON.stringify({ agencyId: "so-tai-chinh", values }),
    });
    expect(submitted.status).toBe(201);
    const receipt = submissionReceiptSchema.parse(await submitted.json());
    expect(receipt).toMatchObject({ version: 1, agencyId: "so-tai-chinh" });

    const read = await stack.call(`${AGENCY}/versions/1`, { key: stack.keys.province });
    expect(read.status).toBe(200);
    const version = versionViewSchema.parse(await read.json());
    expect(version.values.find((value) => value.assignmentId === values[0]!.assignmentId)).toMatchObject({ actual: 0.7 });
  });
});
