import { stripXmlForbidden } from "../../../shared/text/xmlText";
import { cellOf, type ChartRequest } from "./chartRequest";
import { xmlEscape } from "./xmlEscape";

/** A corner as DrawingML counts it: 0-based, the top-left of a cell. */
const corner = (tag: "from" | "to", column: number, row: number) =>
  `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** From the top-left of the first cell to the bottom-right of the last, which is the top-left of the next one. */
function anchorOf(chart: ChartRequest): string {
  const from = cellOf(chart.topLeft);
  const to = cellOf(chart.bottomRight);
  return corner("from", from.column - 1, from.row - 1) + corner("to", to.column, to.row);
}

/**
 * The drawing part of one sheet (xl/drawings/drawingN.xml): one frame per chart, pinned to cells so it moves and sizes
 * with them. `relationIds[i]` names the chart of `charts[i]` in the drawing's relationships.
 */
export function drawingXml(charts: readonly ChartRequest[], relationIds: readonly string[]): string {
  const anchors = charts
    .map(
      (chart, index) =>
        `<xdr:twoCellAnchor editAs="oneCell">${anchorOf(chart)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xmlEscape(stripXmlForbidden(chart.title))}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relationIds[index]}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors}</xdr:wsDr>`
  );
}
