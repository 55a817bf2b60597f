import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodAssignmentsSchema } from "../../shared/report/periodAssignments";
import { runKpi } from "../support/kpiProcess";
import { startStack, type TestStack } from "../support/stack";

/** The draft report over real HTTP and Azurite: one agency's quarter submitted, then the docx as the province gets it. */

const D = "phu-tho-1521-qd-ubnd";
const BASE = `/decisions/${D}/periods/2025-Q4`;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let stack: TestStack;
let dir: string;

beforeAll(async () => {
  stack = await startStack();
  dir = await mkdtemp(join(tmpdir(), "kpi-docx-"));
  const view = periodAssignmentsSchema.parse(await (await stack.call(`${BASE}/assignments`, { key: stack.keys.agency })).json());
  const rate = view.assignments.find((assignment) => assignment.targetText === "Tối thiểu 65%")!;
  const submitted = await stack.call(`${BASE}/submissions`, {
    key: stack.keys.agency,
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": "docx-flow-0001" },
    body: JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: rate.assignmentId, actual: 0.7, numerator: 70, denominator: 100 }] }),
  });
  expect(submitted.status).toBe(201);
});
afterAll(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

function documentText(bytes: Uint8Array): { xml: string; text: string } {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  const text = xml
    .split("</w:p>")
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(""))
    .join("\n");
  return { xml, text };
}

describe("GET …/report.docx", () => {
  it("gives the province the draft report of the quarter from what was submitted", async () => {
    const response = await stack.call(`${BASE}/report.docx`, { key: stack.keys.province });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(DOCX);
    expect(response.headers.get("content-disposition")).toContain("bao-cao-phu-tho-1521-qd-ubnd-2025-Q4.docx");
    const { xml, text } = documentText(new Uint8Array(await response.arrayBuffer()));
    const lines = text.split("\n");
    for (const line of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH PHÚ THỌ", "BÁO CÁO", "Nơi nhận:", "KT. GIÁM ĐỐC"]) {
      expect(lines).toContain(line);
    }
    expect(lines).toContain("theo Quyết định số 1521/QĐ-UBND ngày 24/10/2025");
    expect(text).toContain("Sở Tài chính");
    expect(text).toContain("UBND xã Hạ Hòa");
    expect(text).toContain("70% (70/100)");
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain('w:ascii="Times New Roman"');
  });

  it("serves the viewer and refuses an agency's key", async () => {
    const viewer = await stack.call(`${BASE}/report.docx`, { key: stack.keys.viewer });
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get("content-type")).toBe(DOCX);
    const agency = await stack.call(`${BASE}/report.docx`, { key: stack.keys.agency });
    expect(agency.status).toBe(403);
    expect(await agency.json()).toMatchObject({ code: "forbidden" });
  });

  it("is what `kpi report --format docx` saves; a format it does not know is refused", async () => {
    const out = join(dir, "bao-cao.docx");
    const server = ["--server", stack.host.url, "--key", stack.keys.province];
    const result = await runKpi(["report", "--decision", D, "--period", "2025-Q4", "--format", "docx", "--out", out, ...server]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Đã ghi dự thảo báo cáo ${out}`);
    expect(documentText(new Uint8Array(await readFile(out))).text).toContain("BÁO CÁO");

    const wrong = await runKpi(["report", "--decision", D, "--period", "2025-Q4", "--format", "pdf", ...server]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--format: Định dạng là xlsx (bảng tổng hợp) hoặc docx (dự thảo báo cáo).");
  });
});
