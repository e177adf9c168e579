import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import { AuthError } from '../auth/token-verifier';

const ISSUER = 'backlog-ledger';
const AUDIENCE = 'backlog-ledger:session';

export interface SessionClaims {
  sessionId: string;
  sub: string;
}

/**
 * The web session's token (ADR 0023): an HS256 JWT the server signs, carrying only the session id (`sid`, also the
 * `jti`), the person's id and the expiry. Who the person is (role, backlogs, name) and whether the session still
 * holds come from the access directory on every request.
 */
export class SessionTokens {
  private readonly key: KeyObject;

  constructor(secret: Uint8Array) {
    this.key = createSecretKey(secret);
  }

  sign(c: SessionClaims, issuedAt: Date, expiresAt: Date): Promise<string> {
    return new SignJWT({ sid: c.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(c.sub)
      .setJti(c.sessionId)
      .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** Whether the JWT claims to be a session (routing only: verify() proves it). */
  static isSession(token: string): boolean {
    try {
      return typeof decodeJwt(token).sid === 'string';
    } catch {
      return false;
    }
  }

  async verify(token: string, now: Date): Promise<SessionClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now, clockTolerance: 5 });
      if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string' || payload.jti !== payload.sid) throw new AuthError('AUTH.TOKEN_INVALID', 'the session token is malformed');
      return { sessionId: payload.sid, sub: payload.sub };
    } catch (e) {
      if (e instanceof AuthError) throw e;
      if (e instanceof joseErrors.JWTExpired) throw new AuthError('AUTH.SESSION_EXPIRED', 'your session has expired: sign in again');
      throw new AuthError('AUTH.TOKEN_INVALID', 'the session token signature or claims are invalid');
    }
  }
}
