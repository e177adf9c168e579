import { startLedger, type Ledger } from '../support/ledger';

const R = 'Because the data from the last quarter says so.';

describe('decision ledger over HTTP (embedded SQLite)', () => {
  let ledger: Ledger;
  let leader: string;
  let owner: string;
  let stakeholder: string;
  let backlogId: string;

  beforeAll(async () => {
    ledger = await startLedger();
    leader = await ledger.token('product-leader', 'lena');
  });
  afterAll(() => ledger.close());

  const post = (path: string, body: unknown, token = owner, headers: Record<string, string> = {}) =>
    ledger.request('POST', path, { token, body, headers });
  const get = (path: string, token = owner) => ledger.request('GET', path, { token });
  const ranking = async () => (await get(`/backlogs/${backlogId}/items`)).body.items.map((i: { title: string }) => i.title);
  const addItem = async (title: string, extra: Record<string, unknown> = {}, token = owner) => {
    const res = await post(`/backlogs/${backlogId}/items`, { title, kind: 'story', rationale: R, ...extra }, token);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('creates a backlog (201, Location, ETag) and reads it back', async () => {
    const res = await post('/backlogs', { name: 'Checkout', productGoal: 'Make paying effortless for returning customers' }, leader);
    expect(res.status).toBe(201);
    backlogId = res.body.id;
    expect(res.headers.get('location')).toBe(`/backlogs/${backlogId}`);
    expect(res.headers.get('etag')).toBe('"0"');
    owner = await ledger.token('product-owner', 'olga', [backlogId]);
    stakeholder = await ledger.token('stakeholder', 'sam');
    const read = await get(`/backlogs/${backlogId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: backlogId, name: 'Checkout', rankedItems: 0 });
    expect(read.body.policy.zombieAfterDays).toBe(90);
  });

  it('adds items at the bottom by default and at a requested position', async () => {
    await addItem('A');
    await addItem('B');
    await addItem('C');
    expect(await ranking()).toEqual(['A', 'B', 'C']);
    await addItem('Z', { toPosition: 1 });
    expect(await ranking()).toEqual(['Z', 'A', 'B', 'C']);
  });

  it('reprioritizes by toPosition, before and after, recording positions before and after', async () => {
    const items = (await get(`/backlogs/${backlogId}/items`)).body.items as { id: string; title: string }[];
    const id = (t: string) => items.find((i) => i.title === t)!.id;

    const moved = await post(`/items/${id('C')}/reprioritize`, { toPosition: 1, trigger: 'new-evidence', rationale: R });
    expect(moved.status).toBe(200);
    expect(await ranking()).toEqual(['C', 'Z', 'A', 'B']);

    expect((await post(`/items/${id('Z')}/reprioritize`, { after: id('B'), rationale: R })).status).toBe(200);
    expect(await ranking()).toEqual(['C', 'A', 'B', 'Z']);

    expect((await post(`/items/${id('B')}/reprioritize`, { before: id('C'), rationale: R })).status).toBe(200);
    expect(await ranking()).toEqual(['B', 'C', 'A', 'Z']);

    const history = (await get(`/items/${id('C')}/history`)).body.entries;
    const move = history.find((e: { decision: string }) => e.decision === 'reprioritized');
    expect(move).toMatchObject({
      fromPosition: 4,
      toPosition: 1,
      trigger: 'new-evidence',
      rationale: R,
      actor: { id: 'olga', role: 'product-owner' },
    });
    // Moving one item wrote one event on that item only.
    const zHistory = (await get(`/items/${id('Z')}/history`)).body.entries;
    expect(zHistory.map((e: { decision: string }) => e.decision)).toEqual(['added', 'reprioritized']);
  });

  it('lets a stakeholder request and escalate, never reprioritize; an overturn records the change it causes', async () => {
    const requested = await addItem('Dark mode', { requestedBy: 'someone-else' }, stakeholder);
    const item = await get(`/items/${requested}`);
    expect(item.body.requestedBy).toBe('sam');
    expect(item.body.position).toBe(5);

    const denied = await post(`/items/${requested}/reprioritize`, { toPosition: 1, rationale: R }, stakeholder);
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toContain('application/problem+json');
    expect(denied.body.code).toBe('ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE');

    // The owner pushes it down… the stakeholder escalates that decision.
    const ownerMove = await post(`/items/${requested}/reprioritize`, { toPosition: 5, rationale: R });
    expect(ownerMove.status).toBe(409);
    expect(ownerMove.body.code).toBe('ITEM.NO_CHANGE');
    await post(`/items/${requested}/reprioritize`, { toPosition: 1, rationale: R });
    const downMove = await post(`/items/${requested}/reprioritize`, { toPosition: 4, rationale: R });
    const contested = downMove.body.eventIds[0];

    const esc = await post(`/items/${requested}/escalations`, { againstEventId: contested, wanted: 'Back to the top', reason: 'Three enterprise renewals depend on it.' }, stakeholder);
    expect(esc.status).toBe(201);
    const escalationId = esc.body.escalationId;

    const resolved = await post(`/items/${requested}/escalations/${escalationId}/resolve`, { outcome: 'overturned', rationale: 'Renewals outweigh the roadmap slot this sprint.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.eventIds).toHaveLength(2);
    expect((await get(`/items/${requested}`)).body.position).toBe(1);

    const history = (await get(`/items/${requested}/history`, stakeholder)).body.entries;
    const last = history[history.length - 1];
    expect(last).toMatchObject({ decision: 'reprioritized', trigger: 'escalation', escalationId, fromPosition: 4, toPosition: 1 });
    expect(last.chain.map((c: { decision: string }) => c.decision)).toEqual(['escalated', 'escalation-resolved', 'reprioritized']);
    const resolution = history[history.length - 2];
    expect(resolution.causedBy.eventId).toBe(history.find((e: { decision: string }) => e.decision === 'escalated').eventId);
    expect(resolution.actor).toEqual({ id: 'olga', role: 'product-owner' });

    const again = await post(`/items/${requested}/escalations/${escalationId}/resolve`, { outcome: 'upheld', rationale: R });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ESCALATION.ALREADY_RESOLVED');
  });

  it('kills with a reason, refuses to move a killed item, revives only killed items', async () => {
    const id = await addItem('Legacy export');
    const noReason = await post(`/items/${id}/kill`, { reason: 'meh' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('ITEM.KILL_REASON_REQUIRED');

    expect((await post(`/items/${id}/kill`, { reason: 'Nobody used the export in 6 months.' })).status).toBe(200);
    const item = await get(`/items/${id}`);
    expect(item.body).toMatchObject({ status: 'killed', position: null, kill: { reason: 'Nobody used the export in 6 months.', via: 'owner', decidedBy: 'olga' } });
    expect((await ranking())).not.toContain('Legacy export');

    const move = await post(`/items/${id}/reprioritize`, { toPosition: 1, rationale: R });
    expect(move.status).toBe(409);
    expect(move.body.code).toBe('ITEM.ALREADY_KILLED');
    const killAgain = await post(`/items/${id}/kill`, { reason: 'Still nobody uses it, really.' });
    expect(killAgain.body.code).toBe('ITEM.ALREADY_KILLED');

    const revived = await post(`/items/${id}/revive`, { rationale: 'A regulator now requires the export.', toPosition: 2 });
    expect(revived.status).toBe(200);
    expect((await get(`/items/${id}`)).body).toMatchObject({ status: 'open', position: 2 });
    const reviveOpen = await post(`/items/${id}/revive`, { rationale: R });
    expect(reviveOpen.status).toBe(409);
    expect(reviveOpen.body.code).toBe('ITEM.NOT_KILLED');
  });

  it('reopens only delivered items: back in the ranking, not a revival; the history says it was not imported', async () => {
    const id = await addItem('Refund by card');
    const early = await post(`/items/${id}/reopen`, { rationale: R });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ITEM.NOT_DELIVERED');
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect((await post(`/items/${id}/deliver`, { rationale: 'Shipped in release 14.2 this morning.' })).status).toBe(200);
    expect((await post(`/items/${id}/revive`, { rationale: R })).body.code).toBe('ITEM.NOT_KILLED');
    const reopened = await post(`/items/${id}/reopen`, { rationale: 'Refunds fail for cards issued abroad.', toPosition: 1 });
    expect(reopened.status).toBe(200);
    expect((await get(`/items/${id}`)).body).toMatchObject({ status: 'open', position: 1 });
    expect((await ranking())[0]).toBe('Refund by card');
    const history = await get(`/items/${id}/history`);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual(['item.added', 'item.delivered', 'item.reopened']);
    expect(history.body.entries[2]).toMatchObject({ rationale: 'Refunds fail for cards issued abroad.', imported: false, importedFrom: null, statedWhy: true, toPosition: 1 });
  });

  it('parks ideas in the anti-backlog with the reason', async () => {
    const id = await addItem('Blockchain loyalty points');
    const res = await post(`/items/${id}/anti-backlog`, { reason: 'Does not serve the product goal; revisit never.' });
    expect(res.status).toBe(200);
    expect((await get(`/items/${id}`)).body).toMatchObject({ status: 'anti-backlog', antiBacklogReason: 'Does not serve the product goal; revisit never.' });
    expect(await ranking()).not.toContain('Blockchain loyalty points');
  });

  it('records the backlog decisions: goal, objectives, velocity, policy', async () => {
    const goal = await post(`/backlogs/${backlogId}/product-goal`, { productGoal: 'Returning customers pay in one tap', rationale: R });
    expect(goal.status).toBe(200);
    const obj = await post(`/backlogs/${backlogId}/objectives`, { title: 'Faster checkout', metric: 'median checkout seconds', target: '< 20', rationale: R });
    expect(obj.status).toBe(201);
    const objectiveId = obj.body.objectiveId;
    expect((await post(`/backlogs/${backlogId}/velocities`, { sprint: 'S1', endedOn: '2026-01-02', points: 21, rationale: R })).status).toBe(201);
    expect((await ledger.request('PUT', `/backlogs/${backlogId}/policy`, { token: owner, body: { policy: { zombieAfterDays: 120 }, rationale: R } })).status).toBe(200);
    const backlog = (await get(`/backlogs/${backlogId}`)).body;
    expect(backlog.productGoal).toBe('Returning customers pay in one tap');
    expect(backlog.policy.zombieAfterDays).toBe(120);
    expect(backlog.velocities).toEqual([expect.objectContaining({ sprint: 'S1', points: 21 })]);
    expect(backlog.objectives).toEqual([expect.objectContaining({ objectiveId, title: 'Faster checkout', retired: false })]);

    // Item progress decisions against the objective.
    const id = await addItem('One-tap pay');
    expect((await post(`/items/${id}/objective`, { objectiveId, rationale: R })).status).toBe(200);
    expect((await post(`/items/${id}/estimate`, { estimate: 8, rationale: R })).status).toBe(200);
    expect((await post(`/items/${id}/kill-criteria`, { exitCondition: 'No checkout-time gain after two sprints', reviewBy: '2026-03-01', rationale: R })).status).toBe(200);
    expect((await post(`/items/${id}/start`, { rationale: R })).status).toBe(200);
    expect((await post(`/items/${id}/deliver`, { rationale: R })).status).toBe(200);
    const outcome = await post(`/items/${id}/outcomes`, { objectiveId, observedValue: '17 s', moved: true, rationale: R });
    expect(outcome.status).toBe(201);
    const item = (await get(`/items/${id}`)).body;
    expect(item).toMatchObject({ status: 'delivered', estimate: 8, objectiveId, killCriteria: { reviewBy: '2026-03-01' } });
    expect(item.outcomes).toEqual([{ objectiveId, observedValue: '17 s', moved: true, eventId: expect.any(String) }]);
    const move = await post(`/items/${id}/reprioritize`, { toPosition: 1, rationale: R });
    expect(move.body.code).toBe('ITEM.ALREADY_DELIVERED');

    expect((await post(`/backlogs/${backlogId}/objectives/${objectiveId}/retire`, { rationale: R })).status).toBe(200);
    const link = await post(`/items/${await addItem('Later')}/objective`, { objectiveId, rationale: R });
    expect(link.status).toBe(409);
    expect(link.body.code).toBe('BACKLOG.OBJECTIVE_RETIRED');
  });

  it('serves health without a token and the OpenAPI document', async () => {
    const health = await ledger.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.eventStore.headPosition).toBeGreaterThan(10);
    const docs = await ledger.request('GET', '/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/backlogs', '/items/{itemId}/reprioritize', '/audit/events', '/audit/verify']));
  });
});
