import { stripXmlForbidden } from "../../../shared/text/xmlText";
import { formatVietnameseNumber } from "../../../shared/text/vietnameseNumber";

/**
 * The report's two charts as SVG, drawn for a page 160 mm wide: one unit of the drawing is 0,16 mm. Shares are
 * 0..1; axes run 0–100% with grid lines every 25%. Labels are plain text in the chart font (DejaVu Serif Condensed,
 * which has every Vietnamese letter); a label too long for its room is cut with "…" at a width estimated per letter.
 */

export interface ChartBar {
  label: string;
  share: number;
}

export interface ChartDrawing {
  svg: string;
  width: number;
  height: number;
}

export const CHART_FONT_FAMILY = "DejaVu Serif Condensed";
const WIDTH = 1000;
const BAR = "#2E75B6";
const GRID = "#BFBFBF";
const INK = "#000000";
const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Average advance of a letter of the condensed serif, as a share of the font size. */
const LETTER_WIDTH = 0.5;

function escapeText(text: string): string {
  return stripXmlForbidden(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function text(x: number, y: number, content: string, size: number, anchor: "start" | "middle" | "end", extra = ""): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" text-anchor="${anchor}" fill="${INK}"${extra}>${escapeText(content)}</text>`;
}

function fitted(label: string, room: number, size: number): string {
  const letters = Math.floor(room / (size * LETTER_WIDTH));
  return label.length <= letters ? label : `${label.slice(0, Math.max(1, letters - 1)).trimEnd()}…`;
}

function percentLabel(share: number, decimals: number): string {
  const factor = 10 ** decimals;
  return `${formatVietnameseNumber(Math.round(share * 100 * factor) / factor)}%`;
}

function frame(width: number, height: number, body: string[]): ChartDrawing {
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}">`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    ...body,
    "</svg>",
  ].join("");
  return { svg, width, height };
}

/** Columns, one per indicator, labelled with the indicator's number in the report's table (names would not fit). */
export function columnChart(bars: readonly ChartBar[], axisTitle: string): ChartDrawing {
  const height = 400;
  const plot = { left: 76, right: WIDTH - 12, top: 30, bottom: height - 74 };
  const slot = (plot.right - plot.left) / Math.max(1, bars.length);
  const barWidth = Math.min(48, slot * 0.7);
  const labelSize = slot >= 40 ? 18 : slot >= 30 ? 14 : slot >= 22 ? 11 : 0;
  const body: string[] = [];
  for (const tick of TICKS) {
    const y = plot.bottom - tick * (plot.bottom - plot.top);
    body.push(`<line x1="${plot.left}" y1="${y.toFixed(1)}" x2="${plot.right}" y2="${y.toFixed(1)}" stroke="${GRID}" stroke-width="1"/>`);
    body.push(text(plot.left - 8, y + 6, percentLabel(tick, 0), 18, "end"));
  }
  bars.forEach((bar, index) => {
    const centre = plot.left + slot * (index + 0.5);
    const top = plot.bottom - bar.share * (plot.bottom - plot.top);
    body.push(`<rect x="${(centre - barWidth / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(plot.bottom - top).toFixed(1)}" fill="${BAR}"/>`);
    // Whole percentages above the columns, only where three digits fit beside the next column's.
    if (labelSize > 0) body.push(text(centre, top - 5, formatVietnameseNumber(Math.round(bar.share * 100)), labelSize, "middle"));
    body.push(text(centre, plot.bottom + 24, fitted(bar.label, slot, 17), 17, "middle"));
  });
  body.push(`<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="${INK}" stroke-width="1.5"/>`);
  body.push(text((plot.left + plot.right) / 2, height - 16, axisTitle, 18, "middle", ' font-style="italic"'));
  return frame(WIDTH, height, body);
}

/** Bars across, one per agency, its name on the left and its share at the end of the bar. */
export function barChart(bars: readonly ChartBar[], axisTitle: string): ChartDrawing {
  const rowHeight = 36;
  const plot = { left: 400, right: WIDTH - 90, top: 40 };
  const bottom = plot.top + rowHeight * bars.length;
  const height = bottom + 50;
  const span = plot.right - plot.left;
  const body: string[] = [];
  for (const tick of TICKS) {
    const x = plot.left + tick * span;
    body.push(`<line x1="${x.toFixed(1)}" y1="${plot.top - 6}" x2="${x.toFixed(1)}" y2="${bottom}" stroke="${GRID}" stroke-width="1"/>`);
    body.push(text(x, plot.top - 14, percentLabel(tick, 0), 18, "middle"));
  }
  bars.forEach((bar, index) => {
    const y = plot.top + rowHeight * index;
    const length = bar.share * span;
    body.push(`<rect x="${plot.left}" y="${(y + 6).toFixed(1)}" width="${length.toFixed(1)}" height="${rowHeight - 12}" fill="${BAR}"/>`);
    body.push(text(plot.left - 10, y + rowHeight / 2 + 7, fitted(bar.label, plot.left - 16, 19), 19, "end"));
    body.push(text(plot.left + length + 6, y + rowHeight / 2 + 6, percentLabel(bar.share, 1), 17, "start"));
  });
  body.push(`<line x1="${plot.left}" y1="${plot.top - 6}" x2="${plot.left}" y2="${bottom}" stroke="${INK}" stroke-width="1.5"/>`);
  body.push(text((plot.left + plot.right) / 2, height - 12, axisTitle, 18, "middle", ' font-style="italic"'));
  return frame(WIDTH, height, body);
}
