import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, LedgerError, type Clock } from '@ledger/kernel';
import type { SessionStarted } from '@ledger/domain';
import { CLOCK } from '../infrastructure/tokens';
import { sessionCookie } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { AccessDirectory, type AccessMeta, type AccessOutcome } from './access-directory';
import { SessionTokens } from './session-tokens';
import { JsonLogger } from '../shared/json-logger';
import { SessionAuth } from './session-auth';
import { setSessionCookie } from './session-cookie';
import { RedemptionLimiter } from './redemption-limiter';
import type { MeResponseDto } from './sign-in.dto';

/** Ends a live session still tied to `token` (sign-out, or a browser signing in again); false when there was none. */
export async function endSession(auth: SessionAuth, directory: AccessDirectory, clock: Clock, token: string, req: FastifyRequest): Promise<boolean> {
  try {
    const me = await auth.principalOf(token);
    const session = me.session!;
    const outcome = await directory.decide(
      () => ({ kind: 'SignOut', actor: { id: me.sub, role: me.role }, sessionId: session.id, now: clock.now().toISOString() }),
      accessMetaOf(req, me),
    );
    return outcome.events.length > 0;
  } catch (e) {
    // Already ended, expired or forged: there is nothing to end.
    if (e instanceof LedgerError && ['unauthenticated', 'not-found', 'forbidden'].includes(e.kind)) return false;
    throw e;
  }
}

/** The answer of GET /me (and of every sign-in): who the session or token says the caller is. */
export function meOf(p: Principal): MeResponseDto {
  return {
    sub: p.sub,
    name: p.name ?? p.sub,
    role: p.role,
    backlogs: [...p.backlogs],
    signedInWith: p.session?.method ?? 'api-token',
    sessionId: p.session?.id ?? null,
    expiresAt: p.session?.expiresAt ?? p.expiresAt ?? new Date(0).toISOString(),
  };
}

export function assertAdmin(p: Principal): void {
  if (p.role !== 'admin') throw new ForbiddenError('AUTH.ROLE_FORBIDDEN', 'only admins manage invitations and sessions', { role: p.role });
}

/** Metadata of an access decision (public sign-in routes have no principal yet). */
export function accessMetaOf(req: FastifyRequest, actor?: Principal): AccessMeta {
  const given = req.headers['x-correlation-id'];
  const requestId = String(req.id);
  return {
    actor: actor ? { id: actor.sub, role: actor.role } : undefined,
    requestId,
    correlationId: typeof given === 'string' && /^[0-9a-f-]{36}$/i.test(given) ? given.toLowerCase() : requestId,
  };
}

/**
 * Turns a started session into the browser's session: signs its token, sets the HttpOnly cookie, answers who
 * signed in. Also the sign-in routes' brute-force brake (one limiter per process).
 */
@Injectable()
export class SessionIssuer {
  readonly limiter: RedemptionLimiter;

  constructor(
    private readonly auth: SessionAuth,
    private readonly directory: AccessDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly logger: JsonLogger,
  ) {
    this.limiter = new RedemptionLimiter(() => this.clock.now().getTime());
  }

  /** Runs a sign-in attempt under the limiter: refused while the address is over the limit; a 401 counts as a failure. */
  async attempt<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
    try {
      this.limiter.assertAllowed(req.ip);
    } catch (e) {
      this.logger.warn('sign-in refused: too many failed attempts', { requestId: req.id, ip: req.ip, url: req.url });
      throw e;
    }
    try {
      return await run();
    } catch (e) {
      if (e instanceof LedgerError && e.kind === 'unauthenticated') {
        this.limiter.recordFailure(req.ip);
        // For the operator (e.g. fail2ban); never the token.
        this.logger.warn('sign-in failed', { requestId: req.id, ip: req.ip, url: req.url, code: e.code });
      }
      throw e;
    }
  }

  /** A browser has one session: signing in again ends the one its cookie still held (recorded as session.signed-out). */
  private async endPrevious(req: FastifyRequest, current: string): Promise<void> {
    const previous = sessionCookie(req.headers.cookie);
    if (previous === undefined || !SessionTokens.isSession(previous)) return;
    const claims = await this.auth.tokens.verify(previous, this.clock.now()).catch(() => null);
    if (claims && claims.sessionId !== current) await endSession(this.auth, this.directory, this.clock, previous, req);
  }

  async issue(outcome: AccessOutcome, req: FastifyRequest, reply: FastifyReply): Promise<MeResponseDto> {
    const started = outcome.events.find((e): e is SessionStarted & { id: string } => e.type === 'session.started');
    if (!started) throw new Error('a sign-in decision must start a session');
    const s = started.data;
    const now = this.clock.now();
    const token = await this.auth.tokens.sign({ sessionId: s.sessionId, sub: s.userId }, now, new Date(s.expiresAt));
    setSessionCookie(req, reply, token, new Date(s.expiresAt), now);
    await this.endPrevious(req, s.sessionId);
    return meOf({
      sub: s.userId,
      role: s.role,
      backlogs: s.backlogs,
      name: s.name,
      expiresAt: s.expiresAt,
      session: { id: s.sessionId, method: s.method, startedAt: s.startedAt, expiresAt: s.expiresAt },
    });
  }
}
