import { deflateSync, crc32 } from "node:zlib";
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph } from "docx";
import { unzipSync, zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceUploadAnswerSchema } from "../../shared/api/review";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema } from "../../shared/report/receipt";
import { startStack, type TestStack } from "../support/stack";

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q4";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;
const AGENCY = "so-tai-chinh";
const EVIDENCE_PREFIX = (agencyId: string) => `phu-tho/${DECISION}/${PERIOD}/${agencyId}/evidence/`;

let stack: TestStack;
let view: PeriodAssignments;
let version: number;

beforeAll(async () => {
  stack = await startStack();
  view = periodAssignmentsSchema.parse(await (await stack.call(`${BASE}/assignments`, { key: stack.keys.agency })).json());
});
afterAll(() => stack?.close());

const assignment = (index: number) => view.assignments[index]!.assignmentId;

function submit(body: unknown, key: string, idempotencyKey: string) {
  return stack.call(`${BASE}/submissions`, {
    key,
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify(body),
  });
}

function upload(bytes: Uint8Array, name: string | undefined, options: { agencyId?: string; key?: string; assignmentId?: string; version?: number } = {}) {
  const agencyId = options.agencyId ?? AGENCY;
  const query = name === undefined ? "" : `?name=${encodeURIComponent(name)}`;
  return stack.call(
    `${BASE}/agencies/${agencyId}/versions/${options.version ?? version}/evidence/${options.assignmentId ?? assignment(0)}/file${query}`,
    { key: options.key ?? stack.keys.agency, method: "PUT", headers: { "content-type": "application/octet-stream" }, body: new Uint8Array(bytes) },
  );
}

async function storedEvidence(agencyId = AGENCY) {
  return {
    blobs: await stack.services.workbooks.list(EVIDENCE_PREFIX(agencyId)),
    files: await stack.services.reviews.evidenceFiles(DECISION, PERIOD, agencyId, agencyId === AGENCY ? version : 1),
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// Tiny real files of each kind -------------------------------------------------------------------------------------

async function pdfFile(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  return document.save();
}

function pngFile(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const pixels = deflateSync(Buffer.from([0, 0x2e, 0x7d, 0x32])); // filter byte + one green pixel
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]));
}

/** A 1×1 baseline JPEG (JFIF, one grey sample); pdf-lib reads its frame header below, so it is a real image. */
const JPEG_1X1 =
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";
function jpgFile(): Uint8Array {
  return new Uint8Array(Buffer.from(JPEG_1X1, "base64"));
}

async function docxFile(text = "Quyết định số 12/QĐ-UBND ngày 03/03/2025"): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

async function xlsxFile(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Số liệu").getCell("A1").value = "Tổng hợp hồ sơ trực tuyến";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A Windows program's first bytes ("MZ", the DOS stub) followed by padding: what a renamed .exe looks like. */
function exeFile(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03], 0);
  bytes.set(Buffer.from("This program cannot be run in DOS mode.", "latin1"), 0x4e);
  return bytes;
}

describe("structured evidence in a JSON submission", () => {
  it("keeps cited documents structured and a plain text as the summary, and reads them back", async () => {
    const cited = { documentNumber: "12/QĐ-UBND", issuedOn: "2025-03-03", summary: "Quyết định phê duyệt kế hoạch chuyển đổi số", url: "https://phutho.gov.vn/vb/12" };
    const values = view.assignments.map((row, index) => ({
      assignmentId: row.assignmentId,
      actual: index === 0 ? 0.012 : null,
      ...(index === 0 ? { evidence: [cited, "Báo cáo số 45/BC-STC của Sở Tài chính"] } : {}),
    }));
    const response = await submit({ agencyId: AGENCY, values }, stack.keys.agency, "evidence-json-000001");
    expect(response.status).toBe(201);
    version = submissionReceiptSchema.parse(await response.json()).version;

    const read = await stack.call(`${BASE}/agencies/${AGENCY}/versions/${version}`, { key: stack.keys.agency });
    expect(read.status).toBe(200);
    const record = (await read.json()) as { values: Array<{ assignmentId: string; evidence?: unknown }> };
    expect(record.values.find((value) => value.assignmentId === assignment(0))?.evidence).toEqual([
      cited,
      { summary: "Báo cáo số 45/BC-STC của Sở Tài chính" },
    ]);
  });

  it("refuses an evidence link that is no web address and stores nothing", async () => {
    const before = await stack.services.submissions.versions(DECISION, PERIOD, AGENCY);
    const values = [{ assignmentId: assignment(0), actual: 0.02, evidence: [{ summary: "Kế hoạch", url: "javascript:alert(1)" }] }];
    const response = await submit({ agencyId: AGENCY, values }, stack.keys.agency, "evidence-json-bad-url");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe("validation_failed");
    expect(body.message).toContain("Đường dẫn minh chứng");
    expect(await stack.services.submissions.versions(DECISION, PERIOD, AGENCY)).toHaveLength(before.length);
  });
});

