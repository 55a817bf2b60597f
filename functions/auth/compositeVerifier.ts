import { looksLikeJwt } from "./entra/compactJwt";
import type { Principal, TokenVerifier } from "./principal";

/**
 * Microsoft sign-in and pasted keys side by side: a token shaped like a JWT goes to Entra ID, anything else to the
 * key store, so officers without a Microsoft 365 account (or on volume-licensed Office) keep working with keys. The
 * shapes cannot be confused: a key has at most one dot, a JWT exactly two.
 */
export class CompositeVerifier implements TokenVerifier {
  constructor(
    private readonly entra: TokenVerifier,
    private readonly keys: TokenVerifier,
  ) {}

  verify(bearerToken: string): Promise<Principal | undefined> {
    return looksLikeJwt(bearerToken) ? this.entra.verify(bearerToken) : this.keys.verify(bearerToken);
  }
}
