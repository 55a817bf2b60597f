import { BlobServiceClient, newPipeline, StorageSharedKeyCredential, type RequestPolicyFactory } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { importAnswerSchema } from "../../shared/catalogue/importAnswer";
import type { Catalogue } from "../../shared/catalogue/model";
import { demoCatalogue } from "../../functions/local/demoData";
import { blobService, readAll } from "../../functions/storage/blobClient";
import { CatalogueStore, storedCatalogueSchema, storedProvinceCatalogueSchema } from "../../functions/storage/catalogueStore";
import { storageNames } from "../../functions/storage/tableNames";
import { decisionSheets, ONLINE, SIGNED, type AppendixRow } from "../support/appendixSheets";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";

/**
 * The catalogue at national scale: each province's catalogue is a blob of its own, so provinces importing at the start
 * of the year neither wait for nor overwrite each other, and a deployment of the single-blob release keeps everything.
 */

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

const service = () => blobService(stack.services.settings.connection);
const catalogueContainer = () => service().getContainerClient(storageNames(stack.prefix).catalogueContainer);

async function blobState(name: string): Promise<{ etag: string | undefined; lastModified: string | undefined }> {
  const properties = await catalogueContainer().getBlobClient(name).getProperties();
  return { etag: properties.etag, lastModified: properties.lastModified?.toISOString() };
}

function importAs(key: string, province: string, number: string, sections: Array<[string, AppendixRow[]]>) {
  return stack.call(`/catalogue/import?${new URLSearchParams({ format: "sheets", province })}`, {
    key,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(decisionSheets(number, 2026, sections)),
  });
}

async function catalogueOf(key: string): Promise<{ version: number; decisions: Array<{ id: string }>; indicators: Array<{ code: string; name: string }> }> {
  return (await stack.call("/catalogue", { key })).json();
}

describe("provinces importing at the same time", () => {
  it("lands every import, two provinces and two officers of each at once, each as its province's next version", async () => {
    const phuTho = await catalogueOf(stack.keys.province);
    const hue = await catalogueOf(stack.keys.otherProvince);
    // Each adds an indicator nobody has, so they also meet on the national indicator definitions.
    const responses = await Promise.all([
      importAs(stack.keys.province, "phu-tho", "101/QĐ-UBND", [["Sở Tài chính", [["Số hội nghị truyền hình trực tuyến đến cấp xã được tổ chức trong năm", "Tối thiểu 12 hội nghị"]]]]),
      importAs(stack.keys.province, "phu-tho", "102/QĐ-UBND", [["Sở Y tế", [[SIGNED, "100%"]]]]),
      importAs(stack.keys.otherProvince, "hue", "201/KH-UBND", [["Sở Tài chính", [["Tỷ lệ di tích lịch sử được số hóa dưới dạng mô hình ba chiều", "Tối thiểu 30%"]]]]),
      importAs(stack.keys.otherProvince, "hue", "202/KH-UBND", [["Sở Y tế", [[SIGNED, "100%"]]]]),
    ]);
    const answers = await Promise.all(
      responses.map(async (response) => {
        expect(response.status).toBe(201);
        return importAnswerSchema.parse(await response.json());
      }),
    );
    expect(answers.slice(0, 2).map((answer) => answer.catalogueVersion).sort()).toEqual([phuTho.version + 1, phuTho.version + 2]);
    expect(answers.slice(2).map((answer) => answer.catalogueVersion).sort()).toEqual([hue.version + 1, hue.version + 2]);

    const phuThoAfter = await catalogueOf(stack.keys.province);
    const hueAfter = await catalogueOf(stack.keys.otherProvince);
    expect(phuThoAfter.version).toBe(phuTho.version + 2);
    expect(hueAfter.version).toBe(hue.version + 2);
    expect(phuThoAfter.decisions.map((d) => d.id)).toEqual(expect.arrayContaining(["phu-tho-101-qd-ubnd", "phu-tho-102-qd-ubnd"]));
    expect(hueAfter.decisions.map((d) => d.id)).toEqual(expect.arrayContaining(["hue-201-kh-ubnd", "hue-202-kh-ubnd"]));
    expect(hueAfter.decisions.map((d) => d.id)).not.toContain("phu-tho-101-qd-ubnd");
    // The two new indicators got two different codes, though both imports started from the same definitions.
    const conference = phuThoAfter.indicators.find((indicator) => indicator.name.startsWith("Số hội nghị truyền hình"));
    const heritage = hueAfter.indicators.find((indicator) => indicator.name.startsWith("Tỷ lệ di tích lịch sử"));
    expect(conference).toBeDefined();
    expect(heritage).toBeDefined();
    expect(conference!.code).not.toBe(heritage!.code);
  });

  it("rewrites only the importing province's blob: Huế's blob and the indicators keep their ETag and time", async () => {
    // The first import may add the wording to the indicators; the second then matches it and adds none.
    expect((await importAs(stack.keys.province, "phu-tho", "111/QĐ-UBND", [["Sở Tài chính", [[ONLINE, "Tối thiểu 80%"]]]])).status).toBe(201);
    const hue = await blobState("current/provinces/hue.json");
    const vinhPhuc = await blobState("current/provinces/vinh-phuc.json");
    const indicators = await blobState("current/indicators.json");
    const phuTho = await blobState("current/provinces/phu-tho.json");

    const response = await importAs(stack.keys.province, "phu-tho", "112/QĐ-UBND", [["Sở Tài chính", [[ONLINE, "Tối thiểu 85%"]]]]);
    expect(response.status).toBe(201);
    expect(importAnswerSchema.parse(await response.json()).report.newIndicators).toBe(0);

    expect(await blobState("current/provinces/hue.json")).toEqual(hue);
    expect(await blobState("current/provinces/vinh-phuc.json")).toEqual(vinhPhuc);
    expect(await blobState("current/indicators.json")).toEqual(indicators);
    expect((await blobState("current/provinces/phu-tho.json")).etag).not.toBe(phuTho.etag);
  });

  it("registers Huế's agencies without touching Phú Thọ's blob", async () => {
    const phuTho = await blobState("current/provinces/phu-tho.json");
    const before = await catalogueOf(stack.keys.otherProvince);
    const response = await stack.call("/agencies", {
      key: stack.keys.otherProvince,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agencies: [{ name: "UBND phường Thuận Hóa" }] }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).catalogueVersion).toBe(before.version + 1);
    expect(await blobState("current/provinces/phu-tho.json")).toEqual(phuTho);
  });

  it("records on a submission the version of its own province's catalogue", async () => {
    const decision = "phu-tho-1521-qd-ubnd";
    const period = await (await stack.call(`/decisions/${decision}/periods/2025-Q4/assignments?agency=so-tai-chinh`, { key: stack.keys.agency })).json();
    const submitted = await stack.call(`/decisions/${decision}/periods/2025-Q4/submissions`, {
      key: stack.keys.agency,
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "tinh-rieng-0001" },
      body: JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: period.assignments[0].assignmentId, actual: 0.5 }] }),
    });
    expect(submitted.status).toBe(201);
    const phuTho = await catalogueOf(stack.keys.province);
    const hue = await catalogueOf(stack.keys.otherProvince);
    expect(phuTho.version).not.toBe(hue.version);
    expect(period.catalogueVersion).toBe(phuTho.version);
    const stored = await (await stack.call(`/decisions/${decision}/periods/2025-Q4/agencies/so-tai-chinh/versions/1`, { key: stack.keys.province })).json();
    expect(stored.catalogueVersion).toBe(phuTho.version);
  });
});

