import { setTimeout as wait } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobService } from "../../functions/storage/blobClient";
import { CatalogueStore } from "../../functions/storage/catalogueStore";
import { storageNames } from "../../functions/storage/tableNames";
import { decisionSheets, ONLINE } from "../support/appendixSheets";
import { startStack, type TestStack } from "../support/stack";

/**
 * An instance relies on its last catalogue listing for KPI_CATALOGUE_CACHE_MS; past half of that time it renews the
 * listing in the background, so requests in a steady stream never wait on one. The province imports through another
 * instance (the test stack's host): this one hears of it only through its listings.
 */

const CACHE_MS = 3_000;

let stack: TestStack;
let otherInstance: CatalogueStore;
beforeAll(async () => {
  stack = await startStack();
  otherInstance = new CatalogueStore(blobService(stack.services.settings.connection), storageNames(stack.prefix).catalogueContainer, CACHE_MS);
  await otherInstance.init();
});
afterAll(() => stack?.close());

describe("the catalogue an instance holds", () => {
  it("is renewed in the background past half its time: it answers at once, and an import shows before the listing expires", async () => {
    const listedAt = Date.now();
    const before = (await otherInstance.current()).version;

    const imported = await stack.call(`/catalogue/import?${new URLSearchParams({ format: "sheets", province: "phu-tho" })}`, {
      key: stack.keys.province,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(decisionSheets("131/QĐ-UBND", 2026, [["Sở Tài chính", [[ONLINE, "Tối thiểu 90%"]]]])),
    });
    expect(imported.status).toBe(201);
    // Within the first half the listing answers alone.
    expect((await otherInstance.current()).version).toBe(before);

    await wait(CACHE_MS / 2 + 100);
    // Past half its time it still answers, without waiting: a fresh listing would have shown the import.
    expect((await otherInstance.current()).version).toBe(before);

    let seen = before;
    while (seen === before && Date.now() - listedAt < CACHE_MS) {
      await wait(25);
      seen = (await otherInstance.current()).version;
    }
    // The renewal, not a listing made after the old one expired, brought the import in.
    expect(seen).toBeGreaterThan(before);
    expect(Date.now() - listedAt).toBeLessThan(CACHE_MS);
    expect((await otherInstance.current()).lookup.decisions.has("phu-tho-131-qd-ubnd")).toBe(true);
  });
});
