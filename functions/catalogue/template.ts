import ExcelJS from "exceljs";
import { writeXlsxBuffer } from "../workbook/writeXlsx";
import { APPENDIX_SHEET, DECISION_SHEET, GUIDE_SHEET } from "../../shared/catalogue/importers/sheetRows";

/**
 * The empty appendix workbook that `kpi import` reads: staff fill it from a signed decision instead of retyping
 * it into a system. Column names are what the importer looks for; their order may change.
 */

const APPENDIX_COLUMNS = [
  { header: "STT", width: 6 },
  { header: "Nội dung chỉ tiêu, nhiệm vụ", width: 70 },
  { header: "Chỉ tiêu giao", width: 24 },
  { header: "Đơn vị tính", width: 12 },
  { header: "Cơ quan chủ trì", width: 24 },
  { header: "Cơ quan phối hợp", width: 28 },
  { header: "Ghi chú", width: 24 },
];

const GUIDE = [
  "Cách điền mẫu phụ lục giao chỉ tiêu chuyển đổi số",
  "1. Trang tính \"Quyết định\": điền số, ngày ban hành, tỉnh/thành phố, trích yếu và năm thực hiện.",
  "2. Trang tính \"Phụ lục\": mỗi cơ quan một mục. Dòng mục ghi \"1. Tên cơ quan\" ở cột đầu tiên.",
  "3. Dưới mỗi dòng mục là dòng tiêu đề (STT | Nội dung chỉ tiêu, nhiệm vụ | Chỉ tiêu giao …) rồi các dòng chỉ tiêu.",
  "4. Ghi chỉ tiêu giao đúng nguyên văn quyết định, ví dụ: Tối thiểu 90%; Mức 4 ≥ 80%; >240 tin, bài/năm; Hoàn thành năm 2025.",
  "5. Chỉ tiêu theo mốc thời gian: thêm cột \"Chỉ tiêu đến 31/3/2025\", \"Chỉ tiêu đến 30/6/2025\"…",
  "6. Mục \"UBND các xã, phường\" áp dụng cho mọi xã, phường của tỉnh.",
];

export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI chuyển đổi số";

  const decision = workbook.addWorksheet(DECISION_SHEET);
  decision.columns = [{ width: 28 }, { width: 70 }];
  const labels = ["Số quyết định", "Ngày ban hành", "Tỉnh/thành phố", "Trích yếu", "Năm thực hiện"];
  labels.forEach((label, index) => {
    const row = decision.getRow(index + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).border = { bottom: { style: "thin" } };
  });
  decision.getCell("B2").numFmt = "dd/mm/yyyy";
  decision.getCell("B5").dataValidation = {
    type: "whole",
    operator: "between",
    formulae: [2000, 2100],
    showErrorMessage: true,
    errorTitle: "Năm không hợp lệ",
    error: "Nhập năm thực hiện, ví dụ 2025.",
  };

  const appendix = workbook.addWorksheet(APPENDIX_SHEET, { views: [{ state: "frozen", ySplit: 2 }] });
  appendix.columns = APPENDIX_COLUMNS.map(({ width }) => ({ width }));
  const section = appendix.getRow(1);
  section.getCell(1).value = "1. Tên cơ quan";
  section.font = { bold: true };
  const header = appendix.getRow(2);
  APPENDIX_COLUMNS.forEach(({ header: name }, index) => {
    const cell = header.getCell(index + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  });
  for (let r = 3; r <= 200; r += 1) {
    const row = appendix.getRow(r);
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    // Targets are text as the decision writes them: "100%" typed into a general cell would become the number 1.
    row.getCell(3).numFmt = "@";
  }

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 110 }];
  GUIDE.forEach((line, index) => {
    guide.getCell(index + 1, 1).value = line;
    if (index === 0) guide.getCell(1, 1).font = { bold: true, size: 13 };
  });

  return writeXlsxBuffer(workbook);
}
