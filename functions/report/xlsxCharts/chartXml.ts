import { PALETTE, rgb } from "../../../shared/sheet/palette";
import { stripXmlForbidden } from "../../../shared/text/xmlText";
import { rangeFormula, type ChartRequest } from "./chartRequest";
import { xmlEscape } from "./xmlEscape";

const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_MAIN = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const BAR_COLOUR = rgb(PALETTE.chartBar);
const PERCENT_FORMAT = "0%";
/** A share axis ends a little past 100%, so the label of a full bar is not cut off; its labels stop at 100%. */
const PERCENT_AXIS_END = 1.12;
const PERCENT_AXIS_STEP = 0.2;
const CATEGORY_AXIS = 50010;
const VALUE_AXIS = 50020;

const text = (value: string) => xmlEscape(stripXmlForbidden(value));

/** Runs of text in the chart's font: Vietnamese needs a font with its marks, and the report's cells use Calibri. */
function textProperties(size: number, bold = false): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}">` +
    `<a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`
  );
}

function stringCache(values: readonly string[]): string {
  const points = values.map((value, index) => `<c:pt idx="${index}"><c:v>${text(value)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: ReadonlyArray<number | null>, format: string): string {
  // A blank point (no agency assigned) is left out of the cache, as Excel itself writes it.
  const points = values
    .map((value, index) => (value === null || !Number.isFinite(value) ? "" : `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`))
    .join("");
  return `<c:numCache><c:formatCode>${text(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** The chart part (xl/charts/chartN.xml) of one request: a clustered bar or column chart of one series, labelled. */
export function chartXml(request: ChartRequest): string {
  const { categories, values } = request;
  const valueFormat = request.percentAxis ? PERCENT_FORMAT : "General";
  const format = text(valueFormat);
  const bars = request.kind === "barClustered";
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:v>${text(values.name)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOUR}"/></a:solidFill></c:spPr>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:dLbls><c:numFmt formatCode="${format}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `${textProperties(9)}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${text(rangeFormula(categories))}</c:f>${stringCache(categories.cached)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${text(rangeFormula(values))}</c:f>${numberCache(values.cached, valueFormat)}</c:numRef></c:val>` +
    `</c:ser>`;
  const maximum = request.percentAxis ? `<c:max val="${PERCENT_AXIS_END}"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="1400" b="1"><a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/></a:rPr><a:t>${text(request.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${bars ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="50"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>` +
    // Bars: categories top to bottom in the order of the table, the value axis then crossing at the last one, below.
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${bars ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bars ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProperties(9)}<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/>${maximum}<c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bars ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="${rgb(PALETTE.gridline)}"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProperties(9)}<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${bars ? "max" : "autoZero"}"/><c:crossBetween val="between"/>` +
    `${request.percentAxis ? `<c:majorUnit val="${PERCENT_AXIS_STEP}"/>` : ""}</c:valAx>` +
    `</c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${rgb(PALETTE.paper)}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `${textProperties(10)}` +
    `</c:chartSpace>`
  );
}
