import { startLedger, type Ledger } from '../support/ledger';
import { expectProblem, expectValidationError, RATIONALE, UNKNOWN_ID } from '../support/fixtures';

const DAY = 86_400_000;

/**
 * GET /escalations: a stakeholder's "my escalations", an owner's escalations by backlog, with the decision each
 * challenges and how it was resolved (by whom, when, and the change an overturn caused); paged and validated.
 */
describe('GET /escalations', () => {
  let ledger: Ledger;
  let lena: string; // product leader
  let sam: string; // stakeholder
  let carla: string; // stakeholder
  let olga: string; // product owner of A
  const A = { id: '', items: [] as string[] };
  const B = { id: '', items: [] as string[] };
  const esc = { samI3: '', carlaI2: '', carlaI1: '', samJ1: '' };
  let moveEventId = '';
  let killEventId = '';

  const post = async (path: string, body: unknown, token = lena) => {
    const res = await ledger.request('POST', path, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const get = (path: string, token = lena) => ledger.request('GET', path, { token });
  const escalate = async (itemId: string, againstEventId: string, token: string, extra: Record<string, unknown> = {}) =>
    (await post(`/items/${itemId}/escalations`, { againstEventId, wanted: 'Put it back where it was ranked', reason: 'Our renewal depends on it shipping soon.', ...extra }, token))
      .escalationId as string;
  const idsOf = (res: { body: { escalations: { escalationId: string }[] } }) => res.body.escalations.map((e) => e.escalationId);

  beforeAll(async () => {
    ledger = await startLedger();
    lena = await ledger.token('product-leader', 'lena');
    sam = await ledger.token('stakeholder', 'sam');
    carla = await ledger.token('stakeholder', 'carla');
    A.id = (await post('/backlogs', { name: 'Checkout', productGoal: 'Returning customers pay in one tap' })).id;
    B.id = (await post('/backlogs', { name: 'Search', productGoal: 'People find what they came for' })).id;
    olga = await ledger.token('product-owner', 'olga', [A.id]);
    const addedEvents: string[] = [];
    for (const title of ['Saved cards', 'Crypto checkout', 'One-tap pay']) {
      const r = await post(`/backlogs/${A.id}/items`, { title, kind: 'initiative', rationale: RATIONALE });
      A.items.push(r.id);
      addedEvents.push(r.eventIds[0]);
    }
    const j1 = await post(`/backlogs/${B.id}/items`, { title: 'Typo tolerance', kind: 'story', rationale: RATIONALE });
    B.items.push(j1.id);

    ledger.clock.advance(DAY);
    moveEventId = (await post(`/items/${A.items[2]}/reprioritize`, { toPosition: 1, rationale: RATIONALE })).eventIds[0];
    killEventId = (await post(`/items/${A.items[1]}/kill`, { reason: 'No merchant asked for it in a year' })).eventIds[0];
    ledger.clock.advance(DAY);
    esc.samI3 = await escalate(A.items[2], moveEventId, sam, { addressedTo: 'Lena' });
    esc.carlaI2 = await escalate(A.items[1], killEventId, carla);
    esc.carlaI1 = await escalate(A.items[0], addedEvents[0], carla);
    esc.samJ1 = await escalate(B.items[0], j1.eventIds[0], sam);
    ledger.clock.advance(DAY);
    await post(`/items/${A.items[2]}/escalations/${esc.samI3}/resolve`, { outcome: 'overturned', rationale: 'The renewal outweighs the move.' });
    await post(`/items/${A.items[1]}/escalations/${esc.carlaI2}/resolve`, { outcome: 'upheld', rationale: 'The kill stands: no usage at all.' });
  });
  afterAll(() => ledger.close());

  it("a stakeholder sees their own escalations, newest first: the decision challenged, what they want, the resolution and the change it caused", async () => {
    const res = await get('/escalations', sam);
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([esc.samJ1, esc.samI3]);
    expect(res.body.nextCursor).toBeNull();
    const overturned = res.body.escalations[1];
    expect(overturned).toEqual({
      escalationId: esc.samI3,
      status: 'overturned',
      itemId: A.items[2],
      itemTitle: 'One-tap pay',
      backlogId: A.id,
      backlogName: 'Checkout',
      eventId: expect.any(String),
      raisedBy: { id: 'sam', role: 'stakeholder' },
      raisedAt: '2026-01-07T09:00:00.000Z',
      against: {
        eventId: moveEventId,
        type: 'item.reprioritized',
        decision: 'reprioritized',
        actor: { id: 'lena', role: 'product-leader' },
        at: '2026-01-06T09:00:00.000Z',
        fromPosition: 3,
        toPosition: 1,
      },
      wanted: 'Put it back where it was ranked',
      reason: 'Our renewal depends on it shipping soon.',
      addressedTo: 'Lena',
      resolution: {
        outcome: 'overturned',
        eventId: expect.any(String),
        by: { id: 'lena', role: 'product-leader' },
        at: '2026-01-08T09:00:00.000Z',
        rationale: 'The renewal outweighs the move.',
        // Overturning a move returns the item where it was before it (3rd of 3; 2nd of 2 since the kill).
        change: { eventId: expect.any(String), type: 'item.reprioritized', decision: 'reprioritized', fromPosition: 1, toPosition: 2 },
      },
    });
    // The change is the decision the item's history shows as caused by the resolution.
    const history = (await get(`/items/${A.items[2]}/history`)).body.entries;
    const resolved = history.find((e: { eventId: string }) => e.eventId === overturned.resolution.eventId);
    expect(resolved.ledTo.map((r: { eventId: string }) => r.eventId)).toEqual([overturned.resolution.change.eventId]);
    expect(res.body.escalations[0]).toMatchObject({ status: 'open', resolution: null, backlogName: 'Search', against: { type: 'item.added', toPosition: 1 } });
    // GET /items/:id names who raised each escalation too.
    expect((await get(`/items/${A.items[2]}`)).body.escalations).toEqual([expect.objectContaining({ escalationId: esc.samI3, raisedBy: 'sam', status: 'overturned' })]);
  });

  it("an upheld escalation has a resolution without a change; ?raisedBy= of someone else is refused to a stakeholder", async () => {
    const mine = await get('/escalations?raisedBy=carla', carla);
    expect(idsOf(mine)).toEqual([esc.carlaI1, esc.carlaI2]);
    expect(mine.body.escalations[1].resolution).toMatchObject({ outcome: 'upheld', by: { id: 'lena' }, change: null });
    expect(mine.body.escalations[1].against).toMatchObject({ eventId: killEventId, type: 'item.killed', decision: 'killed', fromPosition: 3, toPosition: null });
    expectProblem(await get('/escalations?raisedBy=carla', sam), 403, 'AUTH.NOT_YOUR_ESCALATIONS');
  });

  it("an owner sees their backlogs' escalations, filtered by status; another backlog is refused", async () => {
    expect(idsOf(await get('/escalations', olga))).toEqual([esc.carlaI1, esc.carlaI2, esc.samI3]);
    expect(idsOf(await get('/escalations?status=open', olga))).toEqual([esc.carlaI1]);
    expect(idsOf(await get(`/escalations?backlogId=${A.id}&status=upheld`, olga))).toEqual([esc.carlaI2]);
    expect(idsOf(await get('/escalations?raisedBy=sam', olga))).toEqual([esc.samI3]);
    expectProblem(await get(`/escalations?backlogId=${B.id}`, olga), 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
    expect(idsOf(await get('/escalations', await ledger.token('product-owner', 'nobody', [])))).toEqual([]);
    // A stakeholder limited to one backlog sees their own there only.
    expect(idsOf(await get('/escalations', await ledger.token('stakeholder', 'sam', [B.id])))).toEqual([esc.samJ1]);
  });

  it('leaders and auditors see every escalation, and can filter by backlog, person and status', async () => {
    const all = await get('/escalations');
    expect(idsOf(all)).toEqual([esc.samJ1, esc.carlaI1, esc.carlaI2, esc.samI3]);
    expect(idsOf(await get('/escalations?status=open'))).toEqual([esc.samJ1, esc.carlaI1]);
    expect(idsOf(await get(`/escalations?backlogId=${B.id}`, await ledger.token('auditor', 'audrey')))).toEqual([esc.samJ1]);
    expect(idsOf(await get('/escalations?status=overturned&raisedBy=sam'))).toEqual([esc.samI3]);
    expect(idsOf(await get('/escalations?raisedBy=someone-else'))).toEqual([]);
  });

  it('pages with limit and cursor: every escalation once, in order, then a null cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res = await get(`/escalations?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.limit).toBe(1);
      seen.push(...idsOf(res));
      cursor = res.body.nextCursor;
      if (cursor === null) break;
    }
    expect(seen).toEqual([esc.samJ1, esc.carlaI1, esc.carlaI2, esc.samI3]);
    const pageOfThree = await get('/escalations?limit=3');
    expect(idsOf(pageOfThree)).toHaveLength(3);
    expect(idsOf(await get(`/escalations?limit=3&cursor=${pageOfThree.body.nextCursor}`))).toEqual([esc.samI3]);
  });

  it('refuses bad query parameters with 400 problems naming the field', async () => {
    for (const [query, field] of [
      ['status=closed', 'status'],
      ['status=open&status=upheld', 'status'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['cursor=abc', 'cursor'],
      ['cursor=0', 'cursor'],
      ['cursor=-5', 'cursor'],
      ['cursor=1&cursor=2', 'cursor'],
      ['backlogId=not-a-uuid', 'backlogId'],
      ['raisedBy=', 'raisedBy'],
      [`raisedBy=${'x'.repeat(201)}`, 'raisedBy'],
      ['sort=newest', 'sort'],
    ]) {
      expectValidationError(await get(`/escalations?${query}`), field);
    }
    expectProblem(await get(`/escalations?backlogId=${UNKNOWN_ID}`), 404, 'BACKLOG.NOT_FOUND');
    expectProblem(await ledger.request('GET', '/escalations'), 401, 'AUTH.TOKEN_MISSING');
  });
});
