import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedger, type Ledger } from '../support/ledger';

/**
 * Two API instances on one data dir (what several API processes are, ADR 0031): each keeps its own cache of
 * folded stream states and its own read-model view, and the store is the only truth. Decisions taken through one
 * instance are seen by the other's next decision; If-Match, concurrent retries and Idempotency-Key hold across them.
 */
const R = 'Decided after the capacity review.';

describe('several API instances on one data dir', () => {
  let dataDir: string;
  let a: Ledger;
  let b: Ledger;
  let owner: string;
  let backlogId: string;
  const items: string[] = [];

  const post = (l: Ledger, path: string, body: unknown, headers: Record<string, string> = {}) => l.request('POST', path, { token: owner, body, headers });
  const history = async (l: Ledger, itemId: string) => (await l.request('GET', `/items/${itemId}/history`, { token: owner })).body.entries as { decision: string; revision: number; data: Record<string, unknown> }[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-instances-'));
    const env = { LEDGER_FORUM_TICK_MS: '0', LEDGER_PROJECTOR: 'external' };
    a = await startLedger({ dataDir, env: { LEDGER_FORUM_TICK_MS: '0' } });
    b = await startLedger({ dataDir, env: { ...env, LEDGER_WEBHOOKS_DISPATCH: 'false' } });
    const leader = await a.token('product-leader', 'lena');
    backlogId = (await a.request('POST', '/backlogs', { token: leader, body: { name: 'Payments', productGoal: 'Payments never block a sale' } })).body.id;
    owner = await a.token('product-owner', 'olga', [backlogId]);
    for (let i = 0; i < 12; i++) items.push((await post(i % 2 ? a : b, `/backlogs/${backlogId}/items`, { title: `item ${i}`, kind: 'story', rationale: R })).body.id);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a decision taken through one instance is the state the other decides on next", async () => {
    const item = items[0];
    expect((await post(a, `/items/${item}/reprioritize`, { toPosition: 3, rationale: R })).status).toBe(200); // a has folded it
    expect((await post(b, `/items/${item}/kill`, { reason: 'Out of scope after the pivot.' })).status).toBe(200);
    const refused = await post(a, `/items/${item}/reprioritize`, { toPosition: 1, rationale: R });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ITEM.ALREADY_KILLED');
    expect((await post(a, `/items/${item}/revive`, { toPosition: 1, rationale: R })).status).toBe(200);
    expect((await history(b, item)).map((e) => e.decision)).toEqual(['added', 'reprioritized', 'killed', 'revived']);
  });

  it('If-Match read through one instance is stale on the other once that one has moved the item', async () => {
    const item = items[1];
    const etag = (await a.request('GET', `/items/${item}`, { token: owner })).headers.get('etag')!;
    const moved = await post(b, `/items/${item}/reprioritize`, { toPosition: 10, rationale: R }, { "if-match": etag });
    expect([moved.status, moved.body.code]).toEqual([200, undefined]);
    const stale = await post(a, `/items/${item}/reprioritize`, { toPosition: 5, rationale: R }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION.STALE_REVISION');
  });

  it('concurrent decisions on one item through both instances all land, none lost, revisions gap-free', async () => {
    const item = items[2];
    const results = await Promise.all([3, 5, 8, 13, 21, 34].map((estimate, i) => post(i % 2 ? a : b, `/items/${item}/estimate`, { estimate, rationale: R })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const entries = await history(a, item);
    expect(entries.filter((e) => e.decision === 'estimated').map((e) => e.data.estimate).sort((x, y) => Number(x) - Number(y))).toEqual([3, 5, 8, 13, 21, 34]);
    expect(entries.map((e) => e.revision)).toEqual(entries.map((_, i) => i));
    expect(new Set(results.map((r) => r.body.revision)).size).toBe(6);
  });

  it('an Idempotency-Key retried on the other instance writes nothing more, also when both run at once', async () => {
    const item = items[3];
    const key = 'move-3-to-top';
    const first = await post(a, `/items/${item}/reprioritize`, { toPosition: 1, rationale: R }, { 'idempotency-key': key });
    const retry = await post(b, `/items/${item}/reprioritize`, { toPosition: 1, rationale: R }, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.eventIds).toEqual(first.body.eventIds);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');

    const racer = items[4];
    const both = await Promise.all([a, b].map((l) => post(l, `/items/${racer}/reprioritize`, { toPosition: 2, rationale: R }, { 'idempotency-key': 'race-4' })));
    expect(both.map((r) => [r.status, r.body.code])).toEqual([[200, undefined], [200, undefined]]);
    expect(both[0].body.eventIds).toEqual(both[1].body.eventIds);
    expect((await history(b, racer)).map((e) => e.decision)).toEqual(['added', 'reprioritized']);
    expect((await history(a, item)).map((e) => e.decision)).toEqual(['added', 'reprioritized']);
  });

  it('reads through one instance include what the other just acknowledged (read-your-writes across instances)', async () => {
    for (let i = 0; i < 6; i++) {
      const item = items[6 + i];
      const moved = await post(i % 2 ? a : b, `/items/${item}/reprioritize`, { toPosition: 1, rationale: R });
      expect(moved.status).toBe(200);
      const ranked = await (i % 2 ? b : a).request('GET', `/backlogs/${backlogId}/items?limit=1`, { token: owner });
      expect(ranked.body.items[0].id).toBe(item);
      expect(ranked.body.asOfPosition).toBeGreaterThanOrEqual(moved.body.position);
    }
  });
});
