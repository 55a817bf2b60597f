import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importAnswerSchema, importRefusalDetailsSchema } from "../../shared/catalogue/importAnswer";
import { storedProvinceCatalogueSchema } from "../../functions/storage/catalogueStore";
import { blobService, readAll } from "../../functions/storage/blobClient";
import { storageNames } from "../../functions/storage/tableNames";
import { decisionSheets, ONLINE, SIGNED, type AppendixRow } from "../support/appendixSheets";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

function importDecision(sections: Array<[string, AppendixRow[]]>, query: Record<string, string>, number = "20/QĐ-UBND") {
  return stack.call(`/catalogue/import?${new URLSearchParams({ format: "sheets", ...query })}`, {
    key: stack.keys.province,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(decisionSheets(number, 2026, sections)),
  });
}

async function decisionIds(): Promise<string[]> {
  const body = (await (await stack.call("/decisions", { key: stack.keys.province })).json()) as { decisions: Array<{ id: string }> };
  return body.decisions.map((decision) => decision.id);
}

async function historyOf(decisionId: string): Promise<Array<{ version: number; targets: string[] }>> {
  const container = blobService(stack.services.settings.connection).getContainerClient(storageNames(stack.prefix).catalogueContainer);
  const history: Array<{ version: number; targets: string[] }> = [];
  // Phú Thọ's own history: its decisions are stored and versioned apart from other provinces'.
  for await (const blob of container.listBlobsFlat({ prefix: "versions/provinces/phu-tho/" })) {
    const download = await container.getBlockBlobClient(blob.name).download();
    const stored = storedProvinceCatalogueSchema.parse(JSON.parse((await readAll(download.readableStreamBody)).toString("utf8")));
    const targets = stored.assignments.filter((a) => a.decisionId === decisionId).map((a) => a.targetText);
    if (targets.length > 0) history.push({ version: stored.version, targets });
  }
  return history.sort((a, b) => a.version - b.version);
}

describe("import preview: agencies created, matched and close", () => {
  const sections: Array<[string, AppendixRow[]]> = [
    ["Sở Tài chính", [[ONLINE, "Tối thiểu 90%"]]],
    ["UBND xã Hạ Hòa", [[SIGNED, "100%"]]],
    ["Sở Y Tế (cũ)", [[SIGNED, "100%"]]],
    ["Ban Quản lý dự án chuyển đổi số", [[SIGNED, "100%"]]],
  ];

  it("lists each heading as created, matched to a registered agency, or close to one", async () => {
    const response = await importDecision(sections, { dryRun: "true" });
    expect(response.status).toBe(200);
    const answer = importAnswerSchema.parse(await response.json());
    expect(answer.needsAgencyChoices).toBe(true);
    expect(answer.report.agencies.matched).toEqual([
      { heading: "Sở Tài chính", id: "so-tai-chinh", name: "Sở Tài chính" },
      { heading: "UBND xã Hạ Hòa", id: "xa-ha-hoa", name: "UBND xã Hạ Hòa" },
    ]);
    expect(answer.report.agencies.created).toEqual([
      { heading: "Ban Quản lý dự án chuyển đổi số", id: "ban-quan-ly-du-an-chuyen-doi-so", name: "Ban Quản lý dự án chuyển đổi số" },
    ]);
    expect(answer.report.agencies.close).toHaveLength(1);
    expect(answer.report.agencies.close[0]).toMatchObject({ heading: "Sở Y Tế (cũ)", candidates: [{ id: "so-y-te", name: "Sở Y tế" }] });
  });

  it("refuses the import of a close heading without a choice, listing the choices, and stores nothing", async () => {
    const before = await storageSnapshot(stack);
    const response = await importDecision(sections, {});
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe("agency_choice_required");
    expect(body.message).toContain("Sở Y Tế (cũ)");
    expect(body.message).toContain("so-y-te");
    expect(importRefusalDetailsSchema.parse(body.details).close[0]?.candidates[0]?.id).toBe("so-y-te");
    expect(await storageSnapshot(stack)).toEqual(before);
    expect(await decisionIds()).not.toContain("phu-tho-20-qd-ubnd");
  });

  it("imports it as the registered agency the person chose", async () => {
    const response = await importDecision(sections, { agencyChoices: JSON.stringify({ "Sở Y Tế (cũ)": { use: "so-y-te" } }) });
    expect(response.status).toBe(201);
    const answer = importAnswerSchema.parse(await response.json());
    expect(answer.report.agencies.matched.map((agency) => agency.id)).toEqual(["so-tai-chinh", "xa-ha-hoa", "so-y-te"]);
    expect(await decisionIds()).toContain("phu-tho-20-qd-ubnd");
    const decision = await (await stack.call("/decisions/phu-tho-20-qd-ubnd", { key: stack.keys.province })).json();
    expect(decision.assignedAgencies.map((agency: { id: string }) => agency.id).sort()).toEqual(
      ["ban-quan-ly-du-an-chuyen-doi-so", "so-tai-chinh", "so-y-te", "xa-ha-hoa"].sort(),
    );
    const agencies = (await (await stack.call("/agencies", { key: stack.keys.province })).json()).agencies as Array<{ id: string }>;
    expect(agencies.map((agency) => agency.id)).not.toContain("so-y-te-cu");
  });

  it("creates a new agency when the person says the close heading is another one", async () => {
    const response = await importDecision([["Tam Nông", [[SIGNED, "100%"]]]], { dryRun: "true", agencyChoices: JSON.stringify({ "Tam Nông": { create: true } }) }, "21/QĐ-UBND");
    const answer = importAnswerSchema.parse(await response.json());
    expect(answer.needsAgencyChoices).toBe(false);
    expect(answer.report.agencies.created).toEqual([{ heading: "Tam Nông", id: "tam-nong", name: "Tam Nông" }]);
  });

  it("refuses a choice of an agency that is not registered", async () => {
    const response = await importDecision([["Sở Y Tế (cũ)", [[SIGNED, "100%"]]]], { agencyChoices: JSON.stringify({ "Sở Y Tế (cũ)": { use: "so-khong-co" } }) }, "22/QĐ-UBND");
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("so-khong-co");
  });
});

