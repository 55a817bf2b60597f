import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { chartXml } from "./chartXml";
import type { ChartRequest } from "./chartRequest";
import { drawingXml } from "./drawingXml";
import { xmlEscape, xmlUnescape } from "./xmlEscape";

const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const RELS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

/**
 * Adds charts to an xlsx package written by exceljs, which writes none: for each sheet with charts, a drawing part
 * holding their frames, one chart part per request, the relationships between them, the sheet's <drawing>, and the
 * content types. Everything else in the package is left byte for byte as it was.
 */
export function addCharts(xlsx: Uint8Array, requests: readonly ChartRequest[]): Uint8Array {
  if (requests.length === 0) return xlsx;
  // exceljs writes folder entries ("xl/"); a package lists parts only, and re-zipped folders make LibreOffice refuse it.
  const files: Record<string, Uint8Array> = unzipSync(xlsx, { filter: (file) => !file.name.endsWith("/") });
  const read = (path: string) => {
    const file = files[path];
    if (!file) throw new Error(`xlsx package has no ${path}`);
    return strFromU8(file);
  };
  const sheetPaths = sheetPathsByName(read("xl/workbook.xml"), read("xl/_rels/workbook.xml.rels"));
  let contentTypes = read("[Content_Types].xml");
  let chartNumber = nextNumber(files, /^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNumber = nextNumber(files, /^xl\/drawings\/drawing(\d+)\.xml$/);

  for (const [sheet, charts] of groupBy(requests, (request) => request.sheet)) {
    const sheetPath = sheetPaths.get(sheet);
    if (!sheetPath) throw new Error(`no sheet "${sheet}" to draw a chart on`);
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartIds = charts.map((chart, index) => {
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      files[chartPath] = strToU8(chartXml(chart));
      contentTypes = withOverride(contentTypes, `/${chartPath}`, TYPE_CHART);
      chartNumber += 1;
      return { id: `rId${index + 1}`, target: `../charts/${chartPath.slice("xl/charts/".length)}` };
    });
    files[drawingPath] = strToU8(
      drawingXml(
        charts,
        chartIds.map((chart) => chart.id),
      ),
    );
    files[`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`] = strToU8(
      RELS_HEAD + chartIds.map((chart) => relationship(chart.id, REL_CHART, chart.target)).join("") + `</Relationships>`,
    );
    contentTypes = withOverride(contentTypes, `/${drawingPath}`, TYPE_DRAWING);

    const relsPath = sheetPath.replace(/^(.*\/)([^/]+)$/, "$1_rels/$2.rels");
    const rels = files[relsPath] ? strFromU8(files[relsPath]) : `${RELS_HEAD}</Relationships>`;
    const drawingId = unusedRelationId(rels);
    files[relsPath] = strToU8(
      rels.replace("</Relationships>", relationship(drawingId, REL_DRAWING, `../drawings/drawing${drawingNumber}.xml`) + "</Relationships>"),
    );
    files[sheetPath] = strToU8(withDrawing(read(sheetPath), drawingId));
    drawingNumber += 1;
  }
  files["[Content_Types].xml"] = strToU8(contentTypes);
  return zipSync(files as Zippable, { level: 6 });
}

/** "Tổng hợp" → "xl/worksheets/sheet1.xml", from the workbook and its relationships. */
function sheetPathsByName(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(match[1]!, "Id");
    const target = attribute(match[1]!, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const paths = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attribute(match[1]!, "name");
    const id = attribute(match[1]!, "r:id");
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) paths.set(name, path);
  }
  return paths;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}="([^"]*)"`).exec(attributes);
  return match ? xmlUnescape(match[1]!) : undefined;
}

/**
 * The sheet with its <drawing>, placed where the schema orders it: after the print settings and breaks, before the
 * legacy drawings, table parts and extensions (exceljs writes its data bars' extension there).
 */
function withDrawing(sheet: string, relationId: string): string {
  if (/<drawing\b/.test(sheet)) throw new Error("the sheet already has a drawing");
  const element = `<drawing r:id="${relationId}"/>`;
  // Searched for only after the page setup: a data bar's rule carries an <extLst> of its own further up.
  const from = Math.max(0, ...["</sheetData>", "<pageMargins", "<pageSetup", "<headerFooter", "</headerFooter>"].map((tag) => sheet.lastIndexOf(tag)));
  const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(sheet.slice(from));
  const at = before ? from + before.index : sheet.lastIndexOf("</worksheet>");
  const withElement = sheet.slice(0, at) + element + sheet.slice(at);
  // The r: prefix must be declared on the root; exceljs declares it, a hand-written sheet may not.
  return /<worksheet\b[^>]*xmlns:r=/.test(withElement)
    ? withElement
    : withElement.replace("<worksheet", `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
}

function unusedRelationId(rels: string): string {
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((match) => match[1]));
  let number = 1;
  while (used.has(`rId${number}`)) number += 1;
  return `rId${number}`;
}

function withOverride(contentTypes: string, partName: string, type: string): string {
  return contentTypes.replace("</Types>", `<Override PartName="${xmlEscape(partName)}" ContentType="${type}"/></Types>`);
}

function nextNumber(files: Record<string, Uint8Array>, pattern: RegExp): number {
  const numbers = Object.keys(files).map((path) => Number(pattern.exec(path)?.[1] ?? 0));
  return Math.max(0, ...numbers) + 1;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
