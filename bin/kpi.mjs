#!/usr/bin/env node
// The `kpi` command runs the TypeScript sources directly through tsx, so the CLI never drifts from the code the
// add-in and the functions are built from.
import { register } from "tsx/esm/api";

register();
await import("../functions/cli/main.ts");
