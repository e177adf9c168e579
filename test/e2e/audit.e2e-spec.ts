import Database from 'better-sqlite3';
import { sqliteEventsFile, startLedger, type Ledger } from '../support/ledger';

const R = 'Decided in the weekly product review.';

describe('audit: as-of reconstruction, export, tamper detection', () => {
  let ledger: Ledger;
  let leader: string;
  let auditor: string;
  let backlogId: string;
  const ids: Record<string, string> = {};
  const instants: Record<string, string> = {};

  const post = (path: string, body: unknown) => ledger.request('POST', path, { token: leader, body });
  const rankingAt = async (at?: string) => {
    const res = await ledger.request('GET', `/backlogs/${backlogId}/items${at ? `?at=${encodeURIComponent(at)}` : ''}`, { token: auditor });
    expect(res.status).toBe(200);
    return res.body.items.map((i: { title: string }) => i.title);
  };

  /** A scripted history, one decision per simulated day. */
  beforeAll(async () => {
    ledger = await startLedger();
    leader = await ledger.token('product-leader', 'lena');
    auditor = await ledger.token('auditor', 'audrey');
    const day = () => ledger.clock.advance(24 * 3600 * 1000);
    const mark = (label: string) => {
      instants[label] = ledger.clock.now().toISOString();
    };

    backlogId = (await post('/backlogs', { name: 'Mobile', productGoal: 'Mobile users finish onboarding on day one' })).body.id;
    day();
    for (const t of ['A', 'B', 'C']) ids[t] = (await post(`/backlogs/${backlogId}/items`, { title: t, kind: 'story', rationale: R })).body.id;
    mark('three-added'); // A B C
    day();
    await post(`/items/${ids.C}/reprioritize`, { toPosition: 1, rationale: R });
    mark('c-on-top'); // C A B
    day();
    await post(`/items/${ids.A}/kill`, { reason: 'Superseded by the new onboarding flow.' });
    mark('a-killed'); // C B
    day();
    ids.D = (await post(`/backlogs/${backlogId}/items`, { title: 'D', kind: 'bug', toPosition: 2, rationale: R })).body.id;
    mark('d-added'); // C D B
    day();
    await post(`/items/${ids.A}/revive`, { rationale: 'The new flow slipped a quarter.', toPosition: 1 });
    await post(`/items/${ids.B}/anti-backlog`, { reason: 'Not in line with the product goal.' });
    mark('a-revived'); // A C D
    day();
  });
  afterAll(() => ledger.close());

  it('reconstructs the ranked backlog as it stood at each instant', async () => {
    const before = new Date(new Date(instants['three-added']).getTime() - 3600_000).toISOString();
    expect(await rankingAt(before)).toEqual([]);
    expect(await rankingAt(instants['three-added'])).toEqual(['A', 'B', 'C']);
    expect(await rankingAt(instants['c-on-top'])).toEqual(['C', 'A', 'B']);
    expect(await rankingAt(instants['a-killed'])).toEqual(['C', 'B']);
    expect(await rankingAt(instants['d-added'])).toEqual(['C', 'D', 'B']);
    expect(await rankingAt(instants['a-revived'])).toEqual(['A', 'C', 'D']);
    expect(await rankingAt()).toEqual(['A', 'C', 'D']);
  });

  it('lists the items that left the ranking by status (the web app tabs), now and as they stood at an instant', async () => {
    const list = async (status: string, at?: string) => {
      const res = await ledger.request('GET', `/backlogs/${backlogId}/items?status=${status}${at ? `&at=${encodeURIComponent(at)}` : ''}`, { token: auditor });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(status);
      expect(res.body.total).toBe(res.body.items.length);
      for (const i of res.body.items) expect(i).toMatchObject({ position: null, rank: null, status });
      return res.body.items.map((i: { title: string }) => i.title);
    };
    expect(await list('killed', instants['a-killed'])).toEqual(['A']);
    expect(await list('killed', instants['a-revived'])).toEqual([]);
    expect(await list('killed')).toEqual([]);
    expect(await list('anti-backlog', instants['d-added'])).toEqual([]);
    expect(await list('anti-backlog')).toEqual(['B']);
    expect(await list('delivered')).toEqual([]);
    const bad = await ledger.request('GET', `/backlogs/${backlogId}/items?status=open`, { token: auditor });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'status', code: 'isIn' });
  });

  it('exports the log as NDJSON in global order, filtered, paged by position', async () => {
    const res = await ledger.request('GET', `/audit/events?backlogId=${backlogId}`, { token: auditor, headers: { accept: 'application/x-ndjson' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const events = res.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).toEqual([
      'backlog.created',
      'item.added',
      'item.added',
      'item.added',
      'item.reprioritized',
      'item.killed',
      'item.added',
      'item.revived',
      'item.moved-to-anti-backlog',
    ]);
    const positions = events.map((e) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(events[5]).toMatchObject({ metadata: { actor: { id: 'lena', role: 'product-leader' } }, data: { reason: 'Superseded by the new onboarding flow.' } });
    expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);

    const page1 = await ledger.request('GET', `/audit/events?backlogId=${backlogId}&limit=4`, { token: auditor });
    const next = page1.headers.get('x-next-after');
    expect(next).toBe(String(positions[3]));
    const page2 = await ledger.request('GET', `/audit/events?backlogId=${backlogId}&limit=4&after=${next}`, { token: auditor });
    expect(page2.text.trim().split('\n').map((l) => JSON.parse(l).position)).toEqual(positions.slice(4, 8));

    const kills = await ledger.request('GET', `/audit/events?type=item.killed&itemId=${ids.A}&actor=lena`, { token: auditor });
    expect(kills.text.trim().split('\n')).toHaveLength(1);
    const window = await ledger.request('GET', `/audit/events?backlogId=${backlogId}&from=${encodeURIComponent(instants['c-on-top'])}&to=${encodeURIComponent(instants['d-added'])}`, { token: auditor });
    expect(window.text.trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['item.reprioritized', 'item.killed']);
  });

  it('exports CSV on Accept: text/csv with a header row and quoted rationale', async () => {
    const res = await ledger.request('GET', `/audit/events?backlogId=${backlogId}&type=item.killed`, { token: auditor, headers: { accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const [header, row, ...rest] = res.text.split('\r\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['position', 'type', 'actorId', 'actorRole', 'rationale', 'hash']));
    expect(row).toContain('item.killed');
    expect(row).toContain('Superseded by the new onboarding flow.');
    expect(rest.filter(Boolean)).toEqual([]);
  });

  it('verifies every chain, then pinpoints a row altered directly in the SQLite file', async () => {
    const clean = await ledger.request('GET', '/audit/verify', { token: auditor });
    expect(clean.status).toBe(200);
    expect(clean.body).toMatchObject({ ok: true, firstBreak: null });
    expect(clean.body.streamsChecked).toBe(5);
    expect(clean.body.eventsChecked).toBe(9);

    const db = new Database(sqliteEventsFile(ledger.config));
    const target = db.prepare("SELECT position, stream_id, revision, data FROM events WHERE type = 'item.killed'").get() as {
      position: number;
      stream_id: string;
      revision: number;
      data: string;
    };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(target.data.replace('Superseded', 'Cancelled'), target.position);
    db.close();

    const tampered = await ledger.request('GET', '/audit/verify', { token: auditor });
    expect(tampered.status).toBe(200);
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.firstBreak).toMatchObject({ streamId: target.stream_id, revision: target.revision, position: target.position, problem: 'hash-mismatch' });
  });

  // Writes an estimate: last, so the export and verification counts above stay as scripted.
  it('says when each item last progressed: reprioritizations are not progress, an estimate is', async () => {
    const progressOf = async (at?: string) => {
      const res = await ledger.request('GET', `/backlogs/${backlogId}/items${at ? `?at=${encodeURIComponent(at)}` : ''}`, { token: auditor });
      return Object.fromEntries(res.body.items.map((i: { title: string; lastProgressAt: string }) => [i.title, i.lastProgressAt]));
    };
    // C was added on day one and moved to the top on day two: still "added on day one".
    expect((await progressOf())['C']).toBe(instants['three-added']);
    expect((await progressOf(instants['c-on-top']))['C']).toBe(instants['three-added']);
    const estimatedAt = ledger.clock.now().toISOString();
    expect((await post(`/items/${ids.C}/estimate`, { estimate: 5, rationale: R })).status).toBe(200);
    expect((await progressOf())['C']).toBe(estimatedAt);
    expect((await progressOf(instants['a-revived']))['C']).toBe(instants['three-added']);
  });
});
