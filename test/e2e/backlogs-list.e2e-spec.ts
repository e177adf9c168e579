import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startLedger, type Ledger } from '../support/ledger';
import { expectProblem, RATIONALE } from '../support/fixtures';

const DAY = 86_400_000;

/** GET /backlogs: the backlogs the caller may read, with goal, owners and item counts, from the read model. */
describe('GET /backlogs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-backlogs-e2e-'));
  let ledger: Ledger;
  let lena: string;
  const ids = { checkout: '', search: '', zeta: '' };
  const items: string[] = [];

  const post = async (path: string, body: unknown, token = lena) => {
    const res = await ledger.request('POST', path, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const list = async (token: string) => {
    const res = await ledger.request('GET', '/backlogs', { token });
    expect(res.status).toBe(200);
    return res.body.backlogs as { id: string; name: string; owners: { id: string; role: string; since: string }[]; counts: Record<string, number> }[];
  };
  const names = async (token: string) => (await list(token)).map((b) => b.name);

  beforeAll(async () => {
    ledger = await startLedger({ dataDir, keepData: true });
    lena = await ledger.token('product-leader', 'lena');
    const admin = await ledger.token('admin', 'ada');
    ids.zeta = (await post('/backlogs', { name: 'zeta platform', productGoal: 'Every team deploys on its own' }, admin)).id;
    ids.checkout = (await post('/backlogs', { name: 'Checkout', productGoal: 'Returning customers pay in one tap' })).id;
    ids.search = (await post('/backlogs', { name: 'Search', productGoal: 'People find what they came for' })).id;
    for (const title of ['Saved cards', 'Crypto checkout', 'One-tap pay', 'Invoices', 'Gift cards', 'Split payments']) {
      items.push((await post(`/backlogs/${ids.checkout}/items`, { title, kind: 'initiative', estimate: 3, rationale: RATIONALE })).id);
    }
    ledger.clock.advance(DAY);
    const olga = await ledger.token('product-owner', 'olga', [ids.checkout]);
    items.push((await post(`/backlogs/${ids.checkout}/items`, { title: 'Receipts by mail', kind: 'story', rationale: RATIONALE }, olga)).id);
    await post(`/items/${items[1]}/kill`, { reason: 'No merchant asked for it in a year' });
    await post(`/items/${items[2]}/start`, { rationale: RATIONALE }, olga);
    await post(`/items/${items[3]}/start`, { rationale: RATIONALE });
    await post(`/items/${items[3]}/deliver`, { rationale: RATIONALE });
    await post(`/items/${items[4]}/anti-backlog`, { reason: 'Gift cards are not our business this year' });
    const added = (await ledger.request('GET', `/items/${items[0]}/history`, { token: lena })).body.entries[0].eventId;
    await post(`/items/${items[0]}/escalations`, { againstEventId: added, wanted: 'Rank it first this quarter', reason: 'Our biggest account needs it now.' }, await ledger.token('stakeholder', 'sam'));
    await post(`/backlogs/${ids.checkout}/product-goal`, { productGoal: 'Every customer pays in one tap', rationale: RATIONALE });
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every backlog for leaders, by name, with goal, creator, owners, item counts and revision', async () => {
    const backlogs = await list(lena);
    expect(backlogs.map((b) => b.name)).toEqual(['Checkout', 'Search', 'zeta platform']);
    const checkout = backlogs[0];
    expect(checkout).toEqual({
      id: ids.checkout,
      name: 'Checkout',
      productGoal: 'Every customer pays in one tap',
      createdAt: '2026-01-05T09:00:00.000Z',
      createdBy: { id: 'lena', role: 'product-leader' },
      // The creator, then the product owners who decided on it, in the order they first did.
      owners: [
        { id: 'lena', role: 'product-leader', since: '2026-01-05T09:00:00.000Z' },
        { id: 'olga', role: 'product-owner', since: '2026-01-06T09:00:00.000Z' },
      ],
      counts: { ranked: 4, open: 3, inProgress: 1, delivered: 1, killed: 1, antiBacklog: 1, total: 7, openEscalations: 1 },
      revision: 1,
    });
    // The revision is the backlog's ETag, as GET /backlogs/:id gives it.
    expect((await ledger.request('GET', `/backlogs/${ids.checkout}`, { token: lena })).headers.get('etag')).toBe('"1"');
    expect(backlogs[2]).toMatchObject({ createdBy: { id: 'ada', role: 'admin' }, owners: [{ id: 'ada', role: 'admin' }] });
    expect(backlogs[1].counts).toEqual({ ranked: 0, open: 0, inProgress: 0, delivered: 0, killed: 0, antiBacklog: 0, total: 0, openEscalations: 0 });
  });

  it('counts follow each item as it changes status (a revival leaves the killed count)', async () => {
    await post(`/items/${items[1]}/revive`, { rationale: RATIONALE });
    const [checkout] = await list(lena);
    expect(checkout.counts).toMatchObject({ ranked: 5, open: 4, killed: 0, total: 7 });
  });

  it('shows each role only the backlogs it may read', async () => {
    const all = ['Checkout', 'Search', 'zeta platform'];
    expect(await names(await ledger.token('auditor', 'audrey'))).toEqual(all);
    expect(await names(await ledger.token('forum-member', 'mia'))).toEqual(all);
    expect(await names(await ledger.token('stakeholder', 'sam'))).toEqual(all);
    expect(await names(await ledger.token('stakeholder', 'sam', [ids.search]))).toEqual(['Search']);
    expect(await names(await ledger.token('product-owner', 'olga', [ids.checkout, ids.zeta]))).toEqual(['Checkout', 'zeta platform']);
    expect(await names(await ledger.token('product-owner', 'newbie', []))).toEqual([]);
  });

  it('refuses a missing, forged or expired token', async () => {
    expectProblem(await ledger.request('GET', '/backlogs'), 401, 'AUTH.TOKEN_MISSING');
    expectProblem(await ledger.request('GET', '/backlogs', { token: `${lena.slice(0, -4)}AAAA` }), 401, 'AUTH.TOKEN_INVALID');
    const expired = await ledger.token('admin', 'ada', [], { ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) });
    expectProblem(await ledger.request('GET', '/backlogs', { token: expired }), 401, 'AUTH.TOKEN_EXPIRED');
  });

  it('is the same after the read model is rebuilt from the events, and after a read model of an older version', async () => {
    const before = (await ledger.request('GET', '/backlogs', { token: lena })).body;
    const escalations = (await ledger.request('GET', '/escalations', { token: lena })).body;
    const readModel = ledger.config.readModelFile;
    await ledger.close();

    rmSync(readModel);
    ledger = await startLedger({ dataDir, keepData: true });
    expect((await ledger.request('GET', '/backlogs', { token: lena })).body).toEqual(before);
    expect((await ledger.request('GET', '/escalations', { token: lena })).body).toEqual(escalations);
    await ledger.close();

    // A read model written before it had backlogs (version 0): emptied at start and re-projected.
    const db = new Database(readModel);
    db.exec('DROP TABLE backlogs; DROP TABLE item_counts; DROP TABLE escalations');
    db.pragma('user_version = 0');
    db.close();
    ledger = await startLedger({ dataDir, keepData: true });
    expect((await ledger.request('GET', '/backlogs', { token: lena })).body).toEqual(before);
    expect((await ledger.request('GET', '/escalations', { token: lena })).body).toEqual(escalations);
  });
});
