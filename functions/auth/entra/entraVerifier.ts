import { verify } from "node:crypto";
import * as z from "zod";
import { DomainError } from "../../services/domainError";
import type { Principal, TokenVerifier } from "../principal";
import { decodeCompactJwt } from "./compactJwt";
import { JwksCache, JwksUnavailableError, type JwksCacheOptions } from "./jwksCache";
import { principalFromRoleMap, type RoleMap } from "./roleMap";

/**
 * Access tokens issued by Microsoft Entra ID (v2 endpoint) to this API, for users of one tenant. Signature (RS256
 * only, key from the tenant's published set), issuer, audience, tenant and validity window are all checked before the
 * province's role map is consulted. Any failure answers "not signed in" — except when the tenant's keys cannot be
 * fetched at all: that says nothing about the token, so it is answered 503 "busy" and the pane keeps the sign-in and
 * tries again, instead of sending the officer through Microsoft sign-in for nothing.
 */

export interface EntraVerifierOptions {
  tenantId: string;
  /** Accepted `aud` values: the app's client id, and its `api://…` id URI if tokens carry that. */
  audiences: readonly string[];
  roleMap: RoleMap;
  /** Default: the tenant's v2 key set at login.microsoftonline.com. */
  jwksUrl?: string;
  /** Tolerated difference between this server's clock and Entra's; default 120 s. */
  clockSkewSeconds?: number;
  jwks?: Omit<JwksCacheOptions, "url">;
  now?: () => number;
}

export function entraIssuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

export function entraJwksUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
}

const claimsSchema = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  tid: z.string(),
  oid: z.string().min(1),
  exp: z.number(),
  nbf: z.number().optional(),
  roles: z.array(z.string()).optional(),
  groups: z.array(z.string()).optional(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
});
type EntraClaims = z.infer<typeof claimsSchema>;

export class EntraVerifier implements TokenVerifier {
  private readonly jwks: JwksCache;
  private readonly issuer: string;
  private readonly skewMs: number;
  private readonly now: () => number;

  constructor(private readonly options: EntraVerifierOptions) {
    this.issuer = entraIssuer(options.tenantId);
    this.skewMs = (options.clockSkewSeconds ?? 120) * 1000;
    this.now = options.now ?? Date.now;
    this.jwks = new JwksCache({ ...options.jwks, url: options.jwksUrl ?? entraJwksUrl(options.tenantId) });
  }

  async verify(bearerToken: string): Promise<Principal | undefined> {
    const jwt = decodeCompactJwt(bearerToken);
    // Only RS256 with a named key: "none", HMAC (a public key used as a shared secret) and anything else are refused.
    if (!jwt || jwt.header.alg !== "RS256" || !jwt.header.kid || jwt.header.crit) return undefined;
    const claims = claimsSchema.safeParse(jwt.payload);
    // Claims first: a token for another tenant or app, or an expired one, never causes a fetch of keys.
    if (!claims.success || !this.claimsAccepted(claims.data)) return undefined;
    const key = await this.keyFor(jwt.header.kid);
    if (!key || !verify("RSA-SHA256", jwt.signingInput, key, jwt.signature)) return undefined;
    return principalFromRoleMap(this.options.roleMap, {
      oid: claims.data.oid,
      roles: claims.data.roles ?? [],
      groups: claims.data.groups ?? [],
      label: claims.data.name?.trim() || claims.data.preferred_username?.trim() || `entra:${claims.data.oid}`,
    });
  }

  private claimsAccepted(claims: EntraClaims): boolean {
    const now = this.now();
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    return (
      claims.iss === this.issuer &&
      claims.tid === this.options.tenantId &&
      audiences.some((audience) => this.options.audiences.includes(audience)) &&
      claims.exp * 1000 + this.skewMs > now &&
      (claims.nbf === undefined || claims.nbf * 1000 - this.skewMs <= now)
    );
  }

  private async keyFor(kid: string) {
    try {
      return await this.jwks.keyFor(kid);
    } catch (error) {
      if (!(error instanceof JwksUnavailableError)) throw error;
      throw new DomainError(
        "busy",
        "Chưa kiểm tra được đăng nhập Microsoft: máy chủ không tải được khóa công khai của Entra ID. Vui lòng thử lại sau ít phút.",
      );
    }
  }
}
