import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';
import { SessionAuth } from '../sign-in/session-auth';

export const IS_PUBLIC = 'ledger:public';
export const Public = () => SetMetadata(IS_PUBLIC, true);

type AuthedRequest = FastifyRequest & { principal?: Principal };

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: SessionAuth,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    req.principal = await authenticate(req, this.auth);
    return true;
  }
}

const VERIFIED = Symbol('ledger.verifiedPrincipal');

/**
 * The caller's principal, from the bearer token or (the web app) the session cookie; rejects like
 * SessionAuth.authenticate. Verified once per request: the rate limiter (keyed by principal) asks first, the guard
 * reuses it.
 */
export function authenticate(req: FastifyRequest, auth: SessionAuth): Promise<Principal> {
  const r = req as FastifyRequest & { [VERIFIED]?: Promise<Principal> };
  if (r[VERIFIED] === undefined) {
    // The web app's session travels in an HttpOnly cookie; API clients send a bearer token.
    const session = req.headers.authorization === undefined ? sessionCookie(req.headers.cookie) : undefined;
    r[VERIFIED] = auth.authenticate(session !== undefined ? `Bearer ${session}` : req.headers.authorization);
    r[VERIFIED].catch(() => undefined); // a rejection is handled by whoever awaits it (the guard answers 401)
  }
  return r[VERIFIED];
}

/** The cookie the web app's session token travels in (HttpOnly, SameSite=Strict, Path=/). */
export const SESSION_COOKIE = 'ledger_session';

export function sessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** The authenticated caller; only set by AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw new Error('CurrentPrincipal used on a public route');
  return req.principal;
});
