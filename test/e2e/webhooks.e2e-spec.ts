import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';
import { startLedger, type Ledger } from '../support/ledger';
import { expectNothingWritten, expectProblem, expectValidationError, RATIONALE, UNKNOWN_ID } from '../support/fixtures';
import { deadPort, eventually, startReceiver, type Receiver } from '../../apps/api/src/webhooks/testing/receiver';

type Verify = (secret: string, headers: Record<string, unknown>, rawBody: string, opts?: { toleranceSeconds?: number; now?: number }) => boolean;

/** The verification snippet receivers are told to copy (docs/webhooks.md), run as it is written there. */
function docSnippet(): Verify {
  const doc = readFileSync(resolve(__dirname, '../../docs/webhooks.md'), 'utf8');
  const m = /<!-- verify-snippet:start -->\s*```js\n([\s\S]*?)```\s*<!-- verify-snippet:end -->/.exec(doc);
  if (!m) throw new Error('the verification snippet is missing from docs/webhooks.md');
  return new Function('require', `${m[1]}\nreturn verifyLedgerWebhook;`)(require) as Verify;
}

describe('webhooks over HTTP', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-webhooks-e2e-'));
  const env = { LEDGER_WEBHOOKS_ALLOW_INSECURE: 'true' };
  let ledger: Ledger;
  let leader: string;
  let admin: string;
  let receiver: Receiver;
  let backlogId: string;
  let webhookId: string;
  let secret: string;
  const receivers: Receiver[] = [];

  const post = (path: string, body: unknown, token = leader) => ledger.request('POST', path, { token, body });
  const get = (path: string, token = leader) => ledger.request('GET', path, { token });
  const addItem = async (title: string) => {
    const res = await post(`/backlogs/${backlogId}/items`, { title, kind: 'initiative', rationale: RATIONALE });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const killItem = (itemId: string) => post(`/items/${itemId}/kill`, { reason: 'Nobody asked for it in a year' });
  const bodiesOf = (r: Receiver) => r.received.map((x) => JSON.parse(x.body));

  beforeAll(async () => {
    ledger = await startLedger({ dataDir, env });
    leader = await ledger.token('product-leader', 'lena');
    admin = await ledger.token('admin', 'ada');
    receiver = await startReceiver();
    receivers.push(receiver);
    backlogId = (await post('/backlogs', { name: 'Growth', productGoal: 'New users reach value in their first week' })).body.id;
  });
  afterAll(async () => {
    await ledger.close();
    for (const r of receivers) await r.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers a webhook: the secret once, then only its hint', async () => {
    const res = await post('/webhooks', { url: receiver.url, events: ['item.killed', 'item.escalated'], backlogIds: [backlogId] });
    expect(res.status).toBe(201);
    webhookId = res.body.id;
    secret = res.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(res.headers.get('location')).toBe(`/webhooks/${webhookId}`);
    const one = await get(`/webhooks/${webhookId}`, await ledger.token('auditor', 'audrey'));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ webhookId, url: receiver.url, events: ['item.escalated', 'item.killed'], forumId: null, backlogIds: [backlogId], secretHint: secret.slice(-4), status: 'active', registeredBy: 'lena' });
    expect(one.text).not.toContain(secret);
    const list = await get('/webhooks');
    expect(list.body.webhooks.map((w: { webhookId: string }) => w.webhookId)).toContain(webhookId);
    expect(list.text).not.toContain(secret);
  });

  it('delivers a kill, signed so that the documented snippet verifies it with the secret from the registration', async () => {
    const itemId = await addItem('Referral program');
    const kill = await killItem(itemId);
    expect(kill.status).toBe(200);
    await eventually(() => receiver.received.length === 1, 10_000, 'the kill delivery');
    const got = receiver.received[0];
    expect(JSON.parse(got.body).event).toMatchObject({ type: 'item.killed', data: { itemId, backlogId, via: 'owner' }, actor: { id: 'lena' } });
    const verify = docSnippet();
    const now = ledger.clock.now().getTime();
    expect(verify(secret, got.headers, got.body, { now })).toBe(true);
    expect(verify(secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'), got.headers, got.body, { now })).toBe(false);
    expect(verify(secret, got.headers, got.body.replace('Nobody', 'Everybody'), { now })).toBe(false);
    expect(verify(secret, got.headers, got.body, { now: now + 3600_000 })).toBe(false); // replay an hour later
    const log = await get(`/webhooks/${webhookId}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({ eventType: 'item.killed', status: 'delivered', attempts: 1, lastStatusCode: 200, attemptLog: [expect.objectContaining({ attempt: 1, statusCode: 200, error: null })] }),
    ]);
  });

  it('decisions complete while a hanging endpoint holds a delivery open and a dead endpoint refuses connections', async () => {
    const hanging = await startReceiver(() => 'hang');
    receivers.push(hanging);
    const dead = `http://127.0.0.1:${await deadPort()}/hook`;
    const hangId = (await post('/webhooks', { url: hanging.url, events: ['item.killed'] }, admin)).body.id;
    const deadId = (await post('/webhooks', { url: dead, events: ['item.killed'] }, admin)).body.id;
    const first = await addItem('Onboarding tour');
    expect((await killItem(first)).status).toBe(200);
    await eventually(() => hanging.open() === 1, 10_000, 'the hanging endpoint to hold a request');
    // While that request is open (and the dead endpoint is being retried), decisions go through.
    const second = await addItem('Pricing page');
    expect((await killItem(second)).status).toBe(200);
    expect((await post(`/backlogs/${backlogId}/items`, { title: 'Dark mode', kind: 'story', rationale: RATIONALE })).status).toBe(201);
    expect(hanging.open()).toBeGreaterThanOrEqual(1);
    const deadLog = await eventually(async () => {
      const res = await get(`/webhooks/${deadId}/deliveries`);
      return res.body.deliveries.length === 2 && res.body.deliveries.every((d: { attempts: number }) => d.attempts >= 1) ? res.body.deliveries : null;
    }, 10_000, 'attempts at the dead endpoint');
    for (const d of deadLog) {
      expect(d).toMatchObject({ status: 'pending', lastStatusCode: null, lastError: expect.stringContaining('ECONNREFUSED') });
      expect(Date.parse(d.nextAttemptAt)).toBeGreaterThan(ledger.clock.now().getTime());
    }
    expect((await get(`/webhooks/${hangId}/deliveries`)).body.deliveries.every((d: { status: string }) => d.status === 'pending')).toBe(true);
    // The backlog-filtered webhook got both kills once each.
    await eventually(() => receiver.received.length === 3, 10_000);
    for (const id of [hangId, deadId]) expect((await post(`/webhooks/${id}/remove`, { rationale: 'The test endpoint is gone now' }, admin)).status).toBe(200);
  });

  it("a forum-scoped webhook hears that forum's proposals and the kills in the forum's backlogs, nothing else", async () => {
    const store = ledger.app.get(EVENT_STORE) as EventStore;
    const forumId = randomUUID();
    const otherBacklog = (await post('/backlogs', { name: 'Ops', productGoal: 'Nobody gets paged at night anymore' })).body.id;
    const append = (streamId: string, type: string, data: Record<string, unknown>) =>
      store.append(streamId, [{ id: randomUUID(), type, schemaVersion: 1, data, metadata: { actor: { id: 'lena', role: 'product-leader' }, correlationId: randomUUID(), causationId: null } }], 'any');
    await append(`forum-${forumId}`, 'forum.created', { forumId, name: 'Growth review', backlogIds: [backlogId], rule: {}, rationale: 'Kill what nobody wants' });
    const forumReceiver = await startReceiver();
    receivers.push(forumReceiver);
    const res = await post('/webhooks', { url: forumReceiver.url, events: ['proposal.opened', 'proposal.closed', 'item.killed'], forumId });
    expect(res.status).toBe(201);
    const opened = (forum: string) => {
      const proposalId = randomUUID();
      return append(`proposal-${proposalId}`, 'proposal.opened', { proposalId, forumId: forum, itemId: randomUUID(), backlogId, reason: 'No progress', openedBy: 'lena', closesAt: '2026-02-01T00:00:00.000Z', nominatedAutomatically: false, nominationReasons: [] });
    };
    await opened(randomUUID()); // another forum's proposal
    const mine = await opened(forumId);
    const inScope = await addItem('Gamified onboarding');
    await killItem(inScope);
    const elsewhere = (await post(`/backlogs/${otherBacklog}/items`, { title: 'Pager rotation', kind: 'story', rationale: RATIONALE })).body.id;
    expect((await killItem(elsewhere)).status).toBe(200);
    // The delivery log waits for the dispatcher to reach the store's head: every event above has been routed.
    const log = (await get(`/webhooks/${res.body.id}/deliveries`)).body.deliveries as { eventType: string; eventPosition: number }[];
    expect(log.map((d) => [d.eventType, d.eventPosition]).sort()).toEqual([['item.killed', expect.any(Number)], ['proposal.opened', mine.position]]);
    await eventually(() => forumReceiver.received.length === 2, 10_000, 'the forum deliveries');
    expect(bodiesOf(forumReceiver).find((b) => b.event.type === 'item.killed').event.data.itemId).toBe(inScope);
  });

  it('after a restart, nothing delivered is sent again and new decisions are delivered once, with the same secret', async () => {
    const before = receiver.received.length;
    await ledger.close();
    ledger = await startLedger({ dataDir, env });
    leader = await ledger.token('product-leader', 'lena');
    admin = await ledger.token('admin', 'ada');
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.length).toBe(before);
    const itemId = await addItem('Loyalty points');
    await killItem(itemId);
    await eventually(() => receiver.received.length === before + 1, 10_000, 'the delivery after restart');
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received.length).toBe(before + 1);
    const got = receiver.received[before];
    expect(docSnippet()(secret, got.headers, got.body, { now: ledger.clock.now().getTime() })).toBe(true);
    const ids = bodiesOf(receiver).map((b) => b.deliveryId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers bad input with problems and writes nothing', async () => {
    const owner = await ledger.token('product-owner', 'olga', [backlogId]);
    const ok = { url: 'https://hooks.example.com/ledger', events: ['item.killed'] };
    await expectNothingWritten(ledger, async () => {
      expectProblem(await post('/webhooks', { ...ok, url: 'http://hooks.example.com/x' }), 422, 'WEBHOOK.URL_NOT_HTTPS');
      expectProblem(await post('/webhooks', { ...ok, url: 'https://10.0.0.7/x' }), 422, 'WEBHOOK.URL_PRIVATE_ADDRESS');
      expectProblem(await post('/webhooks', { ...ok, url: 'https://169.254.169.254/latest' }), 422, 'WEBHOOK.URL_PRIVATE_ADDRESS');
      expectProblem(await post('/webhooks', { ...ok, url: 'https://me:pw@hooks.example.com/x' }), 422, 'WEBHOOK.URL_HAS_CREDENTIALS');
      expectProblem(await post('/webhooks', { ...ok, url: 'gopher://hooks.example.com/x' }), 422, 'WEBHOOK.URL_INVALID');
      expectProblem(await post('/webhooks', { ...ok, url: 'not a url' }), 422, 'WEBHOOK.URL_INVALID');
      expectValidationError(await post('/webhooks', { ...ok, events: ['item.added'] }), 'events');
      expectValidationError(await post('/webhooks', { ...ok, events: [] }), 'events');
      expectValidationError(await post('/webhooks', { events: ['item.killed'] }), 'url');
      expectValidationError(await post('/webhooks', { ...ok, forumId: 'nope' }), 'forumId');
      expectValidationError(await post('/webhooks', { ...ok, secret: 'mine' }), 'secret');
      expectProblem(await post('/webhooks', { ...ok, rationale: 'xxxxxxxxxxxx' }), 422, 'DECISION.RATIONALE_REQUIRED');
      expectProblem(await post('/webhooks', { ...ok, forumId: UNKNOWN_ID }), 404, 'FORUM.NOT_FOUND');
      expectProblem(await post('/webhooks', { ...ok, backlogIds: [UNKNOWN_ID] }), 404, 'BACKLOG.NOT_FOUND');
      expectProblem(await post('/webhooks', ok, owner), 403, 'AUTH.ROLE_FORBIDDEN');
      expectProblem(await ledger.request('POST', '/webhooks', { body: ok }), 401, expect.any(String) as never);
      expectProblem(await get(`/webhooks/${UNKNOWN_ID}`), 404, 'WEBHOOK.NOT_FOUND');
      expectProblem(await get(`/webhooks/${UNKNOWN_ID}/deliveries`), 404, 'WEBHOOK.NOT_FOUND');
      expectValidationError(await get('/webhooks/not-a-uuid'), 'webhookId');
      expectValidationError(await get(`/webhooks/${webhookId}/deliveries?limit=0`), 'limit');
      expectProblem(await get('/webhooks', owner), 403, 'AUTH.ROLE_FORBIDDEN');
      expectProblem(await post(`/webhooks/${UNKNOWN_ID}/remove`, { rationale: 'No longer needed here' }), 404, 'WEBHOOK.NOT_FOUND');
      expectValidationError(await post(`/webhooks/${webhookId}/remove`, {}), 'rationale');
      expectProblem(await post(`/webhooks/${webhookId}/remove`, { rationale: 'No longer needed here' }, owner), 403, 'AUTH.ROLE_FORBIDDEN');
    });
    expect((await post(`/webhooks/${webhookId}/remove`, { rationale: 'No longer needed here' })).status).toBe(200);
    await expectNothingWritten(ledger, async () => {
      expectProblem(await post(`/webhooks/${webhookId}/remove`, { rationale: 'No longer needed here' }), 409, 'WEBHOOK.ALREADY_REMOVED');
    });
    expect((await get(`/webhooks/${webhookId}`)).body.status).toBe('removed');
  });

  it('refuses plain http to loopback when the deployment does not allow it', async () => {
    // chDB is one engine per process: the same data dir, restarted without LEDGER_WEBHOOKS_ALLOW_INSECURE.
    await ledger.close();
    ledger = await startLedger({ dataDir });
    const res = await ledger.request('POST', '/webhooks', { token: await ledger.token('admin', 'ada'), body: { url: receiver.url, events: ['item.killed'] } });
    expectProblem(res, 422, 'WEBHOOK.URL_NOT_HTTPS');
  });
});

