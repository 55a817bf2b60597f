import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CompositeVerifier } from "../../functions/auth/compositeVerifier";
import { EntraVerifier, type EntraVerifierOptions } from "../../functions/auth/entra/entraVerifier";
import type { RoleMap } from "../../functions/auth/entra/roleMap";
import type { Principal, TokenVerifier } from "../../functions/auth/principal";
import { DomainError } from "../../functions/services/domainError";
import { base64url, newSigningKey, signHs256WithPublicKey, signJwt, startLocalTenant, type LocalTenant } from "./localEntra";

/** Entra ID access tokens against a tenant served on 127.0.0.1: what is let in, as whom, and what is refused. */

const agencyGroup = randomUUID();
const viewerGroup = randomUUID();
const roleMap: RoleMap = {
  rules: [
    { role: "KPI.Province", principal: { role: "province", province: "phu-tho" } },
    { group: agencyGroup, principal: { role: "agency", province: "phu-tho", agencyId: "so-tai-chinh" } },
    { group: viewerGroup, principal: { role: "viewer", province: "phu-tho" } },
  ],
};

let tenant: LocalTenant;
let clock: number;

function verifierFor(options: Partial<EntraVerifierOptions> = {}): EntraVerifier {
  return new EntraVerifier({
    tenantId: tenant.tenantId,
    audiences: [tenant.clientId],
    roleMap,
    jwksUrl: tenant.jwksUrl,
    ...options,
    jwks: { refetchCooldownMs: 30_000, timeoutMs: 1_000, now: () => clock, ...options.jwks },
  });
}

beforeAll(async () => {
  tenant = await startLocalTenant();
});
afterAll(() => tenant?.close());
beforeEach(() => {
  tenant.mode = "serve";
  tenant.published = tenant.published.slice(0, 1);
  tenant.fetches = 0;
  clock = Date.now();
});

describe("a valid Entra ID token", () => {
  it("signs in by app role: the province's officer, named by the token, recorded as entra:<oid>", async () => {
    const oid = randomUUID();
    const principal = await verifierFor().verify(tenant.token({ claims: { oid, roles: ["KPI.Province"], name: "Nguyễn Văn An" } }));
    expect(principal).toEqual<Principal>({ role: "province", province: "phu-tho", subject: `entra:${oid}`, label: "Nguyễn Văn An" });
  });

  it("signs in by group membership: an agency officer of the mapped agency, labelled by user name when the token has no name", async () => {
    const principal = await verifierFor().verify(tenant.token({ claims: { groups: [randomUUID(), agencyGroup], preferred_username: "an@sotaichinh.phutho.gov.vn" } }));
    expect(principal).toMatchObject({ role: "agency", province: "phu-tho", agencyId: "so-tai-chinh", label: "an@sotaichinh.phutho.gov.vn" });
  });

  it("takes the first matching rule in the map's order when several match", async () => {
    const both = tenant.token({ claims: { roles: ["KPI.Province"], groups: [viewerGroup] } });
    expect((await verifierFor().verify(both))?.role).toBe("province");
    const reversed: RoleMap = { rules: [roleMap.rules[2]!, roleMap.rules[0]!] };
    expect((await verifierFor({ roleMap: reversed }).verify(both))?.role).toBe("viewer");
  });

  it("is not let in when no rule of the map matches", async () => {
    const verifier = verifierFor();
    expect(await verifier.verify(tenant.token({ claims: { roles: ["Other.App.Role"], groups: [randomUUID()] } }))).toBeUndefined();
    expect(await verifier.verify(tenant.token())).toBeUndefined();
  });

  it("accepts the api:// audience when it is configured, and a clock a little behind Entra's", async () => {
    const verifier = verifierFor({ audiences: [tenant.clientId, `api://${tenant.clientId}`] });
    const now = Math.floor(Date.now() / 1000);
    const token = tenant.token({ claims: { aud: `api://${tenant.clientId}`, roles: ["KPI.Province"], nbf: now + 60, exp: now + 3600 } });
    expect((await verifier.verify(token))?.role).toBe("province");
  });

  it("fetches the tenant's keys once and reuses them", async () => {
    const verifier = verifierFor();
    for (let i = 0; i < 5; i += 1) expect(await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] } }))).toBeDefined();
    expect(tenant.fetches).toBe(1);
  });
});

