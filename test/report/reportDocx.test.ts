import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReportDocx } from "../../functions/report/docx/reportDocx";
import { aggregateSchema, type Aggregate } from "../../shared/report/aggregate";

/**
 * The draft report generated from a small quarter: read back from the package as Word stores it (document.xml), so
 * what is asserted is what an officer opening the file sees.
 */

const D = "phu-tho-1521-qd-ubnd";

function cell(code: string, order: string, extra: Record<string, unknown>) {
  return { indicatorCode: code, assignmentId: `${D}.x.${order}`, order, text: `Chỉ tiêu ${code}`, targetText: "Tối thiểu 90%", ...extra };
}

const rate = { percent: true, text: "Tỷ lệ thanh toán trực tuyến", targetText: "Tối thiểu 50%" };
const articles = { text: "Duy trì chuyên mục chuyển đổi số", targetText: "Tối thiểu 200 tin, bài/ năm" };

const FIXTURE: Aggregate = aggregateSchema.parse({
  decision: { id: D, number: "1521/QĐ-UBND", title: "Về việc giao chỉ tiêu, nhiệm vụ chuyển đổi số năm 2025 trên địa bàn tỉnh Phú Thọ", province: "phu-tho" },
  period: "2025-Q3",
  periodLabel: "Quý III/2025",
  reportDueDate: "2025-09-20",
  generatedAt: "2025-09-24T03:30:00.000Z",
  catalogueVersion: 2,
  agencies: [
    {
      id: "so-tai-chinh",
      name: "Sở Tài chính",
      kind: "so_ban_nganh",
      status: "on_time",
      reviewState: "approved",
      version: 1,
      submittedAt: "2025-09-18T02:15:00.000Z",
      assignedCount: 2,
      reportedCount: 2,
      metCount: 1,
      cells: [
        cell("CDS-001", "1", { ...rate, actual: 0.529, numerator: 52_900, denominator: 100_000, verdict: "met", label: "Đạt", explanation: "Đạt: 52,9% ≥ 50%" }),
        cell("CDS-003", "2", { ...articles, actual: 139, verdict: "pending", label: "Chưa đạt", explanation: "Chưa đạt: 139 tin, bài/năm < 200 tin, bài/năm, còn đến hạn 31/12/2025" }),
      ],
    },
    {
      id: "so-y-te",
      name: "Sở Y tế",
      kind: "so_ban_nganh",
      status: "late",
      reviewState: "returned",
      version: 2,
      submittedAt: "2025-09-22T09:40:00.000Z",
      assignedCount: 2,
      reportedCount: 2,
      metCount: 2,
      cells: [
        cell("CDS-001", "1", {
          ...rate,
          actual: 0.45,
          verdict: "met",
          label: "Đạt",
          explanation: "Không đạt: 45% < 50%",
          decidedBy: "person",
          person: { reason: "Đã đối chiếu với Cổng dịch vụ công", byLabel: "Sở Khoa học và Công nghệ", at: "2025-09-23T01:00:00.000Z", override: true, automaticVerdict: "not_met", automaticLabel: "Không đạt" },
        }),
        cell("CDS-002", "2", { actual: "Đã ban hành kế hoạch", verdict: "met", label: "Đạt", explanation: "Cần người đánh giá", decidedBy: "person", person: { reason: "Kế hoạch số 12/KH-SYT", byLabel: "Sở Khoa học và Công nghệ", at: "2025-09-23T01:00:00.000Z", override: false, automaticVerdict: "needs_review", automaticLabel: "Cần đánh giá" } }),
      ],
    },
    {
      id: "xa-ha-hoa",
      name: "UBND xã Hạ Hòa",
      kind: "ubnd_cap_xa",
      status: "missing",
      reviewState: "not_submitted",
      assignedCount: 1,
      reportedCount: 0,
      metCount: 0,
      cells: [cell("CDS-001", "1", { ...rate, verdict: "no_data", label: "Chưa có số liệu", explanation: "Cơ quan chưa nộp báo cáo kỳ này." })],
    },
  ],
  indicators: [
    { code: "CDS-001", name: "Tỷ lệ thanh toán trực tuyến", assignedCount: 3, reportedCount: 2, metCount: 2, metShare: 2 / 3 },
    { code: "CDS-002", name: "Ban hành kế hoạch chuyển đổi số", assignedCount: 1, reportedCount: 1, metCount: 1, metShare: 1 },
    { code: "CDS-003", name: "Duy trì chuyên mục chuyển đổi số", assignedCount: 1, reportedCount: 1, metCount: 0, metShare: 0 },
  ],
  completeness: { assigned: 3, onTime: 1, late: 1, missing: 1, approved: 1 },
});

interface Package {
  xml: string;
  /** Paragraph by paragraph, the runs of each joined: the text a reader sees. */
  text: string;
  files: Record<string, Uint8Array>;
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

function read(bytes: Uint8Array): Package {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]!);
  const paragraphs = xml.split(/<\/w:p>/).map((paragraph) => unescape([...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("")));
  return { xml, text: paragraphs.join("\n"), files };
}

let report: Package;

