import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import { bodyParagraph, centredParagraph, mm, PORTRAIT_TEXT_WIDTH, run, SIZE } from "./documentFrame";
import { NO_BORDERS } from "./documentHeader";
import type { ProvinceName } from "./provinceName";

/**
 * The end of the report as Nghị định 30/2020 sets it: the closing sentence, then side by side "Nơi nhận:" (bold
 * italic 12 pt, recipients in 11 pt, each with a dash, the last "Lưu: VT, …") and the signature block ("KT. GIÁM ĐỐC /
 * PHÓ GIÁM ĐỐC", bold capitals, room for the signature, the signer's name left for the officer).
 */

const LEFT_WIDTH = mm(80);
const RIGHT_WIDTH = PORTRAIT_TEXT_WIDTH - LEFT_WIDTH;

export function closingSentence(province: ProvinceName, issuerName: string): Paragraph {
  return bodyParagraph(`Trên đây là báo cáo kết quả thực hiện chỉ tiêu chuyển đổi số của các cơ quan, đơn vị; ${issuerName} kính báo cáo Ủy ban nhân dân ${province.level} xem xét, chỉ đạo./.`);
}

function recipient(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(text, { size: SIZE.small })] });
}

export function closingBlock(province: ProvinceName): Table {
  const recipients = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run("Nơi nhận:", { bold: true, italics: true, size: SIZE.table })] }),
    recipient(`- UBND ${province.level} (b/c);`),
    recipient("- Các sở, ban, ngành;"),
    recipient("- UBND các xã, phường;"),
    recipient("- Lưu: VT, …"),
  ];
  const signature = [
    centredParagraph([run("KT. GIÁM ĐỐC", { bold: true })]),
    centredParagraph([run("PHÓ GIÁM ĐỐC", { bold: true })]),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 1440, after: 0 }, children: [run("[Họ và tên]", { bold: true })] }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: LEFT_WIDTH + RIGHT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top!, insideVertical: NO_BORDERS.top! },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: LEFT_WIDTH, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP, margins: { left: 0, right: 0 }, children: recipients }),
          new TableCell({ width: { size: RIGHT_WIDTH, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP, margins: { left: 0, right: 0 }, children: signature }),
        ],
      }),
    ],
  });
}
