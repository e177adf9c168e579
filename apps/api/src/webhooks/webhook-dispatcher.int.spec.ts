import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { FixedClock } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { WebhookDispatcher, type WebhookDispatcherOptions } from './webhook-dispatcher';
import { SqliteWebhookOutbox, deliveryIdOf } from './webhook-outbox';
import { verifySignature } from './webhook-signature';
import { deadPort, eventually, startReceiver, type Receiver } from './testing/receiver';

const SECRET = (id: string) => `whsec_secret-of-${id}`;

describe('webhook dispatcher (real SQLite store and outbox, local HTTP receiver)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let outbox: SqliteWebhookOutbox;
  let clock: FixedClock;
  const dispatchers: WebhookDispatcher[] = [];
  const receivers: Receiver[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-webhooks-'));
    clock = new FixedClock(new Date('2026-02-01T10:00:00.000Z'));
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock });
    outbox = new SqliteWebhookOutbox(join(dir, 'webhooks.sqlite'));
  });
  afterEach(async () => {
    for (const d of dispatchers.splice(0)) await d.stop();
    for (const r of receivers.splice(0)) await r.close();
    await store.close();
    outbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function dispatcher(over: Partial<WebhookDispatcherOptions> = {}): WebhookDispatcher {
    const d = new WebhookDispatcher({ store, outbox, clock, secretOf: SECRET, random: () => 0.5, pollMs: 20, ...over });
    dispatchers.push(d);
    d.start();
    return d;
  }
  async function receiver(respond?: Parameters<typeof startReceiver>[0]) {
    const r = await startReceiver(respond);
    receivers.push(r);
    return r;
  }
  async function append(streamId: string, type: string, data: Record<string, unknown>) {
    const r = await store.append(streamId, [{ id: randomUUID(), type, schemaVersion: 1, data, metadata: { actor: { id: 'ada', role: 'admin' }, correlationId: randomUUID(), causationId: null } }], 'any');
    return r.position;
  }
  async function register(url: string, over: { events?: string[]; forumId?: string | null; backlogIds?: string[] } = {}) {
    const webhookId = randomUUID();
    await append(`webhook-${webhookId}`, 'webhook.registered', {
      webhookId, url, events: over.events ?? ['item.killed', 'proposal.opened', 'proposal.closed', 'item.escalated', 'item.escalation-resolved'],
      forumId: over.forumId ?? null, backlogIds: over.backlogIds ?? [], secretHint: 'xxxx', rationale: 'Tell the team channel',
    });
    return webhookId;
  }
  const kill = (backlogId: string, itemId = randomUUID()) =>
    append(`item-${itemId}`, 'item.killed', { itemId, backlogId, reason: 'Nobody wants it', decidedBy: 'olga', via: 'owner', proposalId: null, fromPosition: 1 });
  const delivery = (webhookId: string) => outbox.deliveries(webhookId, 100);

  it('posts a signed JSON delivery with the event, verifiable with the secret', async () => {
    const r = await receiver();
    const d = dispatcher();
    const webhookId = await register(r.url);
    const backlogId = randomUUID();
    const position = await kill(backlogId);
    await eventually(() => r.received.length === 1, 5000, 'a delivery');
    const got = r.received[0];
    const body = JSON.parse(got.body);
    expect(body.event).toMatchObject({ type: 'item.killed', position, data: { backlogId, via: 'owner' }, actor: { id: 'ada', role: 'admin' } });
    expect(got.headers['x-ledger-event-type']).toBe('item.killed');
    expect(got.headers['x-ledger-event-id']).toBe(body.event.id);
    expect(got.headers['x-ledger-delivery-id']).toBe(deliveryIdOf(webhookId, body.event.id));
    expect(got.headers['x-ledger-timestamp']).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    const now = Math.floor(clock.now().getTime() / 1000);
    expect(verifySignature(SECRET(webhookId), got.headers['x-ledger-signature'] as string, got.headers['x-ledger-timestamp'] as string, got.body, now)).toBe(true);
    expect(verifySignature(SECRET(randomUUID()), got.headers['x-ledger-signature'] as string, got.headers['x-ledger-timestamp'] as string, got.body, now)).toBe(false);
    await eventually(() => delivery(webhookId)[0]?.status === 'delivered');
    expect(delivery(webhookId)[0]).toMatchObject({ attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    expect(d.checkpoint()).toBe(position);
  });

  it('retries failures with exponential backoff and jitter: 500, 500, then 200 is three attempts, delivered', async () => {
    const r = await receiver((n) => (n <= 2 ? 500 : 200));
    dispatcher({ baseDelayMs: 10_000, random: () => 0.5 });
    const webhookId = await register(r.url);
    await kill(randomUUID());
    await eventually(() => delivery(webhookId)[0]?.attempts === 1, 5000, 'first attempt');
    const first = delivery(webhookId)[0];
    // After 1 failure: ceiling 10 s, half fixed + 0.5 × half random = 7.5 s.
    expect(first).toMatchObject({ status: 'pending', lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: new Date(clock.now().getTime() + 7_500).toISOString() });
    await new Promise((res) => setTimeout(res, 100));
    expect(r.received).toHaveLength(1); // not due yet: the clock has not moved
    clock.advance(7_500);
    await eventually(() => delivery(webhookId)[0]?.attempts === 2, 5000, 'second attempt');
    // After 2 failures: ceiling 20 s → 15 s.
    expect(delivery(webhookId)[0].nextAttemptAt).toBe(new Date(clock.now().getTime() + 15_000).toISOString());
    clock.advance(15_000);
    await eventually(() => delivery(webhookId)[0]?.status === 'delivered', 5000, 'delivered');
    const done = delivery(webhookId)[0];
    expect(done.attemptLog.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([[1, 500, 'HTTP 500'], [2, 500, 'HTTP 500'], [3, 200, null]]);
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((x) => x.body)).size).toBe(1); // the same body every time
  });

  it('gives up after maxAttempts (dead) on a refused connection, recording the error of each attempt', async () => {
    const url = `http://127.0.0.1:${await deadPort()}/hook`;
    dispatcher({ maxAttempts: 2, baseDelayMs: 1_000 });
    const webhookId = await register(url);
    await kill(randomUUID());
    await eventually(() => delivery(webhookId)[0]?.attempts === 1, 5000);
    expect(delivery(webhookId)[0]).toMatchObject({ status: 'pending', lastStatusCode: null, lastError: expect.stringContaining('ECONNREFUSED') });
    clock.advance(1_000);
    await eventually(() => delivery(webhookId)[0]?.status === 'dead', 5000, 'dead');
    expect(delivery(webhookId)[0]).toMatchObject({ attempts: 2, nextAttemptAt: null });
  });

  it('bounds an attempt on a hanging endpoint by the timeout, and other deliveries keep flowing meanwhile', async () => {
    const hang = await receiver(() => 'hang');
    const fine = await receiver();
    dispatcher({ timeoutMs: 300 });
    const slow = await register(hang.url);
    const fast = await register(fine.url);
    await kill(randomUUID());
    await eventually(() => hang.open() === 1 && fine.received.length === 1, 5000, 'both receivers reached');
    expect(delivery(fast)[0]?.status).toBe('delivered');
    await eventually(() => delivery(slow)[0]?.attempts === 1, 5000, 'timeout recorded');
    expect(delivery(slow)[0]).toMatchObject({ status: 'pending', lastError: 'timed out after 300 ms', lastStatusCode: null });
  });

  it('never sends twice what was delivered: redelivered events enqueue nothing, a restart resumes after the checkpoint', async () => {
    const r = await receiver();
    const d1 = dispatcher();
    const webhookId = await register(r.url);
    await kill(randomUUID());
    await eventually(() => delivery(webhookId)[0]?.status === 'delivered');
    await d1.stop();
    // The whole history again (an at-least-once source, or a checkpoint lost): nothing new.
    expect(outbox.apply(await store.readAll({ after: 0 }), clock.now())).toBe(0);
    // Restart, and one more decision: only that one is sent.
    dispatcher();
    await kill(randomUUID());
    await eventually(() => delivery(webhookId).length === 2 && delivery(webhookId).every((x) => x.status === 'delivered'));
    await new Promise((res) => setTimeout(res, 100));
    expect(r.received).toHaveLength(2);
    expect(new Set(r.received.map((x) => x.headers['x-ledger-delivery-id'])).size).toBe(2);
  });

  it('filters: event types, forum scope (proposals of the forum, items of its backlogs as of the event), backlogs', async () => {
    const r = await receiver();
    dispatcher();
    const forumId = randomUUID();
    const [b1, b2, b3] = [randomUUID(), randomUUID(), randomUUID()];
    await append(`forum-${forumId}`, 'forum.created', { forumId, name: 'Review', backlogIds: [b1], rule: {}, rationale: 'Kill what nobody wants' });
    const forumHook = await register(r.url, { forumId, events: ['proposal.opened', 'item.killed'] });
    const backlogHook = await register(r.url, { backlogIds: [b2], events: ['item.killed', 'item.escalated'] });
    const typeHook = await register(r.url, { events: ['proposal.closed'] });
    const proposal = (forum: string, backlogId: string, type = 'proposal.opened') => {
      const proposalId = randomUUID();
      return append(`proposal-${proposalId}`, type, { proposalId, forumId: forum, itemId: randomUUID(), backlogId });
    };
    const pOpenedHere = await proposal(forumId, b1);
    await proposal(randomUUID(), b1); // another forum
    const killedB1 = await kill(b1);
    const killedB2 = await kill(b2);
    await kill(b3);
    await append(`forum-${forumId}`, 'forum.rule-changed', { forumId, rule: {}, backlogIds: [b1, b3], rationale: 'Ops joins the review' });
    const killedB3After = await kill(b3);
    const closed = await proposal(forumId, b1, 'proposal.closed');
    const itemId = randomUUID();
    const escalated = await append(`item-${itemId}`, 'item.escalated', { itemId, backlogId: b2, escalationId: randomUUID() });
    const last = await append(`item-${itemId}`, 'item.added', { itemId, backlogId: b2 }); // never deliverable
    await eventually(() => dispatchers[0].checkpoint() === last);
    const positions = (id: string) => delivery(id).map((x) => x.eventPosition).sort((a, b) => a - b);
    expect(positions(forumHook)).toEqual([pOpenedHere, killedB1, killedB3After]);
    expect(positions(backlogHook)).toEqual([killedB2, escalated]);
    expect(positions(typeHook)).toEqual([closed]);
    await eventually(() => r.received.length === 6, 5000, 'six deliveries');
  });

  it('stops deliveries to a removed webhook (pending ones are cancelled)', async () => {
    const url = `http://127.0.0.1:${await deadPort()}/hook`;
    dispatcher({ baseDelayMs: 60_000 });
    const webhookId = await register(url);
    await kill(randomUUID());
    await eventually(() => delivery(webhookId)[0]?.attempts === 1);
    await append(`webhook-${webhookId}`, 'webhook.removed', { webhookId, rationale: 'Endpoint retired' });
    await kill(randomUUID());
    await eventually(() => delivery(webhookId)[0]?.status === 'cancelled');
    expect(delivery(webhookId)).toHaveLength(1);
    expect(outbox.webhook(webhookId)?.status).toBe('removed');
  });

  it('keeps at most `concurrency` deliveries in flight', async () => {
    const hang = await receiver(() => 'hang');
    dispatcher({ concurrency: 2, timeoutMs: 60_000 });
    const ids = [await register(hang.url), await register(hang.url), await register(hang.url)];
    await kill(randomUUID());
    await kill(randomUUID());
    await eventually(() => hang.open() === 2, 5000, 'two requests in flight');
    await new Promise((res) => setTimeout(res, 150));
    expect(hang.open()).toBe(2);
    expect(ids.flatMap((id) => delivery(id))).toHaveLength(6);
  });

  it('stop() aborts an attempt in flight without recording it; it is retried after the restart', async () => {
    let hangFirst = true;
    const r = await receiver(() => (hangFirst ? 'hang' : 200));
    const d = dispatcher({ timeoutMs: 60_000 });
    const webhookId = await register(r.url);
    await kill(randomUUID());
    await eventually(() => r.open() === 1);
    const t0 = Date.now();
    await d.stop();
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(delivery(webhookId)[0]).toMatchObject({ status: 'pending', attempts: 0 });
    hangFirst = false;
    dispatcher();
    await eventually(() => delivery(webhookId)[0]?.status === 'delivered');
    expect(delivery(webhookId)[0].attempts).toBe(1);
  });
});
