import { benchAggregation } from "./aggregation";
import { withBenchStack } from "./benchStack";
import { benchSubmission } from "./submission";

/**
 * `npm run bench`: every benchmark, each printing its figures as ratios against a floor measured in the same run,
 * next to its goal. Absolute numbers depend on the machine; the ratios are what to compare across changes.
 * Each part also runs alone: `node --expose-gc --import tsx bench/submission.ts` (or aggregation.ts, status.ts).
 */
await import("./status");
await withBenchStack(async (stack) => {
  await benchSubmission(stack);
  await benchAggregation(stack);
});
