import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/config';
import { SESSION_COOKIE } from '../auth/auth.guard';
import { isHttps } from '../sign-in/session-cookie';
import { ProblemException } from './problem';

/**
 * The Content-Security-Policy of the app: no inline scripts anywhere; the OpenID provider is the only other origin
 * the web app talks to (discovery, token endpoint). /docs (Swagger UI: external scripts, but inline styles) gets
 * 'unsafe-inline' for styles only.
 */
export function contentSecurityPolicy(config: AppConfig, docs: boolean): string {
  const issuerOrigin = config.oidc ? ` ${new URL(config.oidc.issuer).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    docs ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${issuerOrigin}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Every response of the app carries these (ADR 0023). */
export function securityHeaders(config: AppConfig): (req: FastifyRequest, reply: FastifyReply) => void {
  const app = contentSecurityPolicy(config, false);
  const docs = contentSecurityPolicy(config, true);
  return (req, reply) => {
    const path = req.url.split('?')[0];
    reply.header('Content-Security-Policy', path === '/docs' || path.startsWith('/docs/') ? docs : app);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (isHttps(req)) reply.header('Strict-Transport-Security', 'max-age=31536000');
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF, second line (the first: SameSite=Strict, and JSON-only bodies that a cross-site form cannot send): a
 * state-changing request that rides on the session cookie, or signs in, must come from our own pages. Browsers say
 * where a request comes from in Sec-Fetch-Site (then it must be same-origin, or none for one the person typed);
 * older ones only in Origin (then its host must be the Host, or the X-Forwarded-Host a proxy set; the scheme is not
 * compared, so a TLS-terminating proxy needs no configuration). API clients send neither and are not affected.
 */
export function assertSameOrigin(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const path = req.url.split('?')[0];
  const ridesOnCookie = req.headers.authorization === undefined && (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
  if (!ridesOnCookie && !path.startsWith('/auth/')) return;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site === 'same-origin' || site === 'none') return;
    throw crossOrigin();
  }
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw crossOrigin();
  }
  const forwarded = req.headers['x-forwarded-host'];
  const ours = [req.headers.host, typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : undefined];
  if (origin === 'null' || host === '' || !ours.includes(host)) throw crossOrigin();
}

function crossOrigin(): ProblemException {
  return new ProblemException(403, 'AUTH.CROSS_ORIGIN', 'this request came from another site; the ledger only accepts it from its own pages');
}