describe('webhooks on a replica with LEDGER_WEBHOOKS_DISPATCH=false', () => {
  let ledger: Ledger;
  let receiver: Receiver;
  beforeAll(async () => {
    ledger = await startLedger({ env: { LEDGER_WEBHOOKS_ALLOW_INSECURE: 'true', LEDGER_WEBHOOKS_DISPATCH: 'false' } });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await ledger.close();
    await receiver.close();
  });

  it('takes registrations and decisions but sends nothing, and says so on the outbox views', async () => {
    const leader = await ledger.token('product-leader', 'lena');
    const post = (path: string, body: unknown) => ledger.request('POST', path, { token: leader, body });
    const backlogId = (await post('/backlogs', { name: 'Growth', productGoal: 'New users reach value in their first week' })).body.id;
    const hook = await post('/webhooks', { url: receiver.url, events: ['item.killed'], backlogIds: [backlogId] });
    expect(hook.status).toBe(201);
    const itemId = (await post(`/backlogs/${backlogId}/items`, { title: 'Referral program', kind: 'initiative', rationale: RATIONALE })).body.id;
    expect((await post(`/items/${itemId}/kill`, { reason: 'Nobody asked for it in a year' })).status).toBe(200);

    expectProblem(await ledger.request('GET', '/webhooks', { token: leader }), 503, 'WEBHOOKS.NOT_DISPATCHED_HERE');
    expectProblem(await ledger.request('GET', `/webhooks/${hook.body.id}/deliveries`, { token: leader }), 503, 'WEBHOOKS.NOT_DISPATCHED_HERE');
    expect((await ledger.request('GET', `/webhooks/${hook.body.id}`, { token: leader })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(0);
  });
});
