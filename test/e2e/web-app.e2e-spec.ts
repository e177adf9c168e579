import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedger, type Ledger } from '../support/ledger';

/** The web app served by the API process under /app/ (ADR 0020), from a stand-in build in a temp dir. */
describe('web app serving', () => {
  let ledger: Ledger;
  let webDir: string;
  const INDEX = '<!doctype html><html><head><script type="module" src="/app/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'ledger-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log("app")');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    ledger = await startLedger({ env: { LEDGER_WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(ledger.url + path, { redirect: 'manual', headers });

  it('redirects / and /app to /app/ (keeping the query)', async () => {
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const app = await get('/app?at=2026-01-01T00:00:00Z');
    expect(app.status).toBe(302);
    expect(app.headers.get('location')).toBe('/app/?at=2026-01-01T00:00:00Z');
  });

  it('answers every /app/ route with index.html, never cached, under a CSP without inline scripts or styles', async () => {
    for (const path of ['/app/', '/app/backlogs/0b3c1d2e-0000-4000-8000-000000000000', '/app/items/x/y?at=2026-01-01T00:00:00Z']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('serves hashed assets as immutable for a year, other files for an hour; a missing one is a 404 problem', async () => {
    const asset = await get('/app/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("app")');
    const icon = await get('/app/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
    const missing = await get('/app/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const traversal = await get('/app/assets/..%2f..%2fpackage.json');
    expect(traversal.status).toBeGreaterThanOrEqual(400);
    expect(traversal.headers.get('content-type')).toContain('application/problem+json');
    expect(await traversal.text()).not.toContain('devDependencies');
  });

  it('leaves the API alone: its routes, and the 404 problem of an unknown path', async () => {
    const nope = await get('/nope');
    expect(nope.status).toBe(404);
    expect(nope.headers.get('content-type')).toContain('application/problem+json');
    expect(((await nope.json()) as { code: string }).code).toBe('ROUTE.NOT_FOUND');
    expect((await get('/health')).status).toBe(200);
    const docs = (await (await get('/docs-json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths).filter((p) => p.startsWith('/app') || p === '/')).toEqual([]);
  });
});

describe('web app not built', () => {
  it('answers /app/ with what to run, and the API still works', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ledger-web-none-'));
    const ledger = await startLedger({ env: { LEDGER_WEB_DIR: join(empty, 'dist') } });
    try {
      const res = await fetch(`${ledger.url}/app/backlogs/x`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toContain('Run `npm run build`');
      expect((await fetch(`${ledger.url}/health`)).status).toBe(200);
    } finally {
      await ledger.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
