import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';
import { MetricsListener } from '../../apps/api/src/metrics/metrics-listener';
import { eventually, startReceiver, type Receiver } from '../../apps/api/src/webhooks/testing/receiver';
import { expectProblem, RATIONALE, UNKNOWN_ID } from '../support/fixtures';
import { startLedger, type Ledger } from '../support/ledger';
import { parseExposition, sampleValue, type Sample } from '../support/prometheus';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('GET /metrics after a scripted workload', () => {
  let ledger: Ledger;
  let leader: string;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    ledger = await startLedger({
      env: { LEDGER_METRICS_TOKEN: METRICS_TOKEN, LEDGER_METRICS_PORT: '0', LEDGER_WEBHOOKS_ALLOW_INSECURE: 'true', LEDGER_FORUM_TICK_MS: '0' },
    });
    leader = await ledger.token('product-leader', 'lena');
  });
  afterAll(async () => {
    await ledger.close();
    for (const r of receivers) await r.close();
  });

  const scrape = async (): Promise<Sample[]> => {
    const res = await ledger.request('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(res.text);
  };
  const requests = (s: Sample[], method: string, route: string, status: number) =>
    sampleValue(s, 'ledger_http_request_duration_seconds_count', { method, route, status: String(status) });

  it('counts exactly what was done: requests by route pattern, decisions by type, commits, webhook deliveries, lag', async () => {
    const ok = await startReceiver(() => 200);
    const failing = await startReceiver(() => 500);
    receivers.push(ok, failing);
    const post = (path: string, body: unknown) => ledger.request('POST', path, { token: leader, body });

    const backlog = await post('/backlogs', { name: 'Checkout', productGoal: 'Returning customers pay in one tap' });
    expect(backlog.status).toBe(201);
    const backlogId = backlog.body.id as string;
    for (const url of [ok.url, failing.url]) {
      expect((await post('/webhooks', { url, events: ['item.killed'], backlogIds: [backlogId] })).status).toBe(201);
    }
    const items: string[] = [];
    for (const title of ['One-tap pay', 'Saved cards', 'Guest checkout']) {
      const res = await post(`/backlogs/${backlogId}/items`, { title, kind: 'story', rationale: RATIONALE });
      expect(res.status).toBe(201);
      items.push(res.body.id);
    }
    expect((await post(`/items/${items[2]}/reprioritize`, { toPosition: 1, rationale: RATIONALE })).status).toBe(200);
    expect((await post(`/items/${items[1]}/kill`, { reason: 'Superseded by one-tap pay' })).status).toBe(200);
    expect((await ledger.request('GET', `/items/${items[0]}`, { token: leader })).status).toBe(200);
    expectProblem(await ledger.request('GET', `/items/${UNKNOWN_ID}`, { token: leader }), 404, 'ITEM.NOT_FOUND');
    expectProblem(await ledger.request('GET', `/items/${UNKNOWN_ID}`), 401, 'AUTH.TOKEN_MISSING');
    expectProblem(await ledger.request('GET', `/no/such/route/${UNKNOWN_ID}`), 404, 'ROUTE.NOT_FOUND');
    // The kill reached both webhooks: delivered once, and a failed attempt that will be retried.
    await eventually(() => ok.received.length === 1 && failing.received.length === 1, 10_000, 'both deliveries');

    const store = ledger.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    let s: Sample[] = [];
    await eventually(async () => {
      s = await scrape();
      return sampleValue(s, 'ledger_webhook_deliveries_total', { outcome: 'retry' }) === 1 && sampleValue(s, 'ledger_projection_lag_events', { projection: 'read-model' }) === 0;
    }, 10_000, 'the failed attempt recorded and the read model caught up');

    // HTTP: by route pattern (never the raw URL), method and status.
    expect(requests(s, 'POST', '/backlogs', 201)).toBe(1);
    expect(requests(s, 'POST', '/webhooks', 201)).toBe(2);
    expect(requests(s, 'POST', '/backlogs/:backlogId/items', 201)).toBe(3);
    expect(requests(s, 'POST', '/items/:itemId/reprioritize', 200)).toBe(1);
    expect(requests(s, 'POST', '/items/:itemId/kill', 200)).toBe(1);
    expect(requests(s, 'GET', '/items/:itemId', 200)).toBe(1);
    expect(requests(s, 'GET', '/items/:itemId', 404)).toBe(1);
    expect(requests(s, 'GET', '/items/:itemId', 401)).toBe(1);
    expect(requests(s, 'GET', '(unmatched)', 404)).toBe(1);
    const httpSeries = s.filter((x) => x.name.startsWith('ledger_http_request_duration_seconds'));
    expect(httpSeries.filter((x) => UUID.test(x.labels.route ?? ''))).toEqual([]);
    const bucketsOfKill = s.filter((x) => x.name === 'ledger_http_request_duration_seconds_bucket' && x.labels.route === '/items/:itemId/kill');
    expect(bucketsOfKill.find((x) => x.labels.le === '+Inf')?.value).toBe(1);

    // Decisions by type: what the script decided, and exactly the events in the store.
    const decided = { 'backlog.created': 1, 'webhook.registered': 2, 'item.added': 3, 'item.reprioritized': 1, 'item.killed': 1 };
    const inStore: Record<string, number> = {};
    for (const e of await store.readAll({ limit: 10_000 })) inStore[e.type] = (inStore[e.type] ?? 0) + 1;
    expect(inStore).toEqual(decided);
    const counted = Object.fromEntries(s.filter((x) => x.name === 'ledger_decisions_appended_total').map((x) => [x.labels.type, x.value]));
    expect(counted).toEqual(decided);

    // Commits: every event in exactly one commit; each commit timed.
    const commits = sampleValue(s, 'ledger_event_store_events_per_commit_count')!;
    expect(sampleValue(s, 'ledger_event_store_events_per_commit_sum')).toBe(head);
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(head);
    expect(sampleValue(s, 'ledger_event_store_commit_duration_seconds_count')).toBe(commits);
    expect(sampleValue(s, 'ledger_event_store_commit_duration_seconds_sum')).toBeGreaterThan(0);

    // Webhooks by outcome.
    expect(sampleValue(s, 'ledger_webhook_deliveries_total', { outcome: 'delivered' })).toBe(1);
    expect(sampleValue(s, 'ledger_webhook_deliveries_total', { outcome: 'retry' })).toBe(1);
    expect(sampleValue(s, 'ledger_webhook_deliveries_total', { outcome: 'dead' })).toBe(0);

    // Lag of each projection, in events and seconds, against the store's head.
    expect(sampleValue(s, 'ledger_event_store_head_position')).toBe(head);
    for (const projection of ['read-model', 'forum-index', 'webhook-outbox', 'analytics']) {
      const position = sampleValue(s, 'ledger_projection_position', { projection })!;
      expect({ projection, lag: sampleValue(s, 'ledger_projection_lag_events', { projection }) }).toEqual({ projection, lag: head - position });
      expect(sampleValue(s, 'ledger_projection_lag_seconds', { projection })).toBeGreaterThanOrEqual(0);
    }
    expect(sampleValue(s, 'ledger_projection_lag_seconds', { projection: 'read-model' })).toBe(0);

    // Node process metrics.
    expect(sampleValue(s, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(s, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(s.some((x) => x.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);

    // A scrape is a request like any other, counted by its route.
    const again = await scrape();
    expect(requests(again, 'GET', '/metrics', 200)).toBe((requests(s, 'GET', '/metrics', 200) ?? 0) + 1);
  }, 60_000);

  it('answers only to the metrics token on the API port, never to a user JWT', async () => {
    expectProblem(await ledger.request('GET', '/metrics'), 401, 'METRICS.TOKEN_MISSING');
    expectProblem(await ledger.request('GET', '/metrics', { token: await ledger.token('admin', 'ada') }), 401, 'METRICS.TOKEN_INVALID');
    expectProblem(await ledger.request('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } }), 401, 'METRICS.TOKEN_INVALID');
  });

  it('serves the same metrics on the separate listener (LEDGER_METRICS_PORT), which serves nothing else', async () => {
    const url = ledger.app.get(MetricsListener).url()!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const withToken = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(withToken.status).toBe(200);
    expect(sampleValue(parseExposition(await withToken.text()), 'ledger_event_store_head_position')).toBeGreaterThan(0);
    // The token is still required there when it is configured.
    const without = await fetch(url);
    expect({ status: without.status, type: without.headers.get('content-type'), code: ((await without.json()) as { code: string }).code }).toEqual({
      status: 401,
      type: 'application/problem+json; charset=utf-8',
      code: 'METRICS.TOKEN_MISSING',
    });
    const other = await fetch(url.replace('/metrics', '/health'));
    expect(other.status).toBe(404);
    expect(((await other.json()) as { code: string }).code).toBe('ROUTE.NOT_FOUND');
  });
});

describe('GET /metrics where it is not enabled, or only on the separate listener', () => {
  it('is 404 METRICS.NOT_ENABLED on the API port by default, and the listener needs no token without one', async () => {
    const plain = await startLedger();
    try {
      const res = expectProblem(await plain.request('GET', '/metrics'), 404, 'METRICS.NOT_ENABLED');
      expect(res.detail).toContain('LEDGER_METRICS_TOKEN');
      expect(plain.app.get(MetricsListener).url()).toBeNull();
    } finally {
      await plain.close();
    }
    const separate = await startLedger({ env: { LEDGER_METRICS_PORT: '0' } });
    try {
      const res = expectProblem(await separate.request('GET', '/metrics'), 404, 'METRICS.NOT_ENABLED');
      expect(res.detail).toContain('metrics listener');
      const scraped = await fetch(separate.app.get(MetricsListener).url()!);
      expect(scraped.status).toBe(200);
      expect(parseExposition(await scraped.text()).some((x) => x.name === 'ledger_event_store_head_position')).toBe(true);
    } finally {
      await separate.close();
    }
  });
});
