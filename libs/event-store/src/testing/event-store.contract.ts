import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventToAppend, RecordedEvent } from '@ledger/kernel';
import { LedgerError } from '@ledger/kernel';
import {
  EventStore,
  EventStoreUnavailableError,
  ExpectedRevision,
  IdempotencyViolationError,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { canonicalJson, eventHash, GENESIS_HASH } from '../hash-chain';

/**
 * Behaviour every EventStore adapter must have. Each test gets a store from `factory` and uses
 * its own random stream ids, so the suite also runs against a shared server: assertions about
 * the global log only look at this test's streams (other writers may interleave).
 * Positions are only required to be > 0, strictly increasing and the same for one event everywhere;
 * gap-free numbering is a SQLite guarantee, asserted in its own spec (EventStoreDB: ADR 0012).
 */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<{ store: EventStore; cleanup(): Promise<void> }>,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });

    afterEach(async () => {
      await cleanup();
    });

    describe('append', () => {
      it('creates a stream with no-stream: revisions from 0, increasing positions, store-assigned fields', async () => {
        const s = newStreamId();
        const events = [newEvent(), newEvent()];

        const result = await store.append(s, events, 'no-stream');

        expect(result.nextRevision).toBe(1);
        expect(result.alreadyAppended).toBe(false);
        const stored = await store.readStream(s);
        expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(stored.map((e) => e.revision)).toEqual([0, 1]);
        expect(stored.every((e) => e.streamId === s)).toBe(true);
        expect(stored[0].position).toBeGreaterThan(0);
        expect(stored[1].position).toBeGreaterThan(stored[0].position);
        expect(stored[1].position).toBe(result.position);
        expect(stored.map((e) => [e.type, e.schemaVersion])).toEqual(events.map((e) => [e.type, e.schemaVersion]));
        for (const e of stored) expect(e.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      });

      it('appends with the exact revision of the last event', async () => {
        const s = newStreamId();
        const first = await store.append(s, [newEvent()], 'no-stream');
        const second = await store.append(s, [newEvent()], 0);
        const third = await store.append(s, [newEvent(), newEvent()], 1);

        expect([first.nextRevision, second.nextRevision, third.nextRevision]).toEqual([0, 1, 3]);
        expect(second.position).toBeGreaterThan(first.position);
        expect(third.position).toBeGreaterThan(second.position);
        expect((await store.readStream(s)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      });

      it("appends with 'any' to a missing and to an existing stream", async () => {
        const s = newStreamId();
        expect((await store.append(s, [newEvent()], 'any')).nextRevision).toBe(0);
        expect((await store.append(s, [newEvent(), newEvent()], 'any')).nextRevision).toBe(2);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it.each<[string, ExpectedRevision, number | 'no-stream']>([
        ['no-stream on an existing stream', 'no-stream', 1],
        ['a stale revision', 0, 1],
        ['a revision ahead of the stream', 5, 1],
      ])('rejects %s with WrongExpectedRevisionError carrying the actual revision', async (_, expected, actual) => {
        const s = newStreamId();
        await store.append(s, [newEvent(), newEvent()], 'no-stream');

        const error = await rejectionOf(store.append(s, [newEvent()], expected));

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: s, expected, actual, kind: 'concurrency' });
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('rejects a numeric revision on a missing stream with actual no-stream', async () => {
        const s = newStreamId();
        const error = await rejectionOf(store.append(s, [newEvent()], 0));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: s, expected: 0, actual: 'no-stream' });
        expect(await store.readStream(s)).toEqual([]);
      });

      it('lets exactly one of two concurrent appends with the same expected revision win', async () => {
        const s = newStreamId();
        await store.append(s, [newEvent()], 'no-stream');
        const mine = newEvent();
        const theirs = newEvent();

        const outcomes = await Promise.allSettled([store.append(s, [mine], 0), store.append(s, [theirs], 0)]);

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(lost[0].reason).toMatchObject({ expected: 0, actual: 1 });
        const winner = outcomes[0].status === 'fulfilled' ? mine : theirs;
        expect((await store.readStream(s)).map((e) => e.id).slice(1)).toEqual([winner.id]);
      });

      it('lets exactly one of two concurrent no-stream appends create the stream', async () => {
        const s = newStreamId();
        const outcomes = await Promise.allSettled([
          store.append(s, [newEvent(), newEvent()], 'no-stream'),
          store.append(s, [newEvent()], 'no-stream'),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(lost?.reason).toBeInstanceOf(WrongExpectedRevisionError);
        const stored = await store.readStream(s);
        expect(lost?.reason).toMatchObject({ expected: 'no-stream', actual: stored.length - 1 });
      });

      it('commits many concurrent appends to different streams, each at its own increasing positions', async () => {
        const appends = Array.from({ length: 50 }, (_, i) => ({
          streamId: newStreamId(),
          events: Array.from({ length: 1 + (i % 3) }, () => newEvent()),
        }));

        const results = await Promise.all(appends.map((a) => store.append(a.streamId, a.events, 'no-stream')));

        const positions = new Set<number>();
        for (const [i, a] of appends.entries()) {
          const stored = await store.readStream(a.streamId);
          expect(stored.map((e) => e.id)).toEqual(a.events.map((e) => e.id));
          expect(results[i]).toEqual({
            nextRevision: a.events.length - 1,
            position: stored[stored.length - 1].position,
            alreadyAppended: false,
          });
          expectStrictlyIncreasing(stored.map((e) => e.position));
          for (const e of stored) positions.add(e.position);
        }
        const total = appends.reduce((n, a) => n + a.events.length, 0);
        expect(positions.size).toBe(total);
      });

      it.each<[string, () => [string, EventToAppend[]]]>([
        ['an empty stream id', () => ['', [newEvent()]]],
        ['a stream id longer than 200 characters', () => ['s'.repeat(201), [newEvent()]]],
        ['no events', () => [newStreamId(), []]],
        ['the same event id twice', () => { const e = newEvent(); return [newStreamId(), [e, { ...e }]]; }],
      ])('rejects %s as a validation error and writes nothing', async (_, make) => {
        const [s, events] = make();
        const error = await rejectionOf(store.append(s, events, 'any'));
        expect(error).toBeInstanceOf(LedgerError);
        expect(error).toMatchObject({ kind: 'validation' });
        expect(await store.readStream(s)).toEqual([]);
      });

      it('accepts a stream id of exactly 200 characters', async () => {
        const s = (newStreamId() + 'x'.repeat(200)).slice(0, 200);
        await store.append(s, [newEvent()], 'no-stream');
        expect((await store.readStream(s)).map((e) => e.streamId)).toEqual([s]);
      });
    });

    describe('idempotent retries', () => {
      it.each<[string, ExpectedRevision]>([
        ['the same expected revision', 'no-stream'],
        ["'any'", 'any'],
      ])('a retry with the same ids and %s returns the original result and writes nothing', async (_, retryExpected) => {
        const s = newStreamId();
        const events = [newEvent(), newEvent()];
        const original = await store.append(s, events, 'no-stream');
        const headBefore = await store.headPosition();

        const retry = await store.append(s, events, retryExpected);

        expect(retry).toEqual({ nextRevision: original.nextRevision, position: original.position, alreadyAppended: true });
        expect(await store.headPosition()).toBe(headBefore);
        expect((await store.readStream(s)).map((e) => e.id)).toEqual(events.map((e) => e.id));
      });

      it('a retry of an append to an existing stream is idempotent too', async () => {
        const s = newStreamId();
        await store.append(s, [newEvent()], 'no-stream');
        const events = [newEvent()];
        const original = await store.append(s, events, 0);

        const retry = await store.append(s, events, 0);

        expect(retry).toEqual({ ...original, alreadyAppended: true });
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('rejects an append whose ids only partly exist with IdempotencyViolationError, writing nothing', async () => {
        const s = newStreamId();
        const [a, b, c] = [newEvent(), newEvent(), newEvent()];
        await store.append(s, [a, b], 'no-stream');

        const overlapAtEnd = await rejectionOf(store.append(s, [b, c], 'any'));
        const overlapAtStart = await rejectionOf(store.append(s, [c, a], 'any'));

        expect(overlapAtEnd).toBeInstanceOf(IdempotencyViolationError);
        expect(overlapAtStart).toBeInstanceOf(IdempotencyViolationError);
        expect(overlapAtEnd).toMatchObject({ streamId: s, kind: 'concurrency' });
        expect((await store.readStream(s)).map((e) => e.id)).toEqual([a.id, b.id]);
      });
    });

    describe('readStream', () => {
      it('returns the stream in revision order, from a revision, up to a position', async () => {
        const s = newStreamId();
        const events = [newEvent(), newEvent(), newEvent(), newEvent()];
        await store.append(s, events.slice(0, 3), 'no-stream');
        await store.append(newStreamId(), [newEvent()], 'no-stream'); // another stream in between
        await store.append(s, events.slice(3), 2);
        const all = await store.readStream(s);
        const ids = (list: RecordedEvent[]) => list.map((e) => e.id);

        expect(ids(all)).toEqual(events.map((e) => e.id));
        expect(all.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
        expect(ids(await store.readStream(s, { fromRevision: 2 }))).toEqual([events[2].id, events[3].id]);
        expect(ids(await store.readStream(s, { toPosition: all[1].position }))).toEqual([events[0].id, events[1].id]);
        expect(ids(await store.readStream(s, { fromRevision: 1, toPosition: all[2].position }))).toEqual([
          events[1].id,
          events[2].id,
        ]);
        expect(await store.readStream(s, { fromRevision: 4 })).toEqual([]);
        expect(await store.readStream(s, { toPosition: all[0].position - 1 })).toEqual([]);
      });

      it('returns [] for a stream that does not exist', async () => {
        expect(await store.readStream(newStreamId())).toEqual([]);
      });
    });

    describe('readAll and headPosition', () => {
      it('pages through the global log in position order with after (exclusive) and limit', async () => {
        const headBefore = await store.headPosition();
        const [s1, s2] = [newStreamId(), newStreamId()];
        const written: string[] = [];
        for (const [s, expected] of [[s1, 'no-stream'], [s2, 'no-stream'], [s1, 0], [s2, 0], [s1, 1]] as const) {
          const e = newEvent();
          await store.append(s, [e], expected);
          written.push(e.id);
        }

        const seen: RecordedEvent[] = [];
        let after = headBefore;
        for (;;) {
          const page = await store.readAll({ after, limit: 2 });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(2);
          expect(page[0].position).toBeGreaterThan(after);
          seen.push(...page);
          after = page[page.length - 1].position;
        }

        expectStrictlyIncreasing(seen.map((e) => e.position));
        expect(seen.filter((e) => e.streamId === s1 || e.streamId === s2).map((e) => e.id)).toEqual(written);
        expect((await store.readAll({ after: headBefore, limit: 2 })).length).toBe(2);
        const [third] = seen.filter((e) => written.includes(e.id)).slice(2, 3);
        const fromThird = await store.readAll({ after: third.position - 1, limit: 1 });
        expect(fromThird.map((e) => e.id)).toEqual([third.id]);
      });

      it('reports one position per event, the same from append, readStream, readAll and subscribeAll', async () => {
        const start = await store.headPosition();
        const s = newStreamId();
        const results = [
          await store.append(s, [newEvent()], 'no-stream'),
          await store.append(s, [newEvent(), newEvent()], 0),
        ];
        const fromStream = await store.readStream(s);
        const fromAll = (await store.readAll({ after: start, limit: 100 })).filter((e) => e.streamId === s);
        const fromSubscription: RecordedEvent[] = [];
        const subscription = store.subscribeAll(start, (e) => {
          if (e.streamId === s) fromSubscription.push(e);
        });
        await waitFor(() => fromSubscription.length === 3);
        await subscription.close();

        const positions = fromStream.map((e) => e.position);
        expect(results.map((r) => r.position)).toEqual([positions[0], positions[2]]);
        expect(fromAll.map((e) => [e.id, e.position])).toEqual(fromStream.map((e) => [e.id, e.position]));
        expect(fromSubscription.map((e) => [e.id, e.position])).toEqual(fromStream.map((e) => [e.id, e.position]));
        expect(fromSubscription.map((e) => e.hash)).toEqual(fromStream.map((e) => e.hash));
      });

      it('headPosition is the position of the last committed event', async () => {
        const before = await store.headPosition();
        const result = await store.append(newStreamId(), [newEvent(), newEvent()], 'no-stream');
        const head = await store.headPosition();

        expect(before).toBeLessThan(result.position);
        expect(head).toBeGreaterThanOrEqual(result.position);
        const last = await store.readAll({ after: head - 1, limit: 10 });
        expect(last.map((e) => e.position)).toEqual([head]);
      });
    });

    describe('subscribeAll', () => {
      it('catches up, then delivers live events in order without duplicates; close() stops it', async () => {
        const s = newStreamId();
        const start = await store.headPosition();
        const events = Array.from({ length: 6 }, () => newEvent());
        await store.append(s, events.slice(0, 2), 'no-stream');
        const received: RecordedEvent[] = [];
        const all: number[] = [];

        const subscription = store.subscribeAll(start, (e) => {
          all.push(e.position);
          if (e.streamId === s) received.push(e);
        });
        await waitFor(() => received.length === 2);
        await store.append(s, events.slice(2, 3), 1);
        await store.append(s, events.slice(3, 5), 2);
        await waitFor(() => received.length === 5);
        await subscription.close();
        await store.append(s, events.slice(5), 4);
        await delay(400);

        expect(received.map((e) => e.id)).toEqual(events.slice(0, 5).map((e) => e.id));
        expect(received.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(all[0]).toBeGreaterThan(start);
        expectStrictlyIncreasing(all);
      });

      it('starts after the given position', async () => {
        const s = newStreamId();
        const events = Array.from({ length: 4 }, () => newEvent());
        await store.append(s, events, 'no-stream');
        const stored = await store.readStream(s);
        const received: RecordedEvent[] = [];

        const subscription = store.subscribeAll(stored[1].position, (e) => {
          received.push(e);
        });
        await waitFor(() => received.filter((e) => e.streamId === s).length === 2);
        await subscription.close();

        expect(received[0].position).toBeGreaterThan(stored[1].position);
        expect(received.filter((e) => e.streamId === s).map((e) => e.id)).toEqual([events[2].id, events[3].id]);
      });

      it('awaits the handler before delivering the next event', async () => {
        const s = newStreamId();
        const start = await store.headPosition();
        await store.append(s, [newEvent(), newEvent(), newEvent()], 'no-stream');
        let running = 0;
        let maxRunning = 0;
        let handled = 0;

        const subscription = store.subscribeAll(start, async (e) => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          await delay(5);
          running -= 1;
          if (e.streamId === s) handled += 1;
        });
        await waitFor(() => handled === 3);
        await subscription.close();

        expect(maxRunning).toBe(1);
      });

      it('stops on a throwing handler and reports the error through onError', async () => {
        const s = newStreamId();
        const start = await store.headPosition();
        await store.append(s, [newEvent(), newEvent(), newEvent()], 'no-stream');
        const boom = new Error('projection failed');
        const delivered: number[] = [];
        const errors: unknown[] = [];

        const subscription = store.subscribeAll(
          start,
          (e) => {
            if (e.streamId !== s) return;
            delivered.push(e.revision);
            if (e.revision === 1) throw boom;
          },
          { onError: (err) => errors.push(err) },
        );
        await waitFor(() => errors.length > 0);
        await store.append(s, [newEvent()], 2);
        await delay(400);
        await subscription.close();

        expect(errors).toEqual([boom]);
        expect(delivered).toEqual([0, 1]);
      });

      it('can be closed from inside its own handler', async () => {
        const s = newStreamId();
        const start = await store.headPosition();
        await store.append(s, [newEvent(), newEvent()], 'no-stream');
        const delivered: number[] = [];
        const errors: unknown[] = [];

        const subscription = store.subscribeAll(
          start,
          async (e) => {
            if (e.streamId !== s) return;
            delivered.push(e.revision);
            await subscription.close();
          },
          { onError: (err) => errors.push(err) },
        );
        await waitFor(() => delivered.length > 0);
        await delay(200);

        expect(errors).toEqual([]);
        expect(delivered).toEqual([0]);
        await subscription.close();
      });

      it('lets the event loop run while it catches up a long backlog with a synchronous handler', async () => {
        const s = newStreamId();
        const start = await store.headPosition();
        const events = Array.from({ length: 1_500 }, () => newEvent());
        await store.append(s, events, 'no-stream');
        let delivered = 0;
        let deliveredWhenImmediateRan = -1;

        const subscription = store.subscribeAll(start, (e) => {
          if (e.streamId === s) delivered += 1;
        });
        setImmediate(() => (deliveredWhenImmediateRan = delivered));
        await waitFor(() => delivered === events.length && deliveredWhenImmediateRan >= 0);
        await subscription.close();

        // A macrotask queued at subscribe time ran before the catch-up reached the head.
        expect(deliveredWhenImmediateRan).toBeLessThan(events.length);
      });
    });

    describe('hash chain', () => {
      it('links each event to the previous one of its stream, from the genesis hash', async () => {
        const s = newStreamId();
        await store.append(s, [newEvent(), newEvent()], 'no-stream');
        await store.append(newStreamId(), [newEvent()], 'no-stream');
        await store.append(s, [newEvent()], 1);

        const stored = await store.readStream(s);

        expect(stored[0].prevHash).toBe(GENESIS_HASH);
        for (let i = 1; i < stored.length; i++) expect(stored[i].prevHash).toBe(stored[i - 1].hash);
        for (const e of stored) {
          expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(e.hash).toBe(
            eventHash(e.prevHash, {
              streamId: e.streamId,
              revision: e.revision,
              id: e.id,
              type: e.type,
              schemaVersion: e.schemaVersion,
              dataJson: canonicalJson(e.data),
              metadataJson: canonicalJson(e.metadata),
              recordedAt: e.recordedAt,
            }),
          );
        }
        expect(new Set(stored.map((e) => e.hash)).size).toBe(stored.length);
      });

      it('verify() reports ok on an untampered store and counts what it checked', async () => {
        const before = await store.verify();
        await store.append(newStreamId(), [newEvent(), newEvent()], 'no-stream');
        await store.append(newStreamId(), [newEvent()], 'no-stream');

        const report = await store.verify();

        expect(before.ok).toBe(true);
        expect(report).toMatchObject({ ok: true, firstBreak: null });
        expect(report.eventsChecked).toBeGreaterThanOrEqual(before.eventsChecked + 3);
        expect(report.streamsChecked).toBeGreaterThanOrEqual(before.streamsChecked + 2);
        expect(Number.isNaN(Date.parse(report.checkedAt))).toBe(false);
      });
    });

    describe('payloads', () => {
      it('round-trips data and metadata exactly (unicode, nesting, arrays, nulls, numbers)', async () => {
        const s = newStreamId();
        const data = {
          title: 'Zombie 🧟 item — «décision» 決定 \u2028 "quoted" \\ back\nslash',
          empty: '',
          nested: { level1: { level2: { list: [1, 'two', null, true, { three: 3 }], deep: [] } } },
          numbers: { int: 42, negative: -7, float: 0.1 + 0.2, big: Number.MAX_SAFE_INTEGER, exp: 1e-7 },
          flags: [true, false],
          nothing: null,
        };
        const metadata: EventMetadata = {
          actor: { id: 'user-ü', role: 'product-owner' },
          correlationId: randomUUID(),
          causationId: null,
          requestId: 'req-1',
          occurredAt: '2024-02-29T23:59:59.999Z',
          client: { name: 'cli', tags: ['import', 'ünïcødé'] },
        };
        const event: EventToAppend = { id: randomUUID(), type: 'item.titled', schemaVersion: 3, data, metadata };

        await store.append(s, [event], 'no-stream');
        const [fromStream] = await store.readStream(s);
        const fromAll = await store.readAll({ after: fromStream.position - 1, limit: 1 });

        for (const e of [fromStream, fromAll[0]]) {
          expect(e.data).toEqual(data);
          expect(e.metadata).toEqual(metadata);
          expect(e.type).toBe('item.titled');
          expect(e.schemaVersion).toBe(3);
        }
      });
    });

    describe('close', () => {
      it('finishes in-flight appends, then rejects new ones with EventStoreUnavailableError', async () => {
        const pending = Array.from({ length: 10 }, () => store.append(newStreamId(), [newEvent()], 'no-stream'));

        await store.close();

        const results = await Promise.all(pending);
        expect(results.every((r) => r.alreadyAppended === false && r.nextRevision === 0)).toBe(true);
        expect(await rejectionOf(store.append(newStreamId(), [newEvent()], 'any'))).toBeInstanceOf(
          EventStoreUnavailableError,
        );
      });
    });
  });
}

export function newStreamId(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

export function newEvent(data: Record<string, unknown> = { note: 'something happened' }): EventToAppend {
  return {
    id: randomUUID(),
    type: 'contract.something-happened',
    schemaVersion: 1,
    data,
    metadata: { actor: { id: 'contract-suite', role: 'system' }, correlationId: randomUUID(), causationId: null },
  };
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, it resolved');
}

/** Polls until the condition holds; fails (not a performance assertion) after a generous timeout. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(5);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function expectStrictlyIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
}
