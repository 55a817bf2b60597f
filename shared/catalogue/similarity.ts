import { keyWords } from "./indicatorKey";

/**
 * How alike two indicator keys are, from 0 to 1: the Dice coefficient over word pairs, which sees word order
 * ("văn bản đi" ≠ "đi văn bản") yet tolerates a word added or dropped in a long indicator.
 */
export function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const pairsA = wordPairs(a);
  const pairsB = wordPairs(b);
  if (pairsA.size === 0 || pairsB.size === 0) return 0;
  let shared = 0;
  for (const pair of pairsA) if (pairsB.has(pair)) shared += 1;
  return (2 * shared) / (pairsA.size + pairsB.size);
}

function wordPairs(key: string): Set<string> {
  const words = keyWords(key);
  if (words.length === 1) return new Set(words);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i += 1) pairs.add(`${words[i]} ${words[i + 1]}`);
  return pairs;
}