describe("refused tokens", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: Array<[string, () => string]> = [
    ["another issuer (v1 endpoint)", () => tenant.token({ claims: { roles: ["KPI.Province"], iss: `https://sts.windows.net/${tenant.tenantId}/` } })],
    ["another tenant's issuer", () => tenant.token({ claims: { roles: ["KPI.Province"], iss: `https://login.microsoftonline.com/${randomUUID()}/v2.0` } })],
    ["another app (audience)", () => tenant.token({ claims: { roles: ["KPI.Province"], aud: randomUUID() } })],
    ["another tenant (tid) under this tenant's issuer", () => tenant.token({ claims: { roles: ["KPI.Province"], tid: randomUUID() } })],
    ["expired beyond the clock skew", () => tenant.token({ claims: { roles: ["KPI.Province"], iat: now() - 7200, nbf: now() - 7200, exp: now() - 300 } })],
    ["not valid yet beyond the clock skew", () => tenant.token({ claims: { roles: ["KPI.Province"], nbf: now() + 600, exp: now() + 4200 } })],
    ["without a user object id", () => tenant.token({ claims: { roles: ["KPI.Province"], oid: undefined } })],
    ["signed by a key the tenant did not publish, under a published kid", () => tenant.token({ claims: { roles: ["KPI.Province"] }, key: { ...newSigningKey(), kid: tenant.published[0]!.kid } })],
    ["with its claims changed after signing", () => {
      const [header, , signature] = tenant.token({ claims: { roles: ["KPI.Viewer"] } }).split(".");
      const claims = { aud: tenant.clientId, iss: tenant.issuer, tid: tenant.tenantId, oid: randomUUID(), nbf: now(), exp: now() + 3600, roles: ["KPI.Province"] };
      return `${header}.${base64url(claims)}.${signature}`;
    }],
    ['with alg "none"', () => {
      const claims = { aud: tenant.clientId, iss: tenant.issuer, tid: tenant.tenantId, oid: randomUUID(), nbf: now(), exp: now() + 3600, roles: ["KPI.Province"] };
      return `${base64url({ alg: "none", typ: "JWT", kid: tenant.published[0]!.kid })}.${base64url(claims)}.`;
    }],
    ["HS256 keyed with the tenant's public key", () => {
      const key = tenant.published[0]!;
      const claims = { aud: tenant.clientId, iss: tenant.issuer, tid: tenant.tenantId, oid: randomUUID(), nbf: now(), exp: now() + 3600, roles: ["KPI.Province"] };
      return signHs256WithPublicKey({ typ: "JWT", kid: key.kid }, claims, key.publicKey);
    }],
    ["naming an algorithm other than RS256 over a valid RS256 signature", () => tenant.token({ claims: { roles: ["KPI.Province"] }, header: { alg: "RS512" } })],
    ["with a critical header extension", () => tenant.token({ claims: { roles: ["KPI.Province"] }, header: { crit: ["exp"], exp: 1 } })],
    ["RS256 without a kid", () => {
      const claims = { aud: tenant.clientId, iss: tenant.issuer, tid: tenant.tenantId, oid: randomUUID(), nbf: now(), exp: now() + 3600, roles: ["KPI.Province"] };
      return signJwt({ alg: "RS256", typ: "JWT" }, claims, tenant.published[0]!.privateKey);
    }],
  ];

  it.each(cases)("refuses a token %s", async (_, token) => {
    const verifier = verifierFor();
    // The same verifier lets the tenant's genuine token in, so each refusal is the case's doing.
    expect(await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] } }))).toBeDefined();
    expect(await verifier.verify(token())).toBeUndefined();
  });

  it("refuses a token whose kid the tenant does not publish, after fetching the keys again — once per cooldown", async () => {
    const verifier = verifierFor();
    expect(await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] } }))).toBeDefined();
    expect(tenant.fetches).toBe(1);
    clock += 31_000;
    const stranger = newSigningKey();
    expect(await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] }, key: stranger }))).toBeUndefined();
    expect(tenant.fetches).toBe(2);
    for (let i = 0; i < 10; i += 1) {
      expect(await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] }, key: { ...stranger, kid: `made-up-${i}` } }))).toBeUndefined();
    }
    expect(tenant.fetches).toBe(2);
  });

  it("accepts a key the tenant has rolled over to, fetched on first sight of its kid", async () => {
    const verifier = verifierFor();
    expect(await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] } }))).toBeDefined();
    const next = newSigningKey();
    tenant.published.push(next);
    clock += 31_000;
    expect((await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] }, key: next })))?.role).toBe("province");
    expect(tenant.fetches).toBe(2);
  });
});

