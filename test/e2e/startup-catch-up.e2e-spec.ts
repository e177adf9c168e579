import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { appendHistory, generateHistory } from '../../libs/analytics/src/testing/generated-history';
import { expectProblem, RATIONALE } from '../support/fixtures';
import { startLedger, type Ledger } from '../support/ledger';

/**
 * A restart on a store whose read models have not seen its events (ADR 0019): the server listens at once and the
 * read models catch up in the background; a read that needs one waits for it, or answers 503 — never a stale view.
 */
describe('start on a store far ahead of the read models', () => {
  const template = mkdtempSync(join(tmpdir(), 'ledger-behind-'));
  const dirs: string[] = [];
  let history: RecordedEvent[];
  let head: number;
  let backlogId: string;
  let ledger: Ledger | undefined;

  beforeAll(async () => {
    history = generateHistory({ events: 40_000, backlogs: 3, seed: 19 });
    const store = SqliteEventStore.open({ file: join(template, 'events.sqlite') });
    head = await appendHistory(store, history, 5_000);
    await store.close();
    backlogId = (history.find((e) => e.type === 'backlog.created')!.data as { backlogId: string }).backlogId;
  }, 120_000);
  afterEach(async () => {
    await ledger?.close();
    ledger = undefined;
  });
  afterAll(() => {
    for (const dir of [template, ...dirs]) rmSync(dir, { recursive: true, force: true });
  });

  /** The app on a copy of the seeded store: no read model, forum index, webhook outbox or analytics yet. */
  async function startBehind(env: Record<string, string> = {}): Promise<Ledger> {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-behind-'));
    dirs.push(dataDir);
    copyFileSync(join(template, 'events.sqlite'), join(dataDir, 'events.sqlite'));
    ledger = await startLedger({ dataDir, env: { LEDGER_FORUM_TICK_MS: '0', ...env } });
    return ledger;
  }

  /** Items of the backlog that are open or in progress at the end of the seeded history. */
  function rankedInHistory(): number {
    const ranked = new Map<string, boolean>();
    for (const e of history) {
      const d = e.data as { backlogId?: string; itemId?: string };
      if (d.backlogId !== backlogId || !d.itemId) continue;
      if (['item.added', 'item.revived', 'item.started'].includes(e.type)) ranked.set(d.itemId, true);
      if (['item.killed', 'item.delivered', 'item.moved-to-anti-backlog'].includes(e.type)) ranked.set(d.itemId, false);
    }
    return [...ranked.values()].filter(Boolean).length;
  }

  it('listens at once, reports each read model\'s lag on /health, and catches up in the background', async () => {
    const app = await startBehind();

    const first = await app.request('GET', '/health');
    expect(first.status).toBe(200);
    expect(first.body.eventStore.headPosition).toBe(head);
    // Listening did not wait for the read model.
    expect(first.body.readModel.lagEvents).toBeGreaterThan(0);
    for (const model of ['readModel', 'forums', 'webhooks', 'analytics']) {
      expect(first.body[model].lagEvents).toBe(head - first.body[model].position);
    }

    const positions = [first.body.readModel.position as number];
    let body = first.body;
    const behind = (b: typeof body) => ['readModel', 'forums', 'webhooks', 'analytics'].some((m) => b[m].lagEvents > 0);
    while (behind(body)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const res = await app.request('GET', '/health');
      expect(res.status).toBe(200);
      body = res.body;
      positions.push(body.readModel.position);
    }

    expect(body.readModel).toEqual({ position: head, lagEvents: 0 });
    expect(body.forums).toEqual({ position: head, lagEvents: 0 });
    expect(body.webhooks).toEqual({ position: head, lagEvents: 0 });
    expect(body.analytics).toMatchObject({ position: head, lagEvents: 0 });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, 180_000);

  it('reads that need a read model wait for it: decisions made while it catches up show in the next reads', async () => {
    const app = await startBehind({ LEDGER_READ_WAIT_MS: '60000' });
    const leader = await app.token('product-leader', 'lena');
    expect((await app.request('GET', '/health')).body.readModel.lagEvents).toBeGreaterThan(0);

    // Placing an item at the bottom needs the ranked view: the decision waits for the catch-up, then commits.
    const added = await app.request('POST', `/backlogs/${backlogId}/items`, {
      token: leader,
      body: { title: 'Added while the read model caught up', kind: 'story', rationale: RATIONALE },
    });
    expect(added.status).toBe(201);
    const forum = await app.request('POST', '/forums', { token: leader, body: { name: 'Restart review', backlogIds: [backlogId], rationale: RATIONALE } });
    expect(forum.status).toBe(201);

    // The ranking holds the whole history and the new item, at the bottom.
    const ranked = rankedInHistory();
    const page = await app.request('GET', `/backlogs/${backlogId}/items?offset=${ranked}&limit=5`, { token: leader });
    expect(page.status).toBe(200);
    expect({ total: page.body.total, ids: page.body.items.map((i: { id: string }) => i.id) }).toEqual({ total: ranked + 1, ids: [added.body.id] });
    const audit = await app.request('GET', `/audit/events?itemId=${added.body.id}`, { token: await app.token('auditor', 'audrey') });
    expect(audit.status).toBe(200);
    expect(audit.text.trim().split('\n').map((line) => JSON.parse(line).type)).toEqual(['item.added']);
    // The forum index: the forum of the seeded history, and the one just created.
    const forums = await app.request('GET', '/forums', { token: leader });
    expect(forums.status).toBe(200);
    expect(forums.body.forums.map((f: { id: string }) => f.id)).toContain(forum.body.id);
    const view = await app.request('GET', `/forums/${forum.body.id}`, { token: leader });
    expect(view.status).toBe(200);
    expect(view.body.nextCadenceAt).toEqual(expect.any(String)); // from the forum index's row
  }, 180_000);

  it('answers 503 with Retry-After, not a partial view, when a read model is still behind after LEDGER_READ_WAIT_MS', async () => {
    const app = await startBehind({ LEDGER_READ_WAIT_MS: '0' });
    const leader = await app.token('product-leader', 'lena');

    const forums = await app.request('GET', '/forums', { token: leader });
    expectProblem(forums, 503, 'FORUM.INDEX_BEHIND');
    expect(forums.headers.get('retry-after')).toBe('1');
    const items = await app.request('GET', `/backlogs/${backlogId}/items`, { token: leader });
    expectProblem(items, 503, 'READ_MODEL.BEHIND');
    expect(items.headers.get('retry-after')).toBe('1');
    expect((await app.request('GET', '/health')).body.readModel.lagEvents).toBeGreaterThan(0);
  }, 180_000);
});