beforeAll(async () => {
  report = read(await buildReportDocx(FIXTURE, { date: "2025-10-24", issuer: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ" }));
});

describe("the draft report to the Chairman (report.docx)", () => {
  it("opens with the decree's heading: issuing agency, number, national heading, place and date", () => {
    for (const line of ["UBND TỈNH PHÚ THỌ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]) {
      expect(report.text.split("\n")).toContain(line);
    }
    expect(report.text).toMatch(/Số:\s+\/BC-SKHCN/);
    expect(report.text).toMatch(/Phú Thọ, ngày\s+tháng\s+năm 2025/);
  });

  it("is titled BÁO CÁO for the period and the decision, with its date", () => {
    const lines = report.text.split("\n");
    expect(lines).toContain("BÁO CÁO");
    expect(lines).toContain("Kết quả thực hiện chỉ tiêu chuyển đổi số quý III năm 2025");
    expect(lines).toContain("theo Quyết định số 1521/QĐ-UBND ngày 24/10/2025");
  });

  it("reports who submitted on time, late (when) and not at all, by name", () => {
    expect(report.text).toContain("hạn nộp báo cáo là ngày 20/09/2025");
    expect(report.text).toContain("1/3 (33,3%) cơ quan nộp đúng hạn");
    expect(report.text).toContain("Nộp muộn: Sở Y tế (nộp lúc 16:40 ngày 22/09/2025)");
    expect(report.text).toContain("Chưa nộp: UBND xã Hạ Hòa.");
    expect(report.text).toContain("đã trả lại để chỉnh sửa 1 báo cáo (Sở Y tế)");
  });

  it("gives the share met overall, by indicator and by agency with its rank, in Vietnamese numbers", () => {
    expect(report.text).toContain("trong đó đạt: 3/5 (60%); chưa đạt: 1/5 (20%); chưa có số liệu: 1/5 (20%).");
    expect(report.text).toContain("66,7%");
    // Sở Y tế met both (100%) and ranks first; Sở Tài chính 1 of 2; the commune that did not report is not ranked.
    const table2 = report.text.slice(report.text.indexOf("Bảng 2."));
    expect(table2.indexOf("Sở Y tế")).toBeLessThan(table2.indexOf("Sở Tài chính"));
    expect(table2).toContain("Chưa nộp");
    expect(report.text).toContain("52,9% (52.900/100.000)");
    expect((report.xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it("says what an annual count still needs and that it is behind pace", () => {
    expect(report.text).toContain("Quý IV cần thêm ≥ 61 tin, bài");
    expect(report.text).toMatch(/Có nguy cơ không đạt[^\n]*Sở Tài chính – Duy trì chuyên mục chuyển đổi số/);
  });

  it("names the values the province judged itself, the overruled one with the rule's verdict it replaced", () => {
    expect(report.text).toContain("Có 2 lượt chỉ tiêu do Sở Khoa học và Công nghệ đánh giá");
    expect(report.text).toContain("Sở Y tế – Tỷ lệ thanh toán trực tuyến: Đạt (Sở Khoa học và Công nghệ đánh giá thay cho «Không đạt» theo quy tắc: Đã đối chiếu với Cổng dịch vụ công).");
    expect(report.text).toContain("Đ(*)");
    expect(report.text).toContain("(*): kết quả do Sở Khoa học và Công nghệ đánh giá");
  });

  it("leaves the proposals, the number and the signer to the officer, and ends with Nơi nhận and the signature block", () => {
    expect(report.text).toMatch(/IV\. ĐỀ XUẤT, KIẾN NGHỊ\n\[[^\]]+\]/);
    for (const line of ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Các sở, ban, ngành;", "- UBND các xã, phường;", "- Lưu: VT, …", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) {
      expect(report.text.split("\n")).toContain(line);
    }
    expect(report.text.indexOf("Nơi nhận:")).toBeLessThan(report.text.indexOf("Phụ lục I"));
  });

  it("is set on A4 in Times New Roman with the decree's margins, and puts the appendix on landscape pages", () => {
    const sizes = [...report.xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((match) => match[1]!);
    // The report in portrait, then Phụ lục I and Phụ lục II each in landscape, each numbered from 1.
    expect(sizes).toHaveLength(3);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838"/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(sizes[2]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(report.xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(2);
    // Page numbers in the top margin, none on a first page.
    expect(report.xml.match(/<w:titlePg\/>/g)).toHaveLength(3);
    const headers = Object.entries(report.files).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, bytes]) => strFromU8(bytes));
    expect(headers.some((header) => header.includes("PAGE"))).toBe(true);
    for (const margins of report.xml.matchAll(/<w:pgMar ([^>]*)\/>/g)) {
      expect(margins[1]).toMatch(/w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    }
    expect(report.xml).toContain('w:ascii="Times New Roman"');
    expect(report.xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    // The appendix (after the first section break) holds the agencies × indicators matrix and each agency's rows.
    const appendix = report.text.slice(report.text.indexOf("Phụ lục I"));
    expect(appendix).toContain("UBND xã Hạ Hòa (chưa nộp)");
    expect(appendix).toContain("Phụ lục II");
    expect(appendix).toContain("Tối thiểu 200 tin, bài/ năm");
  });

  it("draws both charts as PNG pictures inside the package", () => {
    const pictures = Object.entries(report.files).filter(([name]) => name.startsWith("word/media/"));
    expect(pictures).toHaveLength(2);
    for (const [, bytes] of pictures) expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(report.text).toContain("Biểu đồ 1. Tỷ lệ cơ quan, đơn vị đạt theo từng chỉ tiêu");
    expect(report.text).toContain("Biểu đồ 2. Tỷ lệ chỉ tiêu đạt của từng cơ quan, đơn vị");
  });
});
