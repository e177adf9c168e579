import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

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
 * The security headers (a CSP without inline scripts or styles, frame-ancestors 'none', nosniff) come from the
 * hook every response passes (http/security-headers.ts, ADR 0023).
 */
export const WEB_PREFIX = '/app';

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
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
