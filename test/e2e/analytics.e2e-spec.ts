import { startLedger, type Ledger } from '../support/ledger';

const R = 'Decided in the monthly portfolio review.';
const DAY = 86_400_000;

describe('analytics over HTTP (embedded chDB)', () => {
  let ledger: Ledger;
  let leader: string;
  let backlogId: string;
  let otherBacklog: string;
  const ids: string[] = [];
  let lastPosition = 0;

  const post = async (path: string, body: unknown) => {
    const res = await ledger.request('POST', path, { token: leader, body });
    expect(res.status).toBeLessThan(300);
    lastPosition = res.body.position;
    return res.body;
  };
  const get = (path: string, token = leader) => ledger.request('GET', path, { token });

  beforeAll(async () => {
    ledger = await startLedger();
    leader = await ledger.token('product-leader', 'lena');
    backlogId = (await post('/backlogs', { name: 'Growth', productGoal: 'New users reach value in their first week' })).id;
    otherBacklog = (await post('/backlogs', { name: 'Ops', productGoal: 'Nobody gets paged at night anymore' })).id;
    for (const title of ['Referral program', 'Onboarding tour', 'Pricing page']) {
      ids.push((await post(`/backlogs/${backlogId}/items`, { title, kind: 'initiative', estimate: 5, rationale: R })).id);
    }
    ledger.clock.advance(10 * DAY);
    // A flip-flop: up, then back down within the window.
    await post(`/items/${ids[2]}/reprioritize`, { toPosition: 1, rationale: R });
    ledger.clock.advance(2 * DAY);
    await post(`/items/${ids[2]}/reprioritize`, { toPosition: 3, rationale: R });
    // Progress on one item, a kill on another.
    await post(`/items/${ids[1]}/start`, { rationale: R });
    ledger.clock.advance(100 * DAY);
  });
  afterAll(() => ledger.close());

  it('lists zombies as of now, with reasons, once the projection has reached the last write', async () => {
    const res = await get(`/backlogs/${backlogId}/analytics/zombies?minPosition=${lastPosition}`);
    expect(res.status).toBe(200);
    const zombieIds = res.body.zombies.map((z: { itemId: string }) => z.itemId).sort();
    // Started 100 days ago without delivery counts as stale too (in progress for long).
    expect(zombieIds).toEqual([...ids].sort());
    expect(res.body.count).toBe(3);
    expect(res.body.shareOfOpen).toBe(1);
    const flipFlopped = res.body.zombies.find((z: { itemId: string }) => z.itemId === ids[2]);
    expect(flipFlopped.reasons.timesDeferred).toBe(1);
  });

  it('as of a past instant, nothing was old enough to be a zombie', async () => {
    const at = new Date(ledger.clock.now().getTime() - 95 * DAY).toISOString();
    const res = await get(`/backlogs/${backlogId}/analytics/zombies?at=${encodeURIComponent(at)}`);
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(0);
  });

  it('counts the move back as a reversal', async () => {
    const res = await get(`/backlogs/${backlogId}/analytics/reversals?from=${encodeURIComponent(new Date(ledger.clock.now().getTime() - 200 * DAY).toISOString())}`);
    expect(res.status).toBe(200);
    expect(res.body.reversingDecisions).toBe(1);
    expect(res.body.reversals[0]).toMatchObject({ itemId: ids[2], rule: 'reprioritization-back' });
  });

  it('serves health, influence, trend and the portfolio', async () => {
    expect((await get(`/backlogs/${backlogId}/analytics/health`)).status).toBe(200);
    expect((await get(`/backlogs/${backlogId}/analytics/influence`)).status).toBe(200);
    const trend = await get(`/backlogs/${backlogId}/analytics/trend?metric=zombies&from=${encodeURIComponent(new Date(ledger.clock.now().getTime() - 28 * DAY).toISOString())}`);
    expect(trend.status).toBe(200);
    expect(trend.body.points).toHaveLength(4);
    expect(trend.body.points[3].count).toBe(3);
    const portfolio = await get('/analytics/portfolio');
    expect(portfolio.status).toBe(200);
    expect(portfolio.body.backlogs.map((b: { backlogId: string }) => b.backlogId).sort()).toEqual([backlogId, otherBacklog].sort());
    // Each row names its backlog.
    const named = Object.fromEntries(portfolio.body.backlogs.map((b: { backlogId: string; name: string }) => [b.backlogId, b.name]));
    expect(named).toEqual({ [backlogId]: 'Growth', [otherBacklog]: 'Ops' });
    const owner = await ledger.token('product-owner', 'olga', [otherBacklog]);
    const scoped = await get('/analytics/portfolio', owner);
    expect(scoped.body.backlogs.map((b: { backlogId: string }) => b.backlogId)).toEqual([otherBacklog]);
    const health = await get('/health');
    expect(health.body.analytics.lagEvents).toBe(0);
  });

  it('answers bad input with problem+json and refuses other owners', async () => {
    const bad = async (path: string, status: number, code: string, token = leader) => {
      const res = await get(path, token);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
      return res;
    };
    await bad(`/backlogs/${backlogId}/analytics/zombies?at=yesterday`, 400, 'VALIDATION.FAILED');
    await bad(`/backlogs/${backlogId}/analytics/reversals?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z`, 400, 'VALIDATION.FAILED');
    await bad(`/backlogs/${backlogId}/analytics/reversals?from=1990-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`, 400, 'VALIDATION.FAILED');
    await bad(`/backlogs/${backlogId}/analytics/trend?metric=velocity`, 400, 'VALIDATION.FAILED');
    await bad(`/backlogs/${backlogId}/analytics/zombies?unknown=1`, 400, 'VALIDATION.FAILED');
    await bad(`/backlogs/00000000-0000-4000-8000-000000000001/analytics/zombies`, 404, 'BACKLOG.NOT_FOUND');
    await bad(`/backlogs/${backlogId}/analytics/zombies`, 403, 'AUTH.BACKLOG_NOT_IN_SCOPE', await ledger.token('product-owner', 'olga', [otherBacklog]));
    await bad(`/backlogs/${backlogId}/analytics/zombies?minPosition=999999`, 422, 'ANALYTICS.POSITION_NOT_WRITTEN');
    // SQL stays out of filters: a quote in a parameter is just a bad date.
    await bad(`/backlogs/${backlogId}/analytics/zombies?at=${encodeURIComponent("2026-01-01' OR 1=1 --")}`, 400, 'VALIDATION.FAILED');
  });
});
