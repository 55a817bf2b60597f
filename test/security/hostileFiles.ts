import { strToU8, unzipSync, zipSync } from "fflate";
import { expect } from "vitest";
import { buildZip } from "../support/zipFixtures";

/**
 * Hostile and careless files built from a real one: parts added to a workbook the server otherwise accepts, so a
 * refusal can only come from what was added.
 */
export function withParts(xlsx: Uint8Array, add: Record<string, string | Uint8Array>, contentTypes: string[] = []): Uint8Array<ArrayBuffer> {
  const entries = unzipSync(xlsx);
  for (const [name, data] of Object.entries(add)) entries[name] = typeof data === "string" ? strToU8(data) : new Uint8Array(data);
  if (contentTypes.length > 0) {
    const types = new TextDecoder().decode(entries["[Content_Types].xml"]);
    entries["[Content_Types].xml"] = strToU8(types.replace("</Types>", `${contentTypes.join("")}</Types>`));
  }
  return new Uint8Array(zipSync(entries));
}

export const MACRO_PARTS = {
  add: { "xl/vbaProject.bin": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]) },
  types: ['<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'],
};

export const EXTERNAL_LINK_PARTS = {
  add: {
    "xl/externalLinks/externalLink1.xml":
      '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>',
    "xl/externalLinks/_rels/externalLink1.xml.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///\\\\host\\share\\bao-cao.xlsx" TargetMode="External"/></Relationships>',
  },
  types: ['<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'],
};

export const OLE_PARTS = {
  add: { "xl/embeddings/oleObject1.bin": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 9, 9, 9]) },
  types: ['<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'],
};

/** A zip that names itself a workbook but holds no sheet: a content types part, `<workbook/>` and filler. */
export function workbookWithoutSheets(): Uint8Array<ArrayBuffer> {
  const text = (value: string) => new TextEncoder().encode(value);
  return buildZip([
    { name: "[Content_Types].xml", data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "xl/workbook.xml", data: text("<workbook/>") },
    ...Array.from({ length: 20 }, (_, index) => ({ name: `filler/${index}.txt`, data: text("x".repeat(500)) })),
  ]);
}

/**
 * A 10 KB workbook whose only cells are A1 and XFD1048576: a grid of 17 billion cells if read naively. With
 * `dimension: false` the sheet has no `<dimension>` element, so only the cells themselves can give it away.
 */
export function sparseWorkbook(options: { dimension?: boolean } = {}): Uint8Array<ArrayBuffer> {
  return workbookWithSheet(
    `${options.dimension === false ? "" : '<dimension ref="A1:XFD1048576"/>'}<sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>' +
      '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
  );
}

/** A one-sheet workbook written by hand around `sheetBody` (what goes inside `<worksheet>`). */
export function workbookWithSheet(sheetBody: string): Uint8Array<ArrayBuffer> {
  const text = (value: string) => new TextEncoder().encode(value);
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return buildZip([
    {
      name: "[Content_Types].xml",
      data: text(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    { name: "xl/workbook.xml", data: text(`<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: text(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: text(`<worksheet xmlns="${main}">${sheetBody}</worksheet>`),
    },
  ]);
}

const ENGLISH = /Invalid input|expected|received|Error:/;

/** An error answer as an officer reads it: a stable code, Vietnamese, no library English, no internals. */
export function expectOurError(body: { code?: unknown; message?: unknown }, code: string): void {
  expect(body.code).toBe(code);
  expect(String(body.message)).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýệếộờứữạ]/i);
  expect(String(body.message)).not.toMatch(ENGLISH);
  expect(JSON.stringify(body)).not.toMatch(ENGLISH);
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules/);
}
