import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookie } from '../auth/auth.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { toProblem } from '../http/problem';

/**
 * The web app (apps/web, built by `npm run build` into apps/web/dist) served by the API process, same origin
 * (ADR 0020). Its routes live under /app/, a prefix no API route uses; `/` redirects there. Plain Fastify routes,
 * not Nest controllers: they are not API operations (no guard, not in the OpenAPI document), and every other
 * path, `/nope` included, still reaches the API's routes and its 404 problem.
 *
 *   /app/assets/*   content-hashed files: cached for a year, immutable
 *   /app/<file.ext> other files of the build (icons): cached for an hour
 *   /app/, /app/*   index.html, never cached, so a deploy is picked up on the next load (the SPA's routes,
 *                   so deep links and reloads work)
 */
export const WEB_PREFIX = '/app';

/**
 * The policy the app is built for: no inline scripts or styles (CSS in files, charts on canvas), API calls to
 * the same origin only, never framed.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = (webDir: string) =>
  [
    'The Backlog Ledger web app has not been built.',
    '',
    'Run `npm run build` (or `npm start`, which builds the API and the web app) and reload this page.',
    `Looked for it in ${webDir} (set LEDGER_WEB_DIR to serve it from elsewhere).`,
    'The API itself is running: its documentation is at /docs.',
    '',
  ].join('\n');

export async function registerWebApp(app: NestFastifyApplication, webDir: string): Promise<void> {
  // serve: false — only reply.sendFile (range, ETag, traversal protection); the routes are below.
  await app.register(fastifyStatic as never, { root: webDir, serve: false });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.get('/', (_req: FastifyRequest, reply: FastifyReply) => reply.redirect(`${WEB_PREFIX}/`, 302));
  fastify.get(WEB_PREFIX, (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.url.indexOf('?');
    return reply.redirect(`${WEB_PREFIX}/${query >= 0 ? req.url.slice(query) : ''}`, 302);
  });
  // Interim, until GET /me (sign-in) lands: who the session cookie says the caller is, for the app's navigation.
  // The app reads it in one place (apps/web/src/app/session.ts); this route goes when that reads /me (ADR 0021).
  const verifier = app.get(TokenVerifier);
  fastify.get(`${WEB_PREFIX}/session`, async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      const cookie = req.headers.authorization === undefined ? sessionCookie(req.headers.cookie) : undefined;
      const p = await verifier.verify(cookie !== undefined ? `Bearer ${cookie}` : req.headers.authorization);
      return { sub: p.sub, role: p.role, backlogs: p.backlogs };
    } catch (err) {
      const { problem } = toProblem(err);
      return reply.status(problem.status).type('application/problem+json').send({ ...problem, instance: req.url });
    }
  });
  fastify.get(`${WEB_PREFIX}/*`, async (req: FastifyRequest, reply: FastifyReply) => {
    const path = (req.params as { '*': string })['*'];
    if (path.startsWith('assets/')) {
      return reply.sendFile(path, webDir, { immutable: true, maxAge: '365d', cacheControl: true });
    }
    if (extname(path) !== '' && !path.includes('/')) {
      return reply.sendFile(path, webDir, { maxAge: '1h', cacheControl: true });
    }
    let html: string;
    try {
      html = await readFile(`${webDir}/index.html`, 'utf8');
    } catch {
      return reply.status(503).header('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(NOT_BUILT(webDir));
    }
    return reply
      .header('Cache-Control', 'no-cache')
      .header('Content-Security-Policy', WEB_APP_CSP)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
