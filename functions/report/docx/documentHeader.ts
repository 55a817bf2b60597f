import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType, type ITableCellBorders } from "docx";
import { centredParagraph, mm, PORTRAIT_TEXT_WIDTH, ruleParagraph, run, SIZE } from "./documentFrame";
import type { ProvinceName } from "./provinceName";

/**
 * The top of the first page as Nghị định 30/2020 lays it out: a two-column block without borders, the issuing agency
 * (its parent above it) and the number on the left, the national heading, motto and place-and-date on the right;
 * then the kind of document and its summary (trích yếu), centred, with a short rule under.
 */

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
export const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const NO_TABLE_BORDERS = { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE };

/** The block reaches a little into the left margin, as the decree's samples do, so neither heading has to wrap. */
const OUTDENT = mm(8);
const LEFT_WIDTH = mm(76);
const RIGHT_WIDTH = PORTRAIT_TEXT_WIDTH + OUTDENT - LEFT_WIDTH;

export interface HeaderText {
  province: ProvinceName;
  /** "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  issuer: string;
  /** "BC-SKHCN": the number itself is left for the document system to give. */
  numberSuffix: string;
  /** The year of the date line; day and month are left for the officer. */
  year: number;
}

export function documentHeader(text: HeaderText): Table {
  const parent = `UBND ${text.province.level.toLocaleUpperCase("vi")} ${text.province.name.toLocaleUpperCase("vi")}`;
  const left = [
    centredParagraph([run(parent, { size: SIZE.national })]),
    centredParagraph([run(text.issuer, { bold: true, size: SIZE.national })]),
    ruleParagraph(mm(26), LEFT_WIDTH),
    centredParagraph([run(`Số:       /${text.numberSuffix}`, { size: SIZE.heading })], { before: 160 }),
  ];
  const right = [
    centredParagraph([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: SIZE.national })]),
    centredParagraph([run("Độc lập - Tự do - Hạnh phúc", { bold: true, size: SIZE.body })]),
    ruleParagraph(mm(60), RIGHT_WIDTH),
    centredParagraph([run(`${text.province.name}, ngày     tháng     năm ${text.year}`, { italics: true, size: SIZE.body })], { before: 160 }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: LEFT_WIDTH + RIGHT_WIDTH, type: WidthType.DXA },
    indent: { size: -OUTDENT, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    borders: NO_TABLE_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: LEFT_WIDTH, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP, margins: { left: 0, right: 0 }, children: left }),
          new TableCell({ width: { size: RIGHT_WIDTH, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP, margins: { left: 0, right: 0 }, children: right }),
        ],
      }),
    ],
  });
}

/** "BÁO CÁO" / "Kết quả thực hiện chỉ tiêu chuyển đổi số quý IV năm 2025" / the decision it reports on, then a rule. */
export function documentTitle(summary: string, basis: string): Paragraph[] {
  return [
    centredParagraph([run("BÁO CÁO", { bold: true })], { before: 360 }),
    centredParagraph([run(summary, { bold: true })]),
    centredParagraph([run(basis, { bold: true })]),
    ruleParagraph(mm(40), PORTRAIT_TEXT_WIDTH),
  ];
}

/** "Kính gửi: Ủy ban nhân dân tỉnh Phú Thọ.": whom the report is addressed to. */
export function addressee(province: ProvinceName): Paragraph {
  return centredParagraph([run(`Kính gửi: Ủy ban nhân dân ${province.level} ${province.name}.`)], { before: 360, after: 240 });
}
