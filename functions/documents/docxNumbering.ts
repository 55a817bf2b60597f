import { attrOf, childrenOf, findFirst, parseXml, tagOf, valueAt, type XmlNode } from "./docxXml";

/**
 * Word's automatic numbering (`w:numPr` on a paragraph), computed from numbering.xml the way Word shows it:
 * "1.", "I.", "a)", "1.2." — so a list numbered by Word reads like one typed by hand. Counters are kept per list
 * (`w:numId`) and level; a higher level resets the deeper ones. Formats other than decimal, Roman and letters
 * (e.g. "ordinal", Chinese counting) fall back to decimal; bullets become "-".
 */
interface Level {
  start: number;
  format: string;
  text: string;
}

export class NumberingCounter {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: string | undefined) {
    if (!numberingXml) return;
    const root = findFirst(parseXml(numberingXml), "w:numbering");
    if (!root) return;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const node of childrenOf(root)) {
      if (tagOf(node) !== "w:abstractNum") continue;
      abstracts.set(attrOf(node, "w:abstractNumId") ?? "", readLevels(node));
    }
    for (const node of childrenOf(root)) {
      if (tagOf(node) !== "w:num") continue;
      const levels = new Map(abstracts.get(valueAt(node, "w:abstractNumId") ?? "") ?? []);
      for (const override of childrenOf(node)) {
        if (tagOf(override) !== "w:lvlOverride") continue;
        const level = Number(attrOf(override, "w:ilvl") ?? 0);
        const start = valueAt(override, "w:startOverride");
        const base = levels.get(level);
        if (base && start !== undefined) levels.set(level, { ...base, start: Number(start) });
      }
      this.levels.set(attrOf(node, "w:numId") ?? "", levels);
    }
  }

  /** The label of the next paragraph of list `numId` at `level`: "1.", "II.", "b)"; "" when the list is unknown. */
  next(numId: string, level: number): string {
    const levels = this.levels.get(numId);
    const definition = levels?.get(level);
    if (!levels || !definition) return "";
    const counts = this.counters.get(numId) ?? [];
    for (let index = 0; index < level; index += 1) counts[index] ??= levels.get(index)?.start ?? 1;
    counts[level] = counts[level] === undefined ? definition.start : counts[level]! + 1;
    counts.length = level + 1;
    this.counters.set(numId, counts);
    if (definition.format === "bullet") return "-";
    if (definition.format === "none") return "";
    return definition.text.replace(/%(\d)/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      return formatNumber(counts[at] ?? levels.get(at)?.start ?? 1, levels.get(at)?.format ?? "decimal");
    });
  }
}

function readLevels(abstractNum: XmlNode): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const node of childrenOf(abstractNum)) {
    if (tagOf(node) !== "w:lvl") continue;
    levels.set(Number(attrOf(node, "w:ilvl") ?? 0), {
      start: Number(valueAt(node, "w:start") ?? 1),
      format: valueAt(node, "w:numFmt") ?? "decimal",
      text: valueAt(node, "w:lvlText") ?? "",
    });
  }
  return levels;
}

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperLetter":
      return letters(value).toUpperCase();
    case "lowerLetter":
      return letters(value);
    case "decimalZero":
      return String(value).padStart(2, "0");
    default:
      return String(value);
  }
}

function roman(value: number): string {
  const numerals: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let rest = value;
  let out = "";
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}

/** Word's letters: a…z, then aa…zz, aaa… (not spreadsheet columns). */
function letters(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}
