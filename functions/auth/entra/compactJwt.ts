import * as z from "zod";

/**
 * A JWS in compact form, split and decoded but not yet trusted. Only what is needed to pick the key and check the
 * signature is read here; the claims are judged by the verifier.
 */

/** Entra access tokens are a few kilobytes; anything far larger is not worth decoding. */
const MAX_TOKEN_LENGTH = 16_384;
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

/** Three base64url parts: the shape that sends a bearer token to Entra ID rather than to the key store. */
export function looksLikeJwt(token: string): boolean {
  return token.length <= MAX_TOKEN_LENGTH && COMPACT_JWS.test(token);
}

const headerSchema = z.object({
  alg: z.string(),
  kid: z.string().min(1).optional(),
  // Extensions this verifier does not understand must make it refuse the token (RFC 7515 §4.1.11).
  crit: z.array(z.string()).optional(),
});
export type JwtHeader = z.infer<typeof headerSchema>;

export interface CompactJwt {
  header: JwtHeader;
  payload: unknown;
  /** The bytes the signature covers: "<header>.<payload>" as sent. */
  signingInput: Buffer;
  signature: Buffer;
}

/** Undefined for anything that is not a well-formed compact JWS with JSON header and payload. */
export function decodeCompactJwt(token: string): CompactJwt | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = COMPACT_JWS.exec(token);
  if (!parts) return undefined;
  const header = headerSchema.safeParse(jsonOf(parts[1]!));
  const payload = jsonOf(parts[2]!);
  if (!header.success || payload === undefined) return undefined;
  return {
    header: header.data,
    payload,
    signingInput: Buffer.from(`${parts[1]}.${parts[2]}`, "ascii"),
    signature: Buffer.from(parts[3]!, "base64url"),
  };
}

function jsonOf(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}
