import { benchAggregation } from "./aggregation";
import { withBenchStack } from "./benchStack";
import { benchSubmission } from "./submission";

/**
 * `npm run bench`: every benchmark, each printing its figures as ratios against a floor measured in the same run,
 * next to its goal. Absolute numbers depend on the machine; the ratios are what to compare across changes.
 * `npm run bench -- submission` (or status, aggregation) runs only the parts named.
 */
const PARTS = ["status", "submission", "aggregation"] as const;
const named = process.argv.slice(2);
const unknown = named.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}: choose from ${PARTS.join(", ")}.`);
  process.exit(2);
}
const wanted = (part: (typeof PARTS)[number]) => named.length === 0 || named.includes(part);

if (wanted("status")) await import("./status");
if (wanted("submission") || wanted("aggregation")) {
  await withBenchStack(async (stack) => {
    if (wanted("submission")) await benchSubmission(stack);
    if (wanted("aggregation")) await benchAggregation(stack);
  });
}
