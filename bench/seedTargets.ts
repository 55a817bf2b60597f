import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTarget } from "../shared/target/parse";

const SEEDS = fileURLToPath(new URL("../test/fixtures/seeds/", import.meta.url));
const MAX_TARGET_LENGTH = 60;

/**
 * Target texts as the seed decisions write them: every short cell (tab-separated or whole line) that the grammar
 * reads as a rule. Good enough to draw realistic benchmark pairs; the tests use per-layout extractors.
 */
export function seedTargetTexts(): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(SEEDS).filter((file) => file.endsWith(".txt"))) {
    for (const line of readFileSync(SEEDS + name, "utf8").split("\n")) {
      for (const cell of line.split("\t")) {
        const text = cell.trim();
        if (text === "" || text.length > MAX_TARGET_LENGTH) continue;
        const parsed = parseTarget(text);
        if (parsed.ok && parsed.target.kind !== "manual") found.add(text);
      }
    }
  }
  return [...found];
}