describe("when the tenant's key endpoint fails", () => {
  async function refusal(verifier: TokenVerifier, token: string): Promise<unknown> {
    return verifier.verify(token).then(
      (principal) => principal,
      (error: unknown) => error,
    );
  }

  it("answers busy (try again) rather than 'not signed in' while no key could ever be fetched, and recovers", async () => {
    tenant.mode = "fail";
    const verifier = verifierFor();
    const token = tenant.token({ claims: { roles: ["KPI.Province"] } });
    const error = await refusal(verifier, token);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "busy", message: expect.stringContaining("Entra ID") });
    // Within the cooldown the endpoint is not asked again, and the answer stays the same.
    expect(await refusal(verifier, token)).toMatchObject({ code: "busy" });
    expect(tenant.fetches).toBe(1);
    tenant.mode = "serve";
    clock += 31_000;
    expect((await verifier.verify(token))?.role).toBe("province");
  });

  it("gives up on an endpoint that does not answer after its timeout", async () => {
    tenant.mode = "hang";
    const verifier = verifierFor({ jwks: { timeoutMs: 200 } });
    const started = Date.now();
    expect(await refusal(verifier, tenant.token({ claims: { roles: ["KPI.Province"] } }))).toMatchObject({ code: "busy" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("keeps using the keys it holds when a later fetch fails", async () => {
    const verifier = verifierFor({ jwks: { maxAgeMs: 60_000 } });
    expect(await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] } }))).toBeDefined();
    tenant.mode = "fail";
    clock += 61_000;
    expect((await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"] } })))?.role).toBe("province");
    expect(tenant.fetches).toBe(2);
  });

  it("never fetches keys for a token that fails its claims", async () => {
    const verifier = verifierFor();
    expect(await verifier.verify(tenant.token({ claims: { roles: ["KPI.Province"], aud: randomUUID() } }))).toBeUndefined();
    expect(await verifier.verify("not.a.jwt")).toBeUndefined();
    expect(tenant.fetches).toBe(0);
  });
});

describe("keys and Microsoft sign-in side by side", () => {
  it("sends JWTs to Entra ID and everything else to the key store", async () => {
    const keyPrincipal: Principal = { role: "agency", province: "phu-tho", agencyId: "so-y-te", subject: "key:phu-tho.0123456789abcdef", label: "Sở Y tế" };
    const pastedKey = `kpi_phu-tho.0123456789abcdef_${"A".repeat(43)}`;
    const keys: TokenVerifier = { verify: async (token) => (token === pastedKey ? keyPrincipal : undefined) };
    const composite = new CompositeVerifier(verifierFor(), keys);
    expect(await composite.verify(pastedKey)).toEqual(keyPrincipal);
    expect((await composite.verify(tenant.token({ claims: { roles: ["KPI.Province"] } })))?.role).toBe("province");
    expect(await composite.verify("kpi_nonsense")).toBeUndefined();
  });
});
