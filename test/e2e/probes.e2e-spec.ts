import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@ledger/event-store';
import { Drain } from '../../apps/api/src/http/drain';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';
import { appendHistory, generateHistory } from '../../libs/analytics/src/testing/generated-history';
import { expectProblem } from '../support/fixtures';
import { startLedger, type Ledger } from '../support/ledger';

/** infra/healthcheck.js, as the containers run it: exit 0 healthy, 1 not. */
/** Runs infra/healthcheck.js as the container would; its exit code. Asynchronous: the app under test shares this event loop. */
function containerHealthcheck(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, '../../infra/healthcheck.js')], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

describe('probes: /health/live and /health/ready', () => {
  let ledger: Ledger | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await ledger?.close();
    ledger = undefined;
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a fresh ledger is live and ready, without a token; /health keeps its detail', async () => {
    ledger = await startLedger();
    const live = await ledger.request('GET', '/health/live');
    expect({ status: live.status, body: live.body }).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await ledger.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      headPosition: 0,
      maxLagEvents: 5000,
      projections: [
        { projection: 'read-model', position: 0, lagEvents: 0, ready: true },
        { projection: 'webhook-outbox', position: 0, lagEvents: 0, ready: true },
        { projection: 'analytics', position: 0, lagEvents: 0, ready: true },
      ],
    });
    const health = await ledger.request('GET', '/health');
    expect(Object.keys(health.body)).toEqual(['status', 'eventStore', 'readModel', 'forums', 'webhooks', 'analytics']);
  });

  it('is not ready while a read model catches up with a store far ahead, then flips to ready; live all along', async () => {
    const template = mkdtempSync(join(tmpdir(), 'ledger-probes-'));
    dirs.push(template);
    const store = SqliteEventStore.open({ file: join(template, 'events.sqlite') });
    const head = await appendHistory(store, generateHistory({ events: 20_000, backlogs: 2, seed: 13 }), 5_000);
    await store.close();
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-probes-'));
    dirs.push(dataDir);
    copyFileSync(join(template, 'events.sqlite'), join(dataDir, 'events.sqlite'));
    ledger = await startLedger({ dataDir, env: { LEDGER_READY_MAX_LAG_EVENTS: '500', LEDGER_FORUM_TICK_MS: '0' } });

    const first = await ledger.request('GET', '/health/ready');
    const problem = expectProblem(first, 503, 'HEALTH.NOT_READY');
    expect(first.headers.get('retry-after')).toBe('1');
    expect(problem.detail).toMatch(/catching up: .*read-model is \d+ events behind/);
    expect(problem.checks).toMatchObject({ eventStore: { reachable: true, headPosition: head }, maxLagEvents: 500 });
    const behind = (problem.checks.projections as { projection: string; lagEvents: number; ready: boolean }[]).filter((p) => !p.ready);
    expect(behind.length).toBeGreaterThan(0);
    for (const p of behind) expect(p.lagEvents).toBeGreaterThan(500);
    expect((await ledger.request('GET', '/health/live')).status).toBe(200);
    // The compose health check (HEALTH_URL=…/health/ready) is unhealthy meanwhile; the image's default (liveness) is not.
    expect(await containerHealthcheck({ HEALTH_URL: `${ledger.url}/health/ready` })).toBe(1);
    expect(await containerHealthcheck({ PORT: new URL(ledger.url).port })).toBe(0);

    const statuses: number[] = [503];
    let ready = first;
    const deadline = Date.now() + 150_000;
    while (ready.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ready = await ledger.request('GET', '/health/ready');
      statuses.push(ready.status);
      expect((await ledger.request('GET', '/health/live')).status).toBe(200);
    }
    expect(ready.status).toBe(200);
    expect(ready.body.headPosition).toBe(head);
    for (const p of ready.body.projections) expect(p.lagEvents).toBeLessThanOrEqual(500);
    // It flipped once: not ready, then ready, never back while nothing new was written.
    const flip = statuses.indexOf(200);
    expect(statuses.slice(0, flip).every((s) => s === 503)).toBe(true);
    expect(statuses.slice(flip).every((s) => s === 200)).toBe(true);
    expect(await containerHealthcheck({ HEALTH_URL: `${ledger.url}/health/ready` })).toBe(0);
  }, 180_000);

  it('is not ready once shutdown has begun, nor when the event store does not answer; still live', async () => {
    ledger = await startLedger();
    ledger.app.get(Drain).beforeApplicationShutdown();
    const draining = expectProblem(await ledger.request('GET', '/health/ready'), 503, 'HEALTH.NOT_READY');
    expect(draining.detail).toContain('shutting down');
    await ledger.close();

    ledger = await startLedger();
    await ledger.app.get<EventStore>(EVENT_STORE).close();
    const unreachable = expectProblem(await ledger.request('GET', '/health/ready'), 503, 'HEALTH.NOT_READY');
    expect(unreachable.detail).toMatch(/^the event store does not answer: /);
    expect(unreachable.checks).toEqual({ eventStore: { reachable: false, error: expect.any(String) } });
    expect((await ledger.request('GET', '/health/live')).status).toBe(200);
  });
});
