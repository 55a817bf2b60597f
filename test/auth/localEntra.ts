import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for one Entra ID tenant, on 127.0.0.1: its signing keys, its JWKS endpoint (which can be told to fail
 * or hang) and tokens signed the way Entra signs access tokens. Tests never reach login.microsoftonline.com.
 */

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(kid = randomBytes(8).toString("hex")): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

export type JwksMode = "serve" | "fail" | "hang";

export interface LocalTenant {
  tenantId: string;
  clientId: string;
  issuer: string;
  jwksUrl: string;
  /** The keys the JWKS endpoint publishes; tests add and remove keys to roll them over. */
  published: SigningKey[];
  mode: JwksMode;
  /** JWKS requests received so far. */
  fetches: number;
  /** A token as Entra would issue it: default claims for a user of this tenant for this app, overridden by `claims`. */
  token(options?: { claims?: Record<string, unknown>; key?: SigningKey; header?: Record<string, unknown> }): string;
  close(): Promise<void>;
}

export async function startLocalTenant(): Promise<LocalTenant> {
  const tenantId = randomUUID();
  const clientId = randomUUID();
  const server: Server = createServer((request, response) => {
    tenant.fetches += 1;
    if (tenant.mode === "hang") return; // never answers: the verifier's timeout must end the wait
    if (tenant.mode === "fail" || request.url !== "/keys") {
      response.writeHead(500).end();
      return;
    }
    const keys = tenant.published.map((key) => ({ ...key.publicKey.export({ format: "jwk" }), kid: key.kid, use: "sig", kty: "RSA" }));
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const initialKey = newSigningKey();
  const tenant: LocalTenant = {
    tenantId,
    clientId,
    issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    jwksUrl: `http://127.0.0.1:${port}/keys`,
    published: [initialKey],
    mode: "serve",
    fetches: 0,
    token({ claims = {}, key = initialKey, header = {} } = {}) {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(
        { alg: "RS256", typ: "JWT", kid: key.kid, ...header },
        { aud: clientId, iss: tenant.issuer, iat: now, nbf: now, exp: now + 3600, tid: tenantId, oid: randomUUID(), ver: "2.0", ...claims },
        key.privateKey,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return tenant;
}

export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, privateKey: KeyObject): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  return `${signingInput}.${sign("RSA-SHA256", Buffer.from(signingInput), privateKey).toString("base64url")}`;
}

/** The classic confusion attack: HS256 keyed with the RSA public key the verifier holds. */
export function signHs256WithPublicKey(header: Record<string, unknown>, payload: Record<string, unknown>, publicKey: KeyObject): string {
  const signingInput = `${base64url({ ...header, alg: "HS256" })}.${base64url(payload)}`;
  const secret = publicKey.export({ format: "pem", type: "spki" });
  return `${signingInput}.${createHmac("sha256", secret).update(signingInput).digest("base64url")}`;
}

export function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/**
 * Server settings that trust the local tenant, map its KPI.Province app role to Phú Thọ's province and offer the
 * pane's Microsoft 365 sign-in for the add-in registration `addinClientId`.
 */
export function microsoft365Settings(tenant: LocalTenant, addinClientId: string) {
  return {
    tenantId: tenant.tenantId,
    audiences: tenant.clientId,
    jwksUrl: tenant.jwksUrl,
    roleMap: JSON.stringify({ rules: [{ role: "KPI.Province", principal: { role: "province", province: "phu-tho" } }] }),
    addinClientId,
    apiScope: `api://${tenant.clientId}/access_as_user`,
  };
}
