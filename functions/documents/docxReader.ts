import { strFromU8 } from "fflate";
import type { DocumentBlock } from "./blocks";
import { NumberingCounter } from "./docxNumbering";
import { continues, joinTables, readTable, withoutRepeatedHeaders, type WordTable } from "./docxTables";
import { attrOf, childNamed, childrenOf, findFirst, parseXml, tagOf, textOf, valueAt, type XmlNode } from "./docxXml";
import { SourceError } from "./sourceError";
import { readZipEntries } from "./zipEntries";

/**
 * A Word decision (.docx) as paragraphs and tables in reading order. Only the body is read: headers, footers,
 * footnotes and comments hold no appendix rows. Deleted revisions are left out, inserted ones kept (what Word shows
 * with changes accepted).
 */
export function readDocx(data: Uint8Array, name: string): DocumentBlock[] {
  const entries = readZipEntries(data, name, (entry) => entry === "word/document.xml" || entry === "word/numbering.xml");
  const documentXml = entries.get("word/document.xml");
  if (!documentXml) throw new SourceError(`Tệp Word "${name}" không có phần nội dung (word/document.xml).`, "docx_unreadable");
  const numberingXml = entries.get("word/numbering.xml");
  let body: XmlNode | undefined;
  try {
    body = findFirst(parseXml(strFromU8(documentXml)), "w:body");
  } catch (error) {
    throw new SourceError(`Tệp Word "${name}" bị hỏng, không đọc được nội dung (${error instanceof Error ? error.message : String(error)}).`, "docx_unreadable");
  }
  if (!body) throw new SourceError(`Tệp Word "${name}" không có phần thân văn bản (w:body).`, "docx_unreadable");
  return new BodyReader(new NumberingCounter(numberingXml ? strFromU8(numberingXml) : undefined)).read(childrenOf(body));
}

class BodyReader {
  constructor(private readonly numbering: NumberingCounter) {}

  read(nodes: readonly XmlNode[]): DocumentBlock[] {
    const blocks: Array<DocumentBlock | { kind: "word-table"; table: WordTable }> = [];
    let blankSinceTable = true;
    for (const node of this.flatten(nodes)) {
      if (tagOf(node) === "w:tbl") {
        const table = readTable(node, (cell) => this.cellText(cell));
        const last = blocks.at(-1);
        if (last?.kind === "word-table" && blankSinceTable && continues(last.table, table)) last.table = joinTables(last.table, table);
        else blocks.push({ kind: "word-table", table });
        blankSinceTable = true;
        continue;
      }
      const text = this.paragraphText(node);
      if (text.trim() === "") continue;
      blankSinceTable = false;
      blocks.push({ kind: "paragraph", text });
    }
    return blocks.flatMap((block): DocumentBlock[] => {
      if (block.kind !== "word-table") return [block];
      if (isLayoutTable(block.table)) return columnTexts(block.table).map((text) => ({ kind: "paragraph", text }));
      return [{ kind: "table", rows: withoutRepeatedHeaders(block.table) }];
    });
  }

  /** Body paragraphs and tables, content controls (`w:sdt`) opened. */
  private flatten(nodes: readonly XmlNode[]): XmlNode[] {
    return nodes.flatMap((node) => {
      const tag = tagOf(node);
      if (tag === "w:p" || tag === "w:tbl") return [node];
      if (tag === "w:sdt") return this.flatten(childrenOf(childNamed(node, "w:sdtContent") ?? {}));
      return [];
    });
  }

  /** A cell's paragraphs, one per line (nested tables' cells too). */
  private cellText(cell: XmlNode): string {
    const lines: string[] = [];
    for (const node of this.flatten(childrenOf(cell))) {
      if (tagOf(node) === "w:tbl") {
        const nested = readTable(node, (inner) => this.cellText(inner));
        for (const row of nested.rows) lines.push(row.filter((text) => text.trim() !== "").join(" "));
      } else {
        lines.push(this.paragraphText(node));
      }
    }
    return lines.filter((line) => line.trim() !== "").join("\n");
  }

  /** The runs' text with tabs and line breaks, after the number Word draws for a numbered paragraph. */
  private paragraphText(paragraph: XmlNode): string {
    const properties = childNamed(paragraph, "w:pPr");
    const numId = valueAt(properties, "w:numPr", "w:numId");
    const label = numId !== undefined && numId !== "0" ? this.numbering.next(numId, Number(valueAt(properties, "w:numPr", "w:ilvl") ?? 0)) : "";
    const text = runText(childrenOf(paragraph));
    return label === "" ? text : `${label} ${text}`;
  }
}

/**
 * A table of one or two columns that does not start with "STT": Word's way of setting text side by side (the
 * decision's heading "ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI …", the signature block), not an appendix table.
 */
function isLayoutTable(table: WordTable): boolean {
  const first = (table.rows[0]?.[0] ?? "").replace(/\s+/g, " ").trim();
  return table.width <= 2 && !/^(s[oố]\s*)?(s?tt|thứ tự)$/i.test(first);
}

/** Its text column by column, each cell's paragraphs on lines of their own, as text conversions give it. */
function columnTexts(table: WordTable): string[] {
  const texts: string[] = [];
  for (let column = 0; column < table.width; column += 1) {
    for (const row of table.rows) texts.push(...(row[column] ?? "").split("\n").filter((line) => line.trim() !== ""));
  }
  return texts;
}

const SKIPPED = new Set(["w:pPr", "w:rPr", "w:del", "w:delText", "w:instrText", "w:moveFrom", "mc:Fallback"]);

function runText(nodes: readonly XmlNode[]): string {
  let out = "";
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || SKIPPED.has(tag)) continue;
    if (tag === "w:t") out += childrenOf(node).map(textOf).join("");
    else if (tag === "w:tab" || tag === "w:ptab") out += "\t";
    else if (tag === "w:br" || tag === "w:cr") out += attrOf(node, "w:type") === "page" ? "" : "\n";
    else if (tag === "w:noBreakHyphen") out += "-";
    else out += runText(childrenOf(node));
  }
  return out;
}
