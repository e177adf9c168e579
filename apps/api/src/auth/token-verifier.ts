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

/** HS256 with a local secret, or RS256/ES256 against a JWKS URL (a real identity provider). */
export class TokenVerifier {
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  /** Built once: given raw bytes, jose would rebuild the key object on every request (~8 % of a decision's CPU). */
  private readonly hmacKey?: KeyObject;

  constructor(private readonly config: JwtConfig) {
    if (config.mode === 'jwks') this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
    else this.hmacKey = createSecretKey(config.secret);
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw new AuthError('AUTH.TOKEN_MISSING', 'send Authorization: Bearer <token> (npm run token -- --help)');
    const m = /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(authorization.trim());
    if (!m) throw new AuthError('AUTH.TOKEN_MALFORMED', 'the Authorization header must be "Bearer <JWT>"');
    let payload: JWTPayload;
    try {
      const options = { issuer: this.config.issuer, audience: this.config.audience, clockTolerance: 5 };
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
    return principalFromClaims(payload);
  }
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