describe("a change that is not valid", () => {
  it("stores nothing when the change leaves a row without its decision", async () => {
    const before = await storageSnapshot(stack);
    await expect(
      stack.services.catalogue.update(
        (catalogue) => ({ catalogue: { ...catalogue, decisions: catalogue.decisions.filter((d) => d.id !== "hue-106-kh-ubnd") }, result: undefined }),
        { updatedBy: "test", reason: "bad" },
      ),
    ).rejects.toThrow(/hue-106-kh-ubnd/);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("stores nothing when a change for Phú Thọ adds a record of another province", async () => {
    const before = await storageSnapshot(stack);
    await expect(
      stack.services.catalogue.update(
        (catalogue) => ({
          catalogue: { ...catalogue, agencies: [...catalogue.agencies, { id: "so-y-te", name: "Sở Y tế", kind: "so_ban_nganh" as const, province: "vinh-phuc" }] },
          result: undefined,
        }),
        { updatedBy: "test", reason: "stray", province: "phu-tho" },
      ),
    ).rejects.toThrow(/vinh-phuc/);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("stores nothing when the change breaks a record's schema", async () => {
    const before = await storageSnapshot(stack);
    await expect(
      stack.services.catalogue.update(
        (catalogue) => ({ catalogue: { ...catalogue, agencies: catalogue.agencies.map((a, i) => (i === 0 ? { ...a, id: "Sở Tài Chính" } : a)) }, result: undefined }),
        { updatedBy: "test", reason: "bad id", province: "phu-tho" },
      ),
    ).rejects.toThrow();
    expect(await storageSnapshot(stack)).toEqual(before);
  });
});

describe("a deployment of the single-blob release", () => {
  async function legacyContainer(suffix: string, stored: unknown) {
    const container = service().getContainerClient(`${stack.prefix}-${suffix}`);
    await container.createIfNotExists();
    const body = JSON.stringify(stored);
    await container.getBlockBlobClient("current.json").upload(body, Buffer.byteLength(body));
    await container.getBlockBlobClient("versions/000007-20260101T000000000Z.json").upload(body, Buffer.byteLength(body));
    return container;
  }

  function byProvince(catalogue: Catalogue, province: string) {
    return {
      agencies: catalogue.agencies.filter((a) => a.province === province),
      groups: catalogue.groups.filter((g) => g.province === province),
      decisions: catalogue.decisions.filter((d) => d.province === province),
      assignments: catalogue.assignments.filter((a) => a.decisionId.startsWith(`${province}-`)),
    };
  }

  it("is split per province on first start, nothing lost, every piece at the old version, the old blob kept", async () => {
    const catalogue = await demoCatalogue();
    const legacy = storedCatalogueSchema.parse({ version: 7, updatedAt: "2026-01-01T00:00:00.000Z", updatedBy: "npm start", reason: "Danh mục mẫu", catalogue });
    const container = await legacyContainer("legacy", legacy);
    const legacyEtag = (await container.getBlobClient("current.json").getProperties()).etag;

    // Two instances starting together both split; neither fails, and the result is one split.
    const first = new CatalogueStore(service(), container.containerName, 0);
    const second = new CatalogueStore(service(), container.containerName, 0);
    await Promise.all([first.init(), second.init()]);
    const snapshot = await first.current();

    expect(snapshot.catalogue.indicators).toEqual(legacy.catalogue.indicators);
    expect([...snapshot.catalogue.uncertainMatches].sort((a, b) => a.text.localeCompare(b.text))).toEqual(
      [...legacy.catalogue.uncertainMatches].sort((a, b) => a.text.localeCompare(b.text)),
    );
    for (const province of ["phu-tho", "hue", "vinh-phuc"]) {
      expect(byProvince(snapshot.catalogue, province)).toEqual(byProvince(legacy.catalogue, province));
      expect(snapshot.versionOf(province)).toBe(7);
    }
    expect(snapshot.catalogue.assignments).toHaveLength(legacy.catalogue.assignments.length);
    expect((await second.current()).catalogue).toEqual(snapshot.catalogue);

    const names: string[] = [];
    for await (const blob of container.listBlobsFlat()) names.push(blob.name);
    expect(names.filter((name) => name.startsWith("current/")).sort()).toEqual([
      "current/indicators.json",
      "current/provinces/hue.json",
      "current/provinces/phu-tho.json",
      "current/provinces/vinh-phuc.json",
    ]);
    expect(names).toContain("versions/provinces/phu-tho/000007-2026-01-01T000000000Z.json");
    expect(names).toContain("versions/000007-20260101T000000000Z.json");
    expect((await container.getBlobClient("current.json").getProperties()).etag).toBe(legacyEtag);

    // After the split, a province's change is its version 8 and leaves the others at 7.
    const phuTho = (await container.getBlobClient("current/provinces/phu-tho.json").getProperties()).etag;
    const saved = await first.update(
      (current) => ({ catalogue: { ...current, agencies: [...current.agencies, { id: "phuong-thuan-hoa", name: "UBND phường Thuận Hóa", kind: "ubnd_cap_xa" as const, province: "hue" }] }, result: undefined }),
      { updatedBy: "test", reason: "Đăng ký 1 cơ quan", province: "hue" },
    );
    expect(saved.version).toBe(8);
    expect((await second.current()).versionOf("hue")).toBe(8);
    expect((await second.current()).versionOf("phu-tho")).toBe(7);
    expect((await container.getBlobClient("current/provinces/phu-tho.json").getProperties()).etag).toBe(phuTho);
  });

  it("refuses an old blob that is not a valid catalogue and writes nothing", async () => {
    const catalogue = await demoCatalogue();
    const broken = { version: 3, updatedAt: "2026-01-01T00:00:00.000Z", updatedBy: "x", reason: "x", catalogue: { ...catalogue, agencies: [{ id: "Không hợp lệ" }] } };
    const container = await legacyContainer("broken", broken);
    const store = new CatalogueStore(service(), container.containerName, 0);
    await expect(store.init()).rejects.toThrow();
    await expect(store.current()).rejects.toThrow();
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat()) names.push(blob.name);
    expect(names.sort()).toEqual(["current.json", "versions/000007-20260101T000000000Z.json"]);
  });
});

describe("a province blob read back", () => {
  it("is refused when it holds another province's agency, naming the blob", async () => {
    const container = service().getContainerClient(`${stack.prefix}-tampered`);
    await container.createIfNotExists();
    const writer = new CatalogueStore(service(), container.containerName, 0);
    await writer.init();
    const catalogue = await demoCatalogue();
    await writer.update(() => ({ catalogue, result: undefined }), { updatedBy: "test", reason: "seed" });
    const blob = container.getBlockBlobClient("current/provinces/hue.json");
    const stored = storedProvinceCatalogueSchema.parse(JSON.parse((await readAll((await blob.download()).readableStreamBody)).toString("utf8")));
    const tampered = JSON.stringify({ ...stored, agencies: [...stored.agencies, { id: "so-y-te", name: "Sở Y tế", kind: "so_ban_nganh", province: "phu-tho" }] });
    await blob.upload(tampered, Buffer.byteLength(tampered));
    await expect(new CatalogueStore(service(), container.containerName, 0).current()).rejects.toThrow(/current\/provinces\/hue\.json/);
  });
});

describe("reading after another instance changed one province", () => {
  /** A blob client on the same Azurite that notes every blob it downloads: what a reading instance costs. */
  function countingService(): { service: BlobServiceClient; downloads: string[] } {
    const settings = Object.fromEntries(
      String(inject("azuriteConnection"))
        .split(";")
        .filter(Boolean)
        .map((part) => [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)]),
    );
    const base = newPipeline(new StorageSharedKeyCredential(settings.AccountName!, settings.AccountKey!));
    const downloads: string[] = [];
    const counter: RequestPolicyFactory = {
      create: (next) => ({
        sendRequest: (request) => {
          const path = decodeURIComponent(new URL(request.url).pathname);
          if (request.method === "GET" && !new URL(request.url).searchParams.has("comp")) downloads.push(path.slice(path.indexOf("/current/") + 1));
          return next.sendRequest(request);
        },
      }),
    };
    base.factories.unshift(counter);
    return { service: new BlobServiceClient(settings.BlobEndpoint!, base), downloads };
  }

  it("downloads only the blob whose ETag changed", async () => {
    const containerName = `${stack.prefix}-counted`;
    const writer = new CatalogueStore(service(), containerName, 0);
    await writer.init();
    const catalogue = await demoCatalogue();
    await writer.update(() => ({ catalogue, result: undefined }), { updatedBy: "test", reason: "seed" });

    const { service: counted, downloads } = countingService();
    const reader = new CatalogueStore(counted, containerName, 0);
    await reader.init();
    await reader.current();
    expect(downloads.sort()).toEqual(["current/indicators.json", "current/provinces/hue.json", "current/provinces/phu-tho.json", "current/provinces/vinh-phuc.json"]);

    downloads.length = 0;
    await reader.current();
    expect(downloads).toEqual([]);

    await writer.update(
      (current) => ({ catalogue: { ...current, agencies: [...current.agencies, { id: "xa-a-luoi", name: "UBND xã A Lưới", kind: "ubnd_cap_xa" as const, province: "hue" }] }, result: undefined }),
      { updatedBy: "test", reason: "Đăng ký 1 cơ quan", province: "hue" },
    );
    const after = await reader.current();
    expect(downloads).toEqual(["current/provinces/hue.json"]);
    expect(after.lookup.agency("hue", "xa-a-luoi")?.name).toBe("UBND xã A Lưới");
    expect(after.versionOf("hue")).toBe(2);
    expect(after.versionOf("phu-tho")).toBe(1);
  });
});

describe("several instances writing at once", () => {
  it("keeps every change when two instances each save two changes to each of two provinces at the same time", async () => {
    const containerName = `${stack.prefix}-instances`;
    const seed = new CatalogueStore(service(), containerName, 0);
    await seed.init();
    const catalogue = await demoCatalogue();
    await seed.update(() => ({ catalogue, result: undefined }), { updatedBy: "test", reason: "seed" });
    const instances = [new CatalogueStore(service(), containerName, 5000), new CatalogueStore(service(), containerName, 5000)];
    await Promise.all(instances.map((instance) => instance.current()));

    const addCommune = (instance: CatalogueStore, province: string, id: string) =>
      instance.update(
        (current) => ({ catalogue: { ...current, agencies: [...current.agencies, { id, name: `UBND xã ${id}`, kind: "ubnd_cap_xa" as const, province }] }, result: id }),
        { updatedBy: "test", reason: `Đăng ký ${id}`, province },
      );
    const saved = await Promise.all(
      instances.flatMap((instance, i) => ["phu-tho", "hue"].flatMap((province) => [1, 2].map((n) => addCommune(instance, province, `xa-moi-${i}-${n}`)))),
    );
    expect(saved).toHaveLength(8);

    const after = await new CatalogueStore(service(), containerName, 0).current();
    for (const province of ["phu-tho", "hue"]) {
      expect(after.versionOf(province)).toBe(1 + 4);
      const added = after.lookup.agenciesOf(province).filter((agency) => agency.id.startsWith("xa-moi-")).map((agency) => agency.id);
      expect(added.sort()).toEqual(["xa-moi-0-1", "xa-moi-0-2", "xa-moi-1-1", "xa-moi-1-2"]);
    }
    expect(after.versionOf("vinh-phuc")).toBe(1);
  });
});
