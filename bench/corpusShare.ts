import { casesFor, readCorpus } from "../test/support/corpusCases";

/**
 * Share of the development corpus's verdict cases (test/fixtures/corpus) judged as each row's reader reads it, and
 * how many confident verdicts are the opposite of the reading. `KPI_ROOT=<checkout>` measures another checkout's
 * grammar with the same cases (to compare with an earlier version).
 */
const root = process.env.KPI_ROOT ?? new URL("..", import.meta.url).pathname;
const { parseTarget } = (await import(`${root}/shared/target/parse.ts`)) as typeof import("../shared/target/parse");
const { evaluate } = (await import(`${root}/shared/verdict/evaluate.ts`)) as typeof import("../shared/verdict/evaluate");

const cases = readCorpus().flatMap((row) => casesFor(row));
let right = 0;
let opposite = 0;
for (const testCase of cases) {
  const parsed = parseTarget(testCase.target);
  const target = parsed.ok ? parsed.target : ({ kind: "manual", reason: "free_text", text: testCase.target } as const);
  const got = evaluate(target, testCase.actual, testCase.asOf ? { asOf: testCase.asOf } : {}).verdict;
  if (got === testCase.expected) right += 1;
  if ((got === "met" && testCase.expected === "not_met") || (got === "not_met" && testCase.expected === "met")) opposite += 1;
}
const share = ((right / cases.length) * 100).toFixed(1).replace(".", ",");
console.log(`Tập phát triển: ${right}/${cases.length} trường hợp đúng (${share}%), ${opposite} kết luận ngược với cách đọc.`);