describe("targets checked at import", () => {
  it("warns, on its row, about an empty target: a person evaluates it", async () => {
    const response = await importDecision([["Sở Tài chính", [[ONLINE, "Tối thiểu 90%"], [SIGNED, ""]]]], { dryRun: "true" }, "30/QĐ-UBND");
    expect(response.status).toBe(200);
    const answer = importAnswerSchema.parse(await response.json());
    expect(answer.report.problems).toContainEqual(
      expect.objectContaining({ code: "empty_target", severity: "warning", message: 'Trang tính "Phụ lục", dòng 4: chỉ tiêu giao để trống — cần người đánh giá.' }),
    );
  });

  it("refuses a milestone target that looks like a rule but is wrong, naming its row, and stores nothing", async () => {
    const before = await storageSnapshot(stack);
    const response = await importDecision([["Sở Tài chính", [[ONLINE, "Tối thiểu 90%", "50%"], [SIGNED, "100%", ">>90%"]]]], {}, "31/QĐ-UBND");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe("validation_failed");
    expect(body.message).toContain('Trang tính "Phụ lục", dòng 4: chỉ tiêu đến 30/6/2026 ">>90%" không đọc được');
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("stores each milestone with its target read at import", async () => {
    const response = await importDecision([["Sở Tài chính", [[ONLINE, "Tối thiểu 90%", "Tối thiểu 50%"]]]], {}, "32/QĐ-UBND");
    expect(response.status).toBe(201);
    const period = await (await stack.call("/decisions/phu-tho-32-qd-ubnd/periods/2026-Q2/assignments?agency=so-tai-chinh", { key: stack.keys.province })).json();
    expect(period.assignments[0]).toMatchObject({ targetText: "Tối thiểu 50%", milestoneDue: "2026-06-30", target: { kind: "percent", comparator: "gte", value: 50 } });
  });
});

describe("replacing a decision imported with mistakes", () => {
  const D = "phu-tho-40-qd-ubnd";
  const first: Array<[string, AppendixRow[]]> = [["Sở Tài chính", [[ONLINE, "Tối thiểu 9%"]]]];
  const corrected: Array<[string, AppendixRow[]]> = [["Sở Tài chính", [[ONLINE, "Tối thiểu 90%"]]]];

  it("says how to replace when the same decision is imported again", async () => {
    expect((await importDecision(first, {}, "40/QĐ-UBND")).status).toBe(201);
    const again = await importDecision(corrected, {}, "40/QĐ-UBND");
    expect(again.status).toBe(400);
    expect((await again.json()).message).toContain("--replace");
  });

  it("takes a corrected import as a new catalogue version until the first submission, keeping the old one", async () => {
    const response = await importDecision(corrected, { replace: "true" }, "40/QĐ-UBND");
    expect(response.status).toBe(201);
    const answer = importAnswerSchema.parse(await response.json());
    expect(answer.report.replaced).toBe(true);
    const period = await (await stack.call(`/decisions/${D}/periods/2026-Q1/assignments?agency=so-tai-chinh`, { key: stack.keys.province })).json();
    expect(period.assignments.map((a: { targetText: string }) => a.targetText)).toEqual(["Tối thiểu 90%"]);
    const history = await historyOf(D);
    expect(history.map((entry) => entry.targets)).toEqual([["Tối thiểu 9%"], ["Tối thiểu 90%"]]);
    expect(history[1]!.version).toBe(answer.catalogueVersion);
  });

  it("refuses the replacement once an agency has submitted against the decision (409), storing nothing", async () => {
    const period = await (await stack.call(`/decisions/${D}/periods/2026-Q1/assignments?agency=so-tai-chinh`, { key: stack.keys.agency })).json();
    const submitted = await stack.call(`/decisions/${D}/periods/2026-Q1/submissions`, {
      key: stack.keys.agency,
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "thay-the-0001" },
      body: JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: period.assignments[0].assignmentId, actual: 0.5 }] }),
    });
    expect(submitted.status).toBe(201);
    const before = await storageSnapshot(stack);
    const response = await importDecision([["Sở Tài chính", [[ONLINE, "Tối thiểu 95%"]]]], { replace: "true" }, "40/QĐ-UBND");
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.code).toBe("decision_has_submissions");
    expect(body.message).toContain("đã có cơ quan nộp báo cáo");
    expect(await storageSnapshot(stack)).toEqual(before);
  });
});
