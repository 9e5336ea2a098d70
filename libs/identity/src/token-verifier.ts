import { Actor, UnauthenticatedError } from '@cem/contracts';
import { createLocalJWKSet, createRemoteJWKSet, errors, JSONWebKeySet, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { claimsToActor } from './token-claims';

export type TokenVerifierOptions = {
  issuer: string;
  audience: string;
  /** Seconds of clock skew tolerated on exp/nbf/iat. */
  clockToleranceSeconds?: number;
  algorithms?: string[];
  /**
   * Verified tokens remembered, so that a client's repeated requests skip the signature check (an ES256
   * verification was the largest single cost of a command). Default 10 000; 0 turns the cache off.
   */
  cacheSize?: number;
  /** Longest a verified token is trusted without a new check (a key removed from the JWKS). Default 60 s. */
  cacheTtlSeconds?: number;
} & ({ jwksUrl: string | URL; jwks?: never } | { jwks: JSONWebKeySet; jwksUrl?: never });

type KeySource = ReturnType<typeof createLocalJWKSet>;

/** Verifies platform tokens and turns them into Actors; every refusal is an UnauthenticatedError. */
export class TokenVerifier {
  private readonly keys: KeySource;
  private readonly verified?: LRUCache<string, { actor: Actor; expiresAtMs: number }>;

  constructor(private readonly options: TokenVerifierOptions) {
    const size = options.cacheSize ?? 10_000;
    if (size > 0) this.verified = new LRUCache({ max: size, ttl: (options.cacheTtlSeconds ?? 60) * 1000 });
    this.keys = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : createLocalJWKSet(options.jwks!);
  }

  get issuer(): string {
    return this.options.issuer;
  }

  get audience(): string {
    return this.options.audience;
  }

  async verify(token: string): Promise<Actor> {
    if (!token) throw new UnauthenticatedError('token is empty');
    const hit = this.verified?.get(token);
    // The token's own expiry still applies to a remembered token, with the same tolerance as jwtVerify's.
    if (hit && Date.now() < hit.expiresAtMs) return hit.actor;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        algorithms: this.options.algorithms ?? ['ES256', 'RS256'],
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw this.explain(error);
    }
    const actor = claimsToActor(payload);
    const toleranceMs = (this.options.clockToleranceSeconds ?? 30) * 1000;
    this.verified?.set(token, { actor, expiresAtMs: (payload.exp as number) * 1000 + toleranceMs });
    return actor;
  }

  private explain(error: unknown): UnauthenticatedError {
    if (error instanceof errors.JWTExpired) return new UnauthenticatedError('token expired');
    if (error instanceof errors.JWTClaimValidationFailed) {
      switch (error.claim) {
        // Never name the expected issuer or audience: that would tell a forger what to put in the token.
        case 'iss':
          return new UnauthenticatedError('wrong issuer', { claim: 'iss' });
        case 'aud':
          return new UnauthenticatedError('wrong audience', { claim: 'aud' });
        default:
          return new UnauthenticatedError(`token claim '${error.claim}' invalid: ${error.reason}`, {
            claim: error.claim,
          });
      }
    }
    // Another issuer's token usually carries a key id we do not know, so both mean "not signed by our issuer".
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
      return new UnauthenticatedError('bad signature: token not signed by a trusted key');
    }
    if (error instanceof errors.JOSEAlgNotAllowed) return new UnauthenticatedError('token signing algorithm not allowed');
    if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
      return new UnauthenticatedError('malformed token');
    }
    if (error instanceof errors.JOSEError) return new UnauthenticatedError(`token rejected: ${error.code}`);
    // Key set fetch failures and the like: the token may be fine but we cannot trust it right now. The
    // cause (a key server's address, a network error) is not the caller's business.
    return new UnauthenticatedError('token could not be verified');
  }
}
