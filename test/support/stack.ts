import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import type { Principal } from "../../functions/auth/principal";
import { startLocalHost, type LocalHost } from "../../functions/local/localHost";
import { loadDemoIfEmpty } from "../../functions/local/demoData";
import { ROUTES } from "../../functions/http/routes";
import { createServices, type Services } from "../../functions/services/services";
import type { z } from "zod";
import { entraSettingsSchema, settingsSchema } from "../../functions/services/settings";
import type { StorageConnection } from "../../functions/storage/connection";

export interface TestStack {
  services: Services;
  host: LocalHost;
  api: string;
  prefix: string;
  keys: Record<"province" | "agency" | "otherAgency" | "viewer" | "otherProvince", string>;
  /** fetch against the local host with a key. */
  call(path: string, init?: RequestInit & { key?: string }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real system as `npm start` runs it — route table, local host, storage on the shared Azurite — in a fresh
 * namespace with the demo catalogue and one key per role.
 */
export async function startStack(
  options: {
    now?: () => Date;
    settings?: { autoLockDays?: number; lockCacheMs?: number; entra?: z.input<typeof entraSettingsSchema> };
    /** Another storage than the shared Azurite's connection string, e.g. an OAuth Azurite reached with a token. */
    connection?: StorageConnection;
  } = {},
): Promise<TestStack> {
  const prefix = `t${randomBytes(5).toString("hex")}`;
  const settings = settingsSchema.parse({
    connection: options.connection ?? inject("azuriteConnection"),
    storagePrefix: prefix,
    keyCacheMs: 0,
    catalogueCacheMs: 0,
    // Locks read afresh by every submission, so a lock answers at once; test/functions/lockBetweenInstances.test.ts
    // runs the cached read and the lock's wait as Azure does.
    lockCacheMs: 0,
    ...options.settings,
  });
  const services = await createServices(settings, options);
  await loadDemoIfEmpty(services);
  const issue = async (input: Omit<Principal, "subject">) => (await services.keys.issue(input)).token;
  const keys = {
    province: await issue({ role: "province", province: "phu-tho", label: "Sở KH&CN Phú Thọ" }),
    agency: await issue({ role: "agency", province: "phu-tho", agencyId: "so-tai-chinh", label: "Sở Tài chính" }),
    otherAgency: await issue({ role: "agency", province: "phu-tho", agencyId: "so-y-te", label: "Sở Y tế" }),
    viewer: await issue({ role: "viewer", province: "phu-tho", label: "VP UBND tỉnh" }),
    otherProvince: await issue({ role: "province", province: "hue", label: "Sở KH&CN Huế" }),
  };
  const host = await startLocalHost({ routes: ROUTES, services: async () => services, port: 0 });
  const api = `${host.url}/api`;
  return {
    services,
    host,
    api,
    prefix,
    keys,
    call(path, init = {}) {
      const { key, headers, ...rest } = init;
      return fetch(`${api}${path}`, {
        ...rest,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(headers as Record<string, string> | undefined) },
      });
    },
    close: () => host.close(),
  };
}
