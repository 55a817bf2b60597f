import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/identity";
import { startAzurite, type RunningAzurite } from "../../functions/local/azurite";

/** Why the OAuth tests cannot run here, or undefined when they can (they need openssl to make a certificate). */
export function oauthSkipReason(): string | undefined {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return undefined;
  } catch {
    return "openssl is not installed: no self-signed certificate for Azurite's https, which OAuth requires";
  }
}

export interface OAuthAzurite extends RunningAzurite {
  /** PEM of the self-signed certificate Azurite serves, to be trusted by this test's clients only. */
  certificate: string;
}

/** A throwaway certificate for 127.0.0.1 (by IP, as the SDK connects) and Azurite serving it with `--oauth basic`. */
export async function startOAuthAzurite(): Promise<OAuthAzurite> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-oauth-azurite-"));
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certPath],
    { stdio: "ignore" },
  );
  const certificate = readFileSync(certPath, "utf8");
  try {
    const azurite = await startAzurite({ oauth: { certPath, keyPath } });
    return { ...azurite, certificate, stop: () => azurite.stop().finally(() => rmSync(dir, { recursive: true, force: true })) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Stands in for a managed identity: hands out JWT-shaped tokens with the issuer, audience and lifetime Azure's tokens
 * carry for storage. Azurite's basic OAuth checks exactly those claims and not the signature, so the token is unsigned.
 */
export class UnsignedStorageTokenCredential implements TokenCredential {
  readonly requestedScopes: string[][] = [];

  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.requestedScopes.push(Array.isArray(scopes) ? scopes : [scopes]);
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: "https://storage.azure.com",
      iss: "https://sts.windows.net/00000000-0000-0000-0000-000000000001/",
      iat: now - 60,
      nbf: now - 60,
      exp: now + 3600,
      oid: "11111111-1111-1111-1111-111111111111",
    };
    return { token: `${base64url({ alg: "RS256", typ: "JWT" })}.${base64url(claims)}.unsigned`, expiresOnTimestamp: (now + 3600) * 1000 };
  }
}
