import type { TestProject } from "vitest/node";
import { startAzurite } from "../../functions/local/azurite";

/**
 * One real Azurite for the whole run, in memory, on free loopback ports. Each test file works in its own table and
 * container namespace (a storage prefix), so files neither see nor disturb each other's rows.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  project.provide("azuriteConnection", azurite.connection);
  return () => azurite.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    azuriteConnection: string;
  }
}
