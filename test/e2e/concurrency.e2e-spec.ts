import { startLedger, type Ledger } from '../support/ledger';

const R = 'Decided after the capacity review.';

describe('concurrent decisions never silently overwrite each other', () => {
  let ledger: Ledger;
  let owner: string;
  let backlogId: string;
  const items: string[] = [];

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    ledger.request('POST', path, { token: owner, body, headers });

  beforeAll(async () => {
    ledger = await startLedger();
    const leader = await ledger.token('product-leader', 'lena');
    backlogId = (await ledger.request('POST', '/backlogs', { token: leader, body: { name: 'Payments', productGoal: 'Payments never block a sale' } })).body.id;
    owner = await ledger.token('product-owner', 'olga', [backlogId]);
    for (let i = 0; i < 20; i++) {
      items.push((await post(`/backlogs/${backlogId}/items`, { title: `item ${i}`, kind: 'story', rationale: R })).body.id);
    }
  });
  afterAll(() => ledger.close());

  it('two kills at once: one wins, the other is re-decided on fresh state and refused', async () => {
    const [a, b] = await Promise.all([
      post(`/items/${items[0]}/kill`, { reason: 'Out of scope after the pivot.' }),
      post(`/items/${items[0]}/kill`, { reason: 'Duplicate of the other payment item.' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('ITEM.ALREADY_KILLED');
    const history = (await ledger.request('GET', `/items/${items[0]}/history`, { token: owner })).body.entries;
    expect(history.filter((e: { decision: string }) => e.decision === 'killed')).toHaveLength(1);
  });

  it('two moves with the same If-Match: exactly one lands, the other gets 412', async () => {
    const item = await ledger.request('GET', `/items/${items[5]}`, { token: owner });
    const etag = item.headers.get('etag')!;
    const [a, b] = await Promise.all([
      post(`/items/${items[5]}/reprioritize`, { toPosition: 1, rationale: R }, { 'if-match': etag }),
      post(`/items/${items[5]}/reprioritize`, { toPosition: 2, rationale: R }, { 'if-match': etag }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    expect([a, b].find((r) => r.status === 412)!.body.code).toBe('PRECONDITION.STALE_REVISION');
    const after = await ledger.request('GET', `/items/${items[5]}`, { token: owner });
    expect(after.headers.get('etag')).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
  });

  it('concurrent estimates without If-Match: both recorded, in order, none lost', async () => {
    const results = await Promise.all([3, 5, 8].map((estimate) => post(`/items/${items[6]}/estimate`, { estimate, rationale: R })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const history = (await ledger.request('GET', `/items/${items[6]}/history`, { token: owner })).body.entries;
    const estimates = history.filter((e: { decision: string }) => e.decision === 'estimated');
    expect(estimates).toHaveLength(3);
    expect(estimates.map((e: { data: { estimate: number } }) => e.data.estimate).sort()).toEqual([3, 5, 8]);
    const revisions = history.map((e: { revision: number }) => e.revision);
    expect(revisions).toEqual(revisions.map((_: number, i: number) => i));
  });

  it('moves of many items of one backlog at once all land, each with one event', async () => {
    const movers = items.slice(10, 20);
    const results = await Promise.all(movers.map((id, i) => post(`/items/${id}/reprioritize`, { toPosition: 1 + (i % 3), rationale: R })));
    expect(results.map((r) => r.status)).toEqual(movers.map(() => 200));
    for (const id of movers) {
      const history = (await ledger.request('GET', `/items/${id}/history`, { token: owner })).body.entries;
      expect(history.map((e: { decision: string }) => e.decision)).toEqual(['added', 'reprioritized']);
    }
    const ranked = (await ledger.request('GET', `/backlogs/${backlogId}/items`, { token: owner })).body;
    expect(ranked.total).toBe(19);
    expect(new Set(ranked.items.map((i: { id: string }) => i.id)).size).toBe(19);
    expect(ranked.items.map((i: { position: number }) => i.position)).toEqual(ranked.items.map((_: unknown, i: number) => i + 1));
  });
});