describe("evidence files", () => {
  it("accepts a PDF, a PNG, a JPG, a Word and an Excel file, each told from its bytes, with its SHA-256", async () => {
    const jpg = jpgFile();
    const embedded = await (await PDFDocument.create()).embedJpg(jpg);
    expect([embedded.width, embedded.height]).toEqual([1, 1]);
    const files: Array<[Uint8Array, string, string]> = [
      [await pdfFile(), "Quyết định 12-QĐ-UBND.pdf", "pdf"],
      [pngFile(), "ảnh chụp cổng dịch vụ.png", "png"],
      [jpg, "biên bản.jpg", "jpg"],
      [await docxFile(), "Kế hoạch 45.docx", "docx"],
      [await xlsxFile(), "Số liệu hồ sơ.xlsx", "xlsx"],
    ];
    for (const [bytes, name, kind] of files) {
      const response = await upload(bytes, name);
      expect(response.status, name).toBe(201);
      const answer = evidenceUploadAnswerSchema.parse(await response.json());
      expect(answer).toMatchObject({ sha256: sha256(bytes), size: bytes.byteLength, name, kind, created: true, evidenceId: sha256(bytes).slice(0, 16) });
    }
    const stored = await storedEvidence();
    expect(stored.blobs).toHaveLength(5);
    expect(stored.files.map((file) => file.kind).sort()).toEqual(["docx", "jpg", "pdf", "png", "xlsx"]);

    const events = [];
    for await (const event of stack.services.audit.events("phu-tho", PERIOD, { agencyId: AGENCY, action: "evidence" })) events.push(event);
    expect(events).toHaveLength(5);
    expect(events[0]!.details).toMatchObject({ assignmentId: assignment(0), sha256: sha256(files[0]![0]), kind: "pdf" });
  });

  it("answers the same file again for the same value with created:false and keeps one blob", async () => {
    const bytes = pngFile();
    const before = await storedEvidence();
    const response = await upload(bytes, "ảnh chụp lần hai.png");
    expect(response.status).toBe(200);
    expect(evidenceUploadAnswerSchema.parse(await response.json())).toMatchObject({ sha256: sha256(bytes), created: false, name: "ảnh chụp cổng dịch vụ.png" });
    expect(await storedEvidence()).toEqual(before);
  });

  it("lets one document prove two values of a version, its bytes kept once", async () => {
    const bytes = await docxFile("Quyết định số 99/QĐ-UBND ngày 05/05/2025 phê duyệt hai nhiệm vụ");
    const first = await upload(bytes, "QĐ 99.docx", { assignmentId: assignment(0) });
    const second = await upload(bytes, "QĐ 99.docx", { assignmentId: assignment(1) });
    expect([first.status, second.status]).toEqual([201, 201]);
    const answers = [evidenceUploadAnswerSchema.parse(await first.json()), evidenceUploadAnswerSchema.parse(await second.json())];
    expect(answers[0]!.evidenceId).toBe(answers[1]!.evidenceId);
    const blobs = (await storedEvidence()).blobs.filter((name) => name.includes(sha256(bytes)));
    expect(blobs).toHaveLength(1);
    const download = await stack.call(`${BASE}/agencies/${AGENCY}/versions/${version}/evidence/${assignment(1)}/${answers[1]!.evidenceId}`, { key: stack.keys.province });
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("takes the kind from the bytes: a program renamed .pdf is refused and nothing is stored", async () => {
    const before = await storedEvidence();
    const response = await upload(exeFile(), "quyet-dinh.pdf");
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe("evidence_file_invalid");
    expect(body.message).toContain("PDF, Word (.docx), Excel (.xlsx) hoặc ảnh PNG, JPG");
    expect(await storedEvidence()).toEqual(before);
  });

  it("refuses a Word file carrying macros with macro_enabled", async () => {
    const entries = unzipSync(await docxFile("Có macro"));
    entries["word/vbaProject.bin"] = new Uint8Array([1, 2, 3, 4]);
    const before = await storedEvidence();
    const response = await upload(zipSync(entries), "ke-hoach.docx");
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "macro_enabled" });
    expect(await storedEvidence()).toEqual(before);
  });

  it("refuses an empty body, a missing name and a file over 10 MB", async () => {
    const before = await storedEvidence();
    const empty = await upload(new Uint8Array(0), "trong.pdf");
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: "validation_failed" });
    const nameless = await upload(await pdfFile(), undefined);
    expect(nameless.status).toBe(400);
    expect(((await nameless.json()) as { message: string }).message).toContain("Thiếu tên tệp");

    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(Buffer.from("%PDF-1.7\n", "latin1"));
    const tooLarge = await upload(big, "lon.pdf");
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: "payload_too_large" });
    expect(await storedEvidence()).toEqual(before);
  });

  it("refuses a value the version does not have", async () => {
    const response = await upload(await pdfFile(), "x.pdf", { assignmentId: `${DECISION}.so-y-te.1` });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "not_found" });
  });

  it("lets an agency attach files to its own versions only", async () => {
    const response = await upload(await pdfFile(), "cua-so-khac.pdf", { key: stack.keys.otherAgency });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden" });
  });

  it("refuses a file for a locked period with 423 and stores nothing", async () => {
    const values = [{ assignmentId: `${DECISION}.so-y-te.1`, actual: 0.5 }];
    expect((await submit({ agencyId: "so-y-te", values }, stack.keys.province, "evidence-lock-so-y-te")).status).toBe(201);
    await stack.services.reviews.setLock(DECISION, PERIOD, {
      scope: "agency",
      agencyId: "so-y-te",
      locked: true,
      reason: "Đã tổng hợp báo cáo quý",
      by: "test",
      byLabel: "Sở KH&CN Phú Thọ",
      at: new Date(Date.now() - 60_000).toISOString(),
    });
    const response = await upload(await pdfFile(), "muon.pdf", { agencyId: "so-y-te", key: stack.keys.otherAgency, assignmentId: `${DECISION}.so-y-te.1`, version: 1 });
    expect(response.status).toBe(423);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe("period_locked");
    expect(body.message).toContain("đã khóa");
    expect(await storedEvidence("so-y-te")).toEqual({ blobs: [], files: [] });
  });

  it("downloads a file byte for byte under its Vietnamese name", async () => {
    const bytes = await docxFile("Biên bản nghiệm thu");
    const answer = evidenceUploadAnswerSchema.parse(await (await upload(bytes, "Biên bản nghiệm thu.docx", { assignmentId: assignment(1) })).json());
    const response = await stack.call(`${BASE}/agencies/${AGENCY}/versions/${version}/evidence/${assignment(1)}/${answer.evidenceId}`, { key: stack.keys.province });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("Biên bản nghiệm thu.docx")}`);
    expect(disposition).toContain('filename="Bien-ban-nghiem-thu.docx"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);

    const elsewhere = await stack.call(`${BASE}/agencies/${AGENCY}/versions/${version}/evidence/${assignment(0)}/${answer.evidenceId}`, { key: stack.keys.province });
    expect(elsewhere.status).toBe(404);
  });
});

describe("evidence file names", () => {
  it("keeps the last part of a path, drops characters no file system takes, and adds the extension the bytes call for", async () => {
    const response = await upload(await pdfFile(), 'C:\\Users\\can-bo\\Biên bản "họp" quý IV', { assignmentId: assignment(2) });
    expect(response.status).toBe(201);
    expect(evidenceUploadAnswerSchema.parse(await response.json()).name).toBe("Biên bản họp quý IV.pdf");
  });

  it("refuses a name longer than 255 characters", async () => {
    const response = await upload(await pdfFile(), `${"Quyết định ".repeat(30)}.pdf`, { assignmentId: assignment(2) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain("255 ký tự");
  });
});

describe("the evidence_missing flag", () => {
  const issueDocument = `${DECISION}.so-khoa-hoc-va-cong-nghe.1`;

  it("flags a document target reported done without number and date, and not once they are given", async () => {
    const bare = await submit(
      { agencyId: "so-khoa-hoc-va-cong-nghe", values: [{ assignmentId: issueDocument, actual: "Đã ban hành", evidence: ["Nghị quyết của HĐND tỉnh"] }] },
      stack.keys.province,
      "evidence-flag-000001",
    );
    expect(bare.status).toBe(201);
    const flagged = submissionReceiptSchema.parse(await bare.json()).verdicts.find((verdict) => verdict.assignmentId === issueDocument)!;
    expect(flagged.verdict).toBe("met");
    expect(flagged.flags?.map((flag) => flag.code)).toEqual(["evidence_missing"]);

    const cited = await submit(
      {
        agencyId: "so-khoa-hoc-va-cong-nghe",
        values: [
          {
            assignmentId: issueDocument,
            actual: "Đã ban hành",
            evidence: [{ documentNumber: "15/2025/NQ-HĐND", issuedOn: "2025-07-10", summary: "Nghị quyết quy định thẩm quyền quyết định đầu tư ứng dụng CNTT" }],
          },
        ],
      },
      stack.keys.province,
      "evidence-flag-000002",
    );
    expect(cited.status).toBe(201);
    const clean = submissionReceiptSchema.parse(await cited.json()).verdicts.find((verdict) => verdict.assignmentId === issueDocument)!;
    expect(clean.verdict).toBe("met");
    expect(clean.flags ?? []).toEqual([]);
  });
});

describe("the offline form's evidence columns", () => {
  const NUMBER = 10;
  const DATE = 11;
  const SUMMARY = 12;
  const URL_COLUMN = 13;
  const FIRST_ROW = 6;

  async function downloadForm() {
    const form = await stack.call(`${BASE}/assignments.xlsx`, { key: stack.keys.agency });
    expect(form.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await form.arrayBuffer());
    return { workbook, sheet: workbook.getWorksheet("Báo cáo")! };
  }

  async function ingest(workbook: ExcelJS.Workbook) {
    return stack.call(`${BASE}/agencies/${AGENCY}/workbook-ingest`, {
      key: stack.keys.agency,
      method: "POST",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: new Uint8Array(await workbook.xlsx.writeBuffer()),
    });
  }

  async function evidenceOfVersion(stored: number) {
    const read = await stack.call(`${BASE}/agencies/${AGENCY}/versions/${stored}`, { key: stack.keys.agency });
    const record = (await read.json()) as { values: Array<{ assignmentId: string; evidence?: unknown; note?: string }> };
    return new Map(record.values.map((value) => [value.assignmentId, value]));
  }

  it("carries Số hiệu văn bản, Ngày ban hành (dd/mm/yyyy, checked as a date), Trích yếu and Đường dẫn after the note", async () => {
    const { sheet } = await downloadForm();
    const header = sheet.getRow(FIRST_ROW - 1);
    expect([9, NUMBER, DATE, SUMMARY, URL_COLUMN].map((column) => header.getCell(column).value)).toEqual([
      "Ghi chú",
      "Số hiệu văn bản",
      "Ngày ban hành",
      "Trích yếu",
      "Đường dẫn",
    ]);
    expect(String(sheet.getCell("A4").value)).toContain("Minh chứng: ghi Số hiệu văn bản");
    const date = sheet.getRow(FIRST_ROW).getCell(DATE);
    expect(date.numFmt).toBe("dd/mm/yyyy");
    expect(date.dataValidation).toMatchObject({ type: "date", operator: "between" });
  });

  it("reads a date cell, a date typed as text and a summary alone into structured evidence", async () => {
    const { workbook, sheet } = await downloadForm();
    const first = sheet.getRow(FIRST_ROW);
    first.getCell(7).value = 0.013;
    first.getCell(NUMBER).value = "12/QĐ-UBND";
    first.getCell(DATE).value = new Date(Date.UTC(2025, 2, 3));
    first.getCell(SUMMARY).value = "Quyết định phê duyệt dự toán chi khoa học, công nghệ";
    first.getCell(URL_COLUMN).value = "https://stc.phutho.gov.vn/vb/12";
    const second = sheet.getRow(FIRST_ROW + 1);
    second.getCell(7).value = 0.7;
    second.getCell(NUMBER).value = "45/KH-STC";
    second.getCell(DATE).value = "3/3/2025";
    second.getCell(SUMMARY).value = "Kế hoạch thanh toán trực tuyến";
    const third = sheet.getRow(FIRST_ROW + 2);
    third.getCell(7).value = 0.8;
    third.getCell(SUMMARY).value = "Báo cáo của bộ phận một cửa";

    const response = await ingest(workbook);
    expect(response.status).toBe(201);
    const receipt = submissionReceiptSchema.parse(await response.json());
    const values = await evidenceOfVersion(receipt.version);
    expect(values.get(assignment(0))?.evidence).toEqual([
      { documentNumber: "12/QĐ-UBND", issuedOn: "2025-03-03", summary: "Quyết định phê duyệt dự toán chi khoa học, công nghệ", url: "https://stc.phutho.gov.vn/vb/12" },
    ]);
    expect(values.get(assignment(1))?.evidence).toEqual([{ documentNumber: "45/KH-STC", issuedOn: "2025-03-03", summary: "Kế hoạch thanh toán trực tuyến" }]);
    expect(values.get(assignment(2))?.evidence).toEqual([{ summary: "Báo cáo của bộ phận một cửa" }]);
    expect(values.get(assignment(3))?.evidence).toBeUndefined();
  });

  it("names the cell of a date that does not exist, and of a link that is no web address, and stores nothing", async () => {
    const before = await stack.services.submissions.versions(DECISION, PERIOD, AGENCY);
    const { workbook, sheet } = await downloadForm();
    const first = sheet.getRow(FIRST_ROW);
    first.getCell(7).value = 0.02;
    first.getCell(NUMBER).value = "12/QĐ-UBND";
    first.getCell(DATE).value = "31/02/2025";
    first.getCell(SUMMARY).value = "Quyết định";
    const second = sheet.getRow(FIRST_ROW + 1);
    second.getCell(7).value = 0.7;
    second.getCell(SUMMARY).value = "Kế hoạch";
    second.getCell(URL_COLUMN).value = "phutho.gov.vn/ke-hoach";

    const response = await ingest(workbook);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; message: string; details: { problems: Array<{ cell: string; message: string }> } };
    expect(body.code).toBe("workbook_invalid");
    expect(body.details.problems.map((problem) => problem.cell)).toEqual([`K${FIRST_ROW}`, `M${FIRST_ROW + 1}`]);
    expect(body.details.problems[0]!.message).toBe(`Ô K${FIRST_ROW}: "31/02/2025" không phải ngày có thật: hãy nhập ngày dạng dd/mm/yyyy, ví dụ 03/03/2025.`);
    expect(body.details.problems[1]!.message).toContain("http:// hoặc https://");
    expect(await stack.services.submissions.versions(DECISION, PERIOD, AGENCY)).toHaveLength(before.length);
  });

  it("still reads an older form whose single 'Ghi chú / minh chứng' column is a note", async () => {
    const { workbook, sheet } = await downloadForm();
    sheet.spliceColumns(NUMBER, 4);
    sheet.getRow(FIRST_ROW - 1).getCell(9).value = "Ghi chú / minh chứng";
    const first = sheet.getRow(FIRST_ROW);
    first.getCell(7).value = 0.011;
    first.getCell(9).value = "Theo Quyết định 12/QĐ-UBND";

    const response = await ingest(workbook);
    expect(response.status).toBe(201);
    const values = await evidenceOfVersion(submissionReceiptSchema.parse(await response.json()).version);
    expect(values.get(assignment(0))).toMatchObject({ note: "Theo Quyết định 12/QĐ-UBND" });
    expect(values.get(assignment(0))?.evidence).toBeUndefined();
  });
});
