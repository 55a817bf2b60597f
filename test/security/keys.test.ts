import { randomBytes } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../functions/auth/keyStore";
import { sha256Hex } from "../../functions/storage/submissionKeys";
import { tableClient } from "../../functions/storage/tableClient";
import { storageNames } from "../../functions/storage/tableNames";
import { startStack, type TestStack } from "../support/stack";

/** Keys: one partition per province, keys issued before that still working, and a cache that cannot be flooded. */

let stack: TestStack;
const keysTable = () => tableClient(stack.services.settings.connection, storageNames(stack.prefix).keysTable);

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(() => stack?.close());

describe("the keys table", () => {
  it("keeps a new key in its province's partition, named by the key itself", async () => {
    const issued = await stack.services.keys.issue({ role: "viewer", province: "hue", label: "VP UBND Huế" });
    expect(issued.token).toMatch(/^kpi_hue\.[a-f0-9]{16}_/);
    const id = issued.key.keyId.split(".")[1]!;
    const row = await keysTable().getEntity("hue", id);
    expect(row).toMatchObject({ province: "hue", role: "viewer" });
    const me = await stack.call("/me", { key: issued.token });
    expect(me.status).toBe(200);
  });

  it("moves a key issued before partitioning on first use; the old key keeps working and can be revoked by its old id", async () => {
    const id = randomBytes(8).toString("hex");
    const secret = randomBytes(32).toString("base64url");
    await keysTable().createEntity({
      partitionKey: "key",
      rowKey: id,
      role: "agency",
      province: "phu-tho",
      agencyId: "so-tai-chinh",
      label: "Sở Tài chính (khóa cũ)",
      secretHash: sha256Hex(secret),
      createdAt: "2025-11-01T02:00:00.000Z",
    });
    const token = `kpi_${id}_${secret}`;
    const first = await stack.call("/me", { key: token });
    expect(first.status).toBe(200);
    expect(await keysTable().getEntity("phu-tho", id)).toMatchObject({ agencyId: "so-tai-chinh", secretHash: sha256Hex(secret) });
    expect(await keysTable().getEntity("key", id)).toMatchObject({ movedTo: "phu-tho" });
    expect((await stack.call("/me", { key: token })).status).toBe(200);

    const listed = await stack.services.keys.list();
    expect(listed.filter((key) => key.keyId.endsWith(id))).toHaveLength(1);
    expect(await stack.services.keys.revoke(id)).toBe(true);
    expect((await stack.call("/me", { key: token })).status).toBe(401);
  });

  it("does not let a key of one province be read under another province's name", async () => {
    const issued = await stack.services.keys.issue({ role: "province", province: "phu-tho", label: "Sở KH&CN" });
    const forged = issued.token.replace("kpi_phu-tho.", "kpi_hue.");
    expect((await stack.call("/me", { key: forged })).status).toBe(401);
  });
});

describe("the key cache", () => {
  it("remembers no made-up key, however many are tried", async () => {
    const store = new KeyStore(keysTable(), 30_000);
    const real = await store.issue({ role: "viewer", province: "phu-tho", label: "Người xem" });
    expect(await store.verify(real.token)).toBeDefined();
    for (let index = 0; index < 300; index += 1) {
      const made = `kpi_phu-tho.${randomBytes(8).toString("hex")}_${randomBytes(32).toString("base64url")}`;
      expect(await store.verify(made)).toBeUndefined();
    }
    const cache = (store as unknown as { keyCache: { size: number; max: number } }).keyCache;
    expect(cache.size).toBe(1);
    expect(cache.max).toBeGreaterThan(0);
  }, 60_000);

  it("reads a key once for the requests that arrive together before it is cached, and still refuses a wrong secret", async () => {
    const store = new KeyStore(keysTable(), 30_000);
    const issued = await store.issue({ role: "agency", province: "phu-tho", agencyId: "so-tai-chinh", label: "Sở Tài chính" });
    const reads: string[] = [];
    const count = (message: unknown) => {
      const { request } = message as { request: { method: string; path: string } };
      if (request.method === "GET" && request.path.includes(storageNames(stack.prefix).keysTable)) reads.push(request.path);
    };
    diagnostics.subscribe("http.client.request.start", count);
    try {
      const wrong = issued.token.slice(0, -4) + "AAAA";
      const answers = await Promise.all([...Array.from({ length: 50 }, () => store.verify(issued.token)), store.verify(wrong)]);
      expect(answers.slice(0, 50).every((principal) => principal?.agencyId === "so-tai-chinh")).toBe(true);
      expect(answers[50]).toBeUndefined();
    } finally {
      diagnostics.unsubscribe("http.client.request.start", count);
    }
    expect(reads).toHaveLength(1);
  });
});
