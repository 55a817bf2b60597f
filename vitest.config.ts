import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A real Azurite for the storage and HTTP tests; each file gets its own namespace in it. The `kpi` command built
    // once, so that the CLI tests spawn a real process without compiling the sources on every call.
    globalSetup: ["test/support/azuriteSetup.ts", "test/support/builtKpiSetup.ts"],
    // The JSON results are what .ci/run counts; the default reporter is what a developer reads.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
