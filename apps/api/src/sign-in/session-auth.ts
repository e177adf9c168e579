import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@ledger/kernel';
import { getIn, sessionIsLive } from '@ledger/domain';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, CLOCK } from '../infrastructure/tokens';
import { AuthError, TokenVerifier, bearerToken } from '../auth/token-verifier';
import type { Principal } from '../auth/principal';
import { AccessDirectory } from './access-directory';
import { SessionTokens } from './session-tokens';

/**
 * Who a request's credential says the caller is. A web session token (from the ledger_session cookie, or sent as a
 * bearer) is verified, then checked against the access directory: revoked, signed out and expired sessions are
 * refused at once. Any other token is an API token (TokenVerifier).
 */
@Injectable()
export class SessionAuth {
  readonly tokens: SessionTokens;

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly directory: AccessDirectory,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.tokens = new SessionTokens(config.sessions.secret);
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    if (!SessionTokens.isSession(token)) return this.verifier.verify(authorization);
    return this.principalOf(token);
  }

  async principalOf(token: string): Promise<Principal> {
    const now = this.clock.now();
    const claims = await this.tokens.verify(token, now);
    await this.directory.loaded;
    let session = getIn(this.directory.state.sessions, claims.sessionId);
    // Signed by us but not seen yet: started on another replica a moment ago. Catch up once.
    if (!session) {
      await this.directory.refresh();
      session = getIn(this.directory.state.sessions, claims.sessionId);
    }
    if (!session || session.userId !== claims.sub) throw new AuthError('AUTH.SESSION_UNKNOWN', 'this session is not known here: sign in again');
    if (session.status === 'revoked') throw new AuthError('AUTH.SESSION_REVOKED', 'an admin revoked this session: sign in again');
    if (session.status === 'signed-out') throw new AuthError('AUTH.SESSION_SIGNED_OUT', 'you signed out of this session: sign in again');
    if (!sessionIsLive(session, now.toISOString())) throw new AuthError('AUTH.SESSION_EXPIRED', 'your session has expired: sign in again');
    return {
      sub: session.userId,
      role: session.role,
      backlogs: [...session.backlogs],
      name: session.name,
      expiresAt: session.expiresAt,
      session: { id: session.sessionId, method: session.method, startedAt: session.startedAt, expiresAt: session.expiresAt },
    };
  }
}
