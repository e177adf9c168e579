import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { LedgerError } from '@ledger/kernel';
import type { JwtConfig } from '../config/config';
import { ASSIGNABLE_ROLES, type Principal } from './principal';

export class AuthError extends LedgerError {
  constructor(code: string, message: string) {
    super(code, 'unauthenticated', message);
  }
}

/** Seconds of clock skew tolerated on exp and nbf. */
const CLOCK_TOLERANCE = 5;
/** HS256 tokens whose signature has been checked (a client sends the same token with every request). */
export const VERIFIED_CACHE_TOKENS = 10_000;

/** HS256 with a local secret, or RS256/ES256 against a JWKS URL (a real identity provider). */
export class TokenVerifier {
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  /** Built once: given raw bytes, jose would rebuild the key object on every request (~8 % of a decision's CPU). */
  private readonly hmacKey?: KeyObject;
  /**
   * HS256 only (the secret is fixed for the life of the process; a JWKS can rotate): token text → its checked
   * claims and principal. A hit skips the HMAC and claim parsing but re-checks the time-bound claims (exp, nbf,
   * iat) exactly as a full verification would, so a token stops working at the same instant either way.
   */
  private readonly verified = new Map<string, { payload: JWTPayload; principal: Principal }>();

  constructor(private readonly config: JwtConfig) {
    if (config.mode === 'jwks') this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
    else this.hmacKey = createSecretKey(config.secret);
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw new AuthError('AUTH.TOKEN_MISSING', 'send Authorization: Bearer <token> (npm run token -- --help)');
    const m = /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(authorization.trim());
    if (!m) throw new AuthError('AUTH.TOKEN_MALFORMED', 'the Authorization header must be "Bearer <JWT>"');
    const cached = this.verified.get(m[1]);
    if (cached) {
      if (stillValid(cached.payload, Date.now())) return cached.principal;
      this.verified.delete(m[1]); // verified in full below, which explains what is wrong with it now
    }
    let payload: JWTPayload;
    try {
      const options = { issuer: this.config.issuer, audience: this.config.audience, clockTolerance: CLOCK_TOLERANCE };
      payload =
        this.config.mode === 'hs256'
          ? (await jwtVerify(m[1], this.hmacKey!, { ...options, algorithms: ['HS256'] })).payload
          : (await jwtVerify(m[1], this.jwks!, { ...options, algorithms: ['RS256', 'ES256', 'PS256'] })).payload;
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw new AuthError('AUTH.TOKEN_EXPIRED', 'the token has expired; get a new one');
      if (e instanceof joseErrors.JWKSNoMatchingKey || e instanceof joseErrors.JWKSTimeout || e instanceof joseErrors.JOSENotSupported) {
        throw new AuthError('AUTH.TOKEN_INVALID', `the token cannot be verified: ${(e as Error).message}`);
      }
      throw new AuthError('AUTH.TOKEN_INVALID', 'the token signature or claims are invalid');
    }
    const principal = principalFromClaims(payload);
    if (this.config.mode === 'hs256') {
      if (this.verified.size >= VERIFIED_CACHE_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(m[1], { payload, principal });
    }
    return principal;
  }
}

/** The time-bound checks of a verification at `nowMs`: jose's exp and nbf (whole seconds, with the tolerance), ours on iat. */
function stillValid(payload: JWTPayload, nowMs: number): boolean {
  const now = Math.floor(nowMs / 1000);
  if (typeof payload.exp === 'number' && payload.exp <= now - CLOCK_TOLERANCE) return false;
  if (typeof payload.nbf === 'number' && payload.nbf > now + CLOCK_TOLERANCE) return false;
  if (typeof payload.iat === 'number' && payload.iat > nowMs / 1000 + 60) return false;
  return true;
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) {
    throw new AuthError('AUTH.TOKEN_INVALID', 'the token has no usable "sub" claim');
  }
  if (typeof payload.exp !== 'number') throw new AuthError('AUTH.TOKEN_INVALID', 'the token must expire ("exp" claim)');
  if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + 60) {
    throw new AuthError('AUTH.TOKEN_INVALID', 'the token claims to be issued in the future ("iat")');
  }
  const role = payload.role;
  if (typeof role !== 'string' || !(ASSIGNABLE_ROLES as readonly string[]).includes(role)) {
    throw new AuthError('AUTH.TOKEN_INVALID', `the token's "role" claim must be one of ${ASSIGNABLE_ROLES.join(', ')}`);
  }
  const backlogs = payload.backlogs ?? [];
  if (!Array.isArray(backlogs) || backlogs.some((b) => typeof b !== 'string')) {
    throw new AuthError('AUTH.TOKEN_INVALID', 'the token\'s "backlogs" claim must be a list of backlog ids');
  }
  return { sub, role: role as Principal['role'], backlogs: backlogs as string[] };
}
