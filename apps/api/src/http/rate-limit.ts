import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { authenticate } from '../auth/auth.guard';
import type { SessionAuth } from '../sign-in/session-auth';
import type { RateLimitConfig } from '../config/config';
import type { LedgerMetrics, RateLimitTier } from '../metrics/ledger-metrics';
import { isOperationalRoute } from './operational-routes';
import { ProblemException } from './problem';


const TIER = Symbol('ledger.rateLimitTier');
type LimitedRequest = FastifyRequest & { [TIER]?: RateLimitTier };

/** Distinct principals and addresses remembered at once (LRU); an evicted one starts a fresh window. */
const TRACKED_KEYS = 20_000;

/**
 * Rate limits (ADR 0028), fixed windows of `windowMs` counted in this process (@fastify/rate-limit, in-memory):
 * - a request with a valid token counts against its principal (token subject): `perPrincipal` per window;
 * - any other request (no token, a bad one) counts against its client address: `perAddress` per window.
 * Authenticated traffic is never limited by address (many users may share one behind a NAT or proxy).
 * A tier set to 0 is not limited. Over the limit: 429 application/problem+json RATE_LIMIT.EXCEEDED with Retry-After.
 * The token verified here is handed to the AuthGuard, so a request still verifies its token once.
 */
export async function registerRateLimits(app: NestFastifyApplication, limits: RateLimitConfig, auth: SessionAuth, metrics: LedgerMetrics): Promise<void> {
  if (limits.perPrincipal === 0 && limits.perAddress === 0) return;
  const windowSeconds = limits.windowMs / 1000;
  await app.register(rateLimit as never, {
    global: false,
    timeWindow: limits.windowMs,
    cache: TRACKED_KEYS,
    keyGenerator: async (req: FastifyRequest) => {
      const principal = await authenticate(req, auth).catch(() => undefined);
      (req as LimitedRequest)[TIER] = principal ? 'principal' : 'address';
      return principal ? `principal:${principal.sub}` : `address:${req.ip}`;
    },
    allowList: (req: FastifyRequest) => ((req as LimitedRequest)[TIER] === 'principal' ? limits.perPrincipal : limits.perAddress) === 0,
    max: (req: FastifyRequest) => ((req as LimitedRequest)[TIER] === 'principal' ? limits.perPrincipal : limits.perAddress),
    onExceeded: (req: FastifyRequest) => metrics.observeRateLimited((req as LimitedRequest)[TIER] ?? 'address'),
    errorResponseBuilder: (req: FastifyRequest, context: { max: number; ttl: number }) => {
      const tier = (req as LimitedRequest)[TIER] ?? 'address';
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new ProblemException(
        429,
        'RATE_LIMIT.EXCEEDED',
        `more than ${context.max} requests in ${windowSeconds} s from this ${tier === 'principal' ? 'principal (token subject)' : 'client address'}; retry after ${retryAfterSeconds} s`,
        { tier, limit: context.max, windowSeconds, retryAfterSeconds },
      );
    },
  });
  // Attached route by route (not `global`), so the exempt routes carry no limiter hook at all.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance & { rateLimit(): RouteOptions['onRequest'] };
  const limiter = fastify.rateLimit();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (isOperationalRoute(route.url)) return;
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [...existing, limiter as never];
  });
}
