import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/auth.guard';

/** Served over https (directly, or behind a proxy that says so): the cookie is Secure. */
export function isHttps(req: FastifyRequest): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  return req.protocol === 'https' || (typeof forwarded === 'string' && forwarded.split(',')[0].trim() === 'https');
}

/** HttpOnly (scripts never see it), SameSite=Strict (never sent on cross-site requests), whole origin (ADR 0023). */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date, now: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  reply.header(
    'Set-Cookie',
    `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isHttps(req) ? '; Secure' : ''}`,
  );
  reply.header('Cache-Control', 'no-store');
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.header('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${isHttps(req) ? '; Secure' : ''}`);
  reply.header('Cache-Control', 'no-store');
}

/** Where a link sent to a person points: the origin the admin's request came to (through a proxy: the public one). */
export function originOf(req: FastifyRequest, fallback: string): string {
  const forwarded = req.headers['x-forwarded-host'];
  const host = typeof forwarded === 'string' && forwarded !== '' ? forwarded.split(',')[0].trim() : req.headers.host;
  if (typeof host !== 'string' || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return fallback;
  return `${isHttps(req) ? 'https' : 'http'}://${host}`;
}
