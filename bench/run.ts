/**
 * `npm run bench`: every benchmark, each printing its figures as ratios against a floor measured in the same run.
 * Absolute numbers depend on the machine; the ratios are what to compare across changes.
 */
await import("./status");
await import("./storage");
export {};
