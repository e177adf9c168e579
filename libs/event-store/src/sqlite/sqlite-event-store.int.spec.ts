import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { EventToAppend, RecordedEvent } from '@ledger/kernel';
import { FixedClock } from '@ledger/kernel';
import {
  EventStoreUnavailableError,
  IdempotencyViolationError,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { canonicalJson, GENESIS_HASH } from '../hash-chain';
import { appendsAtomically, HeadMovedError, opensBatchWriter, type BatchAppendRequest, type SerializedEventToAppend } from '../batch-append';
import {
  delay,
  describeEventStoreContract,
  newEvent,
  newStreamId,
  rejectionOf,
  waitFor,
} from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const REPO_ROOT = resolve(__dirname, '../../../..');

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-es-'));
  tempDirs.push(dir);
  return join(dir, 'events.db');
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describeEventStoreContract('sqlite', async () => {
  const store = SqliteEventStore.open({ file: tempFile(), pollIntervalMs: 50 });
  return { store, cleanup: () => store.close() };
});

/** Every event in position order, read page by page. */
async function readEverything(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: all.length ? all[all.length - 1].position : 0, limit: 10_000 });
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/**
 * Reads an `strace -f -y` log of writes and syncs in call order: how often the database file was written while
 * the WAL had writes no sync had started after, and how often the WAL restarted (a 32-byte header write at offset
 * 0, after the first) while the database file had such writes. A sync counts from its start (its entry line).
 */
function syncOrder(log: string, dbFile: string) {
  const result = { dbWrites: 0, walRestarts: 0, dbWrittenWhileWalUnsynced: 0, walRestartedWhileDbUnsynced: 0 };
  let dbDirty = false;
  let walDirty = false;
  let walHeaders = 0;
  for (const line of log.split('\n')) {
    const m = /^\d+\s+(pwrite64|pwritev|write|fsync|fdatasync)\(\d+<([^>]+)>(.*)$/.exec(line);
    if (!m) continue;
    const [, call, path, rest] = m;
    const isSync = call === 'fsync' || call === 'fdatasync';
    if (path === dbFile) {
      if (isSync) dbDirty = false;
      else {
        result.dbWrites += 1;
        if (walDirty) result.dbWrittenWhileWalUnsynced += 1;
        dbDirty = true;
      }
    } else if (path === `${dbFile}-wal`) {
      if (isSync) walDirty = false;
      else {
        if (call === 'pwrite64' && /, 32, 0\)/.test(rest) && ++walHeaders > 1) {
          result.walRestarts += 1;
          if (dbDirty) result.walRestartedWhileDbUnsynced += 1;
        }
        walDirty = true;
      }
    }
  }
  return result;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('SqliteEventStore', () => {
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    file = tempFile();
    store = SqliteEventStore.open({ file, pollIntervalMs: 50 });
  });

  afterEach(async () => {
    await store.close();
  });

  describe('positions and group commit', () => {
    it('assigns gap-free positions 1..n, also across failed and idempotent appends in the same batch', async () => {
      const s = newStreamId();
      const retried = [newEvent()];
      await store.append(s, retried, 'no-stream');
      const sizes = Array.from({ length: 30 }, (_, i) => 1 + (i % 4));
      const outcomes = await Promise.allSettled([
        ...sizes.map((size) => store.append(newStreamId(), Array.from({ length: size }, () => newEvent()), 'no-stream')),
        store.append(s, [newEvent()], 'no-stream'), // conflict
        store.append(s, retried, 'no-stream'), // idempotent retry
        store.append(s, [newEvent(), newEvent()], 0),
      ]);
      await store.append(newStreamId(), [newEvent()], 'any');

      expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
      const all = await readEverything(store);
      expect(all.map((e) => e.position)).toEqual(range(1, all.length));
      expect(await store.headPosition()).toBe(all.length);
      expect(all.length).toBe(1 + sizes.reduce((a, b) => a + b, 0) + 2 + 1);
    });

    it('commits appends issued in the same tick in one transaction', async () => {
      const before = store.stats();
      const results = await Promise.all(
        Array.from({ length: 200 }, () => store.append(newStreamId(), [newEvent()], 'no-stream')),
      );
      const after = store.stats();

      expect(results).toHaveLength(200);
      expect(after.appends - before.appends).toBe(200);
      expect(after.events - before.events).toBe(200);
      expect(after.commits - before.commits).toBe(1);
    });

    it('batches appends issued while earlier ones are being committed', async () => {
      const before = store.stats();
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          const s = newStreamId();
          for (let revision = 0; revision < 20; revision++) {
            await store.append(s, [newEvent()], revision === 0 ? 'no-stream' : revision - 1);
          }
        }),
      );
      const after = store.stats();

      expect(after.appends - before.appends).toBe(640);
      expect(after.commits - before.commits).toBeLessThanOrEqual(640 / 10);
    });

    it('checks each request of a batch on its own: a conflict or a violation does not fail the others', async () => {
      const s = newStreamId();
      const [a, b] = [newEvent(), newEvent()];
      await store.append(s, [a], 'no-stream');
      const commitsBefore = store.stats().commits;

      const [ok1, conflict, violation, ok2, sameTick] = await Promise.allSettled([
        store.append(s, [newEvent()], 0),
        store.append(s, [newEvent()], 0), // sees the first request's event inside the transaction
        store.append(s, [a, b], 'any'),
        store.append(newStreamId(), [newEvent()], 'no-stream'),
        store.append(s, [b], 'any'), // b was not written by the violating request
      ]);

      expect(store.stats().commits - commitsBefore).toBe(1);
      expect(ok1.status).toBe('fulfilled');
      expect(ok2.status).toBe('fulfilled');
      expect(conflict).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
      expect((conflict as PromiseRejectedResult).reason).toMatchObject({ expected: 0, actual: 1 });
      expect(violation).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyViolationError) });
      expect(sameTick).toMatchObject({ status: 'fulfilled', value: { nextRevision: 2, alreadyAppended: false } });
      expect((await store.readStream(s)).map((e) => e.revision)).toEqual([0, 1, 2]);
      expect((await store.verify()).ok).toBe(true);
    });

    it('keeps positions gap-free when an append fails on a stored id after inserting its first events', async () => {
      const stored = newEvent();
      await store.append(newStreamId(), [stored], 'no-stream');
      const s = newStreamId();
      const [violating, next] = await Promise.allSettled([
        store.append(s, [newEvent(), newEvent(), stored], 'no-stream'), // two new rows go in, then the id collides
        store.append(newStreamId(), [newEvent()], 'no-stream'),
      ]);
      expect(violating).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyViolationError) });
      expect(next).toMatchObject({ status: 'fulfilled', value: { position: 2 } });
      expect(await store.readStream(s)).toEqual([]);
      expect((await readEverything(store)).map((e) => e.position)).toEqual([1, 2]);
      expect((await store.verify()).ok).toBe(true);
    });

    it('treats a duplicate of an append in the same batch as an idempotent retry', async () => {
      const s = newStreamId();
      const events = [newEvent(), newEvent()];
      const [first, second] = await Promise.all([
        store.append(s, events, 'no-stream'),
        store.append(s, events, 'no-stream'),
      ]);
      expect(first).toEqual({ nextRevision: 1, position: 2, alreadyAppended: false });
      expect(second).toEqual({ nextRevision: 1, position: 2, alreadyAppended: true });
      expect(await store.headPosition()).toBe(2);
    });

    it('rejects the whole batch with EventStoreUnavailableError when the write lock cannot be taken', async () => {
      await store.close();
      store = SqliteEventStore.open({ file, busyTimeoutMs: 20 });
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      try {
        const outcomes = await Promise.allSettled([
          store.append(newStreamId(), [newEvent()], 'no-stream'),
          store.append(newStreamId(), [newEvent()], 'no-stream'),
        ]);
        for (const o of outcomes) {
          expect(o).toMatchObject({ status: 'rejected', reason: expect.any(EventStoreUnavailableError) });
        }
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      const later = await store.append(newStreamId(), [newEvent()], 'no-stream');
      expect(later.position).toBe(1);
    });
  });

  describe('appendBatch (atomic, several streams)', () => {
    /** Appends to three streams, one of them twice, as a bulk import stages them. */
    function sampleBatch(): BatchAppendRequest[] {
      const [a, b, c] = [newStreamId('a'), newStreamId('b'), newStreamId('c')];
      return [
        { streamId: a, events: [newEvent({ n: 1 })], expected: 'no-stream' },
        { streamId: b, events: [newEvent({ n: 2 }), newEvent({ n: 3 })], expected: 'no-stream' },
        { streamId: a, events: [newEvent({ n: 4 })], expected: 0 },
        { streamId: c, events: [newEvent({ n: 5, nested: { z: 1, a: [true, null] } })], expected: 'any' },
      ];
    }

    /** Every stored column, in position order. */
    function rows(path: string) {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT * FROM events ORDER BY position').all();
      } finally {
        db.close();
      }
    }

    it('is a capability of the SQLite store (not of the port)', () => {
      expect(appendsAtomically(store)).toBe(true);
      expect(opensBatchWriter(store)).toBe(true);
    });

    it('writes exactly what the same appends one at a time write: positions, revisions, chains, stored text', async () => {
      const clock = new FixedClock(new Date('2026-01-02T03:04:05.000Z'));
      const [one, batched] = [tempFile(), tempFile()];
      const single = SqliteEventStore.open({ file: one, clock });
      const atomic = SqliteEventStore.open({ file: batched, clock });
      const batch = sampleBatch();
      try {
        const expected = [];
        for (const a of batch) expected.push(await single.append(a.streamId, a.events as EventToAppend[], a.expected));
        const before = atomic.stats();
        const results = await atomic.appendBatch(batch);
        expect(results).toEqual(expected);
        expect(results.map((r) => r.position)).toEqual([1, 3, 4, 5]);
        expect(atomic.stats()).toEqual({ commits: before.commits + 1, appends: before.appends + 4, events: before.events + 5, syncs: before.syncs + 1 }); // one commit, settled after one fsync of the WAL
      } finally {
        await single.close();
        await atomic.close();
      }
      expect(rows(batched)).toEqual(rows(one));
      expect(rows(batched).length).toBe(5);
    });

    it('stores serialized events as given (canonical), or canonicalizes them when asked: the same as from the objects', async () => {
      const objects = sampleBatch();
      const serialized: BatchAppendRequest[] = objects.map((a) => ({
        ...a,
        streamId: `${a.streamId}-s`,
        events: a.events.map((e) => {
          const { data, metadata, ...rest } = e as { data: object; metadata: object; id: string; type: string; schemaVersion: number };
          return { ...rest, id: `${rest.id}-s`, dataJson: canonicalJson(data), metadataJson: canonicalJson(metadata) };
        }),
      }));
      // JSON that is not canonical (keys out of order), for the store to canonicalize.
      const plain: BatchAppendRequest[] = serialized.map((a) => ({
        ...a,
        streamId: `${a.streamId}-p`,
        events: a.events.map((e) => {
          const s = e as SerializedEventToAppend;
          const reversed = (json: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(json)).reverse()));
          return { ...s, id: `${s.id}-p`, dataJson: reversed(s.dataJson), metadataJson: reversed(s.metadataJson), canonicalize: true };
        }),
      }));
      expect((plain[3].events[0] as { dataJson: string }).dataJson.startsWith('{"nested"')).toBe(true);
      await store.appendBatch(objects);
      await store.appendBatch(serialized);
      await store.appendBatch(plain);
      const all = await readEverything(store);
      expect(all.slice(5, 10).map((e) => [e.data, e.metadata])).toEqual(all.slice(0, 5).map((e) => [e.data, e.metadata]));
      expect(all.slice(10).map((e) => [e.data, e.metadata])).toEqual(all.slice(0, 5).map((e) => [e.data, e.metadata]));
      const text = rows(file).map((r) => (r as { data: string }).data);
      expect(text.slice(10)).toEqual(text.slice(0, 5)); // stored canonical: the same text
      expect((await store.verify()).ok).toBe(true);
      expect(await rejectionOf(store.appendBatch([{ streamId: newStreamId(), expected: 'any', events: [{ id: 'x', type: 't', schemaVersion: 1, dataJson: '[1]', metadataJson: '{}' }] }]))).toMatchObject({
        code: 'STREAM.INVALID_APPEND',
      });
    });

    it('writes nothing when one append fails, and rejects with that append\'s error', async () => {
      const s = newStreamId();
      await store.append(s, [newEvent()], 'no-stream');
      const head = await store.headPosition();
      const batch = [...sampleBatch(), { streamId: s, events: [newEvent()], expected: 'no-stream' as const }, ...sampleBatch()];
      const error = await rejectionOf(store.appendBatch(batch));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: s, expected: 'no-stream', actual: 0 });
      expect(await store.headPosition()).toBe(head);
      // The expected revision of a later append counts the earlier appends of the same batch.
      const again = await rejectionOf(store.appendBatch([
        { streamId: s, events: [newEvent()], expected: 0 },
        { streamId: s, events: [newEvent()], expected: 0 },
      ]));
      expect(again).toMatchObject({ streamId: s, expected: 0, actual: 1 });
      expect(await store.headPosition()).toBe(head);
      expect((await store.verify()).ok).toBe(true);
    });

    it('treats a batch that was committed before as an idempotent retry: same results, nothing written', async () => {
      const batch = sampleBatch();
      const first = await store.appendBatch(batch);
      const head = await store.headPosition();
      const again = await store.appendBatch(batch);
      expect(again).toEqual(first.map((r) => ({ ...r, alreadyAppended: true })));
      expect(await store.headPosition()).toBe(head);
    });

    it('with expectedHead, commits only if no one else wrote since', async () => {
      const head = await store.headPosition();
      await store.append(newStreamId(), [newEvent()], 'no-stream'); // someone else
      const error = await rejectionOf(store.appendBatch(sampleBatch(), { expectedHead: head }));
      expect(error).toBeInstanceOf(HeadMovedError);
      expect(error).toMatchObject({ code: 'STORE.HEAD_MOVED', expected: head, actual: head + 1 });
      expect(await store.headPosition()).toBe(head + 1);
      const results = await store.appendBatch(sampleBatch(), { expectedHead: head + 1 });
      expect(results[results.length - 1].position).toBe(head + 6);
    });

    it('commits appends queued before it first, so positions follow the order of the calls', async () => {
      const queued = store.append(newStreamId('queued'), [newEvent()], 'no-stream');
      const results = await store.appendBatch(sampleBatch());
      expect((await queued).position).toBe(1);
      expect(results[0].position).toBe(2);
    });

    it('wakes subscriptions once, with every event of the batch in order', async () => {
      const seen: number[] = [];
      const sub = store.subscribeAll(0, (e) => {
        seen.push(e.position);
      });
      try {
        await store.appendBatch(sampleBatch());
        await waitFor(() => seen.length === 5);
        expect(seen).toEqual([1, 2, 3, 4, 5]);
      } finally {
        await sub.close();
      }
    });

    it('on a writer thread: the same results and rows, errors as the same classes, recordedAt from the caller\'s clock', async () => {
      const clock = new FixedClock(new Date('2026-01-02T03:04:05.000Z'));
      const [inProcess, threaded] = [tempFile(), tempFile()];
      const a = SqliteEventStore.open({ file: inProcess, clock });
      const b = SqliteEventStore.open({ file: threaded, clock });
      const writer = b.openBatchWriter();
      const batches = [sampleBatch(), sampleBatch()];
      try {
        const expected = [await a.appendBatch(batches[0]), await a.appendBatch(batches[1], { expectedHead: 5 })];
        // Handed over back to back: committed in order, the second on the head the first left.
        const results = await Promise.all([writer.appendBatch(batches[0]), writer.appendBatch(batches[1], { expectedHead: 5 })]);
        expect(results).toEqual(expected);
        expect(await rejectionOf(writer.appendBatch(sampleBatch(), { expectedHead: 5 }))).toBeInstanceOf(HeadMovedError);
        const conflict = sampleBatch();
        conflict[2].expected = 'no-stream';
        expect(await rejectionOf(writer.appendBatch(conflict))).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await b.headPosition()).toBe(10); // the writer's commits, seen through the store's own connection
      } finally {
        await writer.close();
        await a.close();
        await b.close();
      }
      expect(rows(threaded)).toEqual(rows(inProcess));
      expect(await rejectionOf(writer.appendBatch(sampleBatch()))).toBeInstanceOf(EventStoreUnavailableError);
    }, 60_000);
  });

  describe('recordedAt', () => {
    it('comes from the clock at commit and never decreases along positions, even if the clock goes back', async () => {
      await store.close();
      const clock = new FixedClock(new Date('2025-03-01T10:00:00.123Z'));
      store = SqliteEventStore.open({ file, clock });

      await store.append(newStreamId(), [newEvent(), newEvent()], 'no-stream');
      clock.set('2025-03-01T09:00:00.000Z');
      await store.append(newStreamId(), [newEvent()], 'no-stream');
      clock.set('2025-03-01T10:00:01.000Z');
      await store.append(newStreamId(), [newEvent()], 'no-stream');

      expect((await readEverything(store)).map((e) => e.recordedAt)).toEqual([
        '2025-03-01T10:00:00.123Z',
        '2025-03-01T10:00:00.123Z',
        '2025-03-01T10:00:00.123Z',
        '2025-03-01T10:00:01.000Z',
      ]);
      expect((await store.verify()).ok).toBe(true);
    });

    it('is non-decreasing under concurrent appends with the system clock', async () => {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const s = newStreamId();
          for (let r = 0; r < 10; r++) await store.append(s, [newEvent()], r === 0 ? 'no-stream' : r - 1);
        }),
      );
      const stamps = (await readEverything(store)).map((e) => e.recordedAt);
      expect(stamps).toHaveLength(100);
      expect([...stamps].sort()).toEqual(stamps);
    });
  });

  describe('idempotency beyond the contract', () => {
    it('recognises a retry even after the stream moved on, returning the original result', async () => {
      const s = newStreamId();
      const events = [newEvent(), newEvent()];
      const original = await store.append(s, events, 'no-stream');
      await store.append(s, [newEvent()], 1);

      expect(await store.append(s, events, 'no-stream')).toEqual({ ...original, alreadyAppended: true });
      expect(await store.readStream(s)).toHaveLength(3);
    });

    it('rejects ids stored in another stream or in another order', async () => {
      const s = newStreamId();
      const [a, b] = [newEvent(), newEvent()];
      await store.append(s, [a, b], 'no-stream');

      expect(await rejectionOf(store.append(newStreamId(), [a, b], 'any'))).toBeInstanceOf(IdempotencyViolationError);
      expect(await rejectionOf(store.append(s, [b, a], 'any'))).toBeInstanceOf(IdempotencyViolationError);
      expect(await store.headPosition()).toBe(2);
    });
  });

  describe('reads', () => {
    it('readAll defaults to 1000 events per page and caps the limit at 10000', async () => {
      const s = newStreamId();
      const batches = Array.from({ length: 21 }, () => Array.from({ length: 500 }, () => newEvent()));
      for (const [i, events] of batches.entries()) await store.append(s, events, i === 0 ? 'no-stream' : i * 500 - 1);

      expect(await store.readAll()).toHaveLength(1000);
      const capped = await store.readAll({ limit: 50_000 });
      expect(capped).toHaveLength(10_000);
      expect(capped[9_999].position).toBe(10_000);
      expect(await rejectionOf(store.readAll({ limit: 0 }))).toBeInstanceOf(RangeError);
    });

    it('rejects reads after close with EventStoreUnavailableError', async () => {
      await store.close();
      expect(await rejectionOf(store.readAll())).toBeInstanceOf(EventStoreUnavailableError);
      expect(await rejectionOf(store.readStream('x'))).toBeInstanceOf(EventStoreUnavailableError);
      expect(await rejectionOf(store.headPosition())).toBeInstanceOf(EventStoreUnavailableError);
      expect(await rejectionOf(store.verify())).toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('verify', () => {
    async function seed(): Promise<{ s: string; stored: RecordedEvent[] }> {
      const s = newStreamId();
      await store.append(s, [newEvent({ amount: 1 }), newEvent({ amount: 2 })], 'no-stream');
      await store.append(newStreamId(), [newEvent(), newEvent()], 'no-stream');
      await store.append(s, [newEvent({ amount: 3 }), newEvent({ amount: 4 })], 1);
      await store.append(newStreamId(), [newEvent()], 'no-stream');
      return { s, stored: await store.readStream(s) };
    }

    function tamper(sql: string, ...params: unknown[]): void {
      const db = new Database(file);
      try {
        expect(db.prepare(sql).run(...params).changes).toBe(1);
      } finally {
        db.close();
      }
    }

    it('counts exactly what it checked on a clean store', async () => {
      expect(await store.verify()).toMatchObject({ ok: true, streamsChecked: 0, eventsChecked: 0, firstBreak: null });
      await seed();
      expect(await store.verify()).toMatchObject({ ok: true, streamsChecked: 3, eventsChecked: 7, firstBreak: null });
    });

    it('detects data altered behind its back as a hash mismatch at that event', async () => {
      const { s, stored } = await seed();
      const target = stored[2];
      tamper("UPDATE events SET data = '{\"amount\":300}' WHERE position = ?", target.position);

      const report = await store.verify();

      expect(report.ok).toBe(false);
      expect(report.eventsChecked).toBe(7);
      expect(report.firstBreak).toMatchObject({
        streamId: s,
        revision: 2,
        position: target.position,
        problem: 'hash-mismatch',
        actual: target.hash,
      });
      expect(report.firstBreak?.expected).toMatch(/^[0-9a-f]{64}$/);
      expect(report.firstBreak?.expected).not.toBe(target.hash);
    });

    it('detects a deleted event as a position gap', async () => {
      const { stored } = await seed();
      tamper('DELETE FROM events WHERE position = ?', stored[1].position);

      const report = await store.verify();

      expect(report.ok).toBe(false);
      expect(report.firstBreak).toMatchObject({
        position: stored[1].position + 1,
        problem: 'position-gap',
        expected: String(stored[1].position),
        actual: String(stored[1].position + 1),
      });
    });

    it('detects a renumbered revision as a revision gap', async () => {
      const { s, stored } = await seed();
      tamper('UPDATE events SET revision = 7 WHERE position = ?', stored[3].position);

      expect((await store.verify()).firstBreak).toMatchObject({
        streamId: s,
        position: stored[3].position,
        problem: 'revision-gap',
        expected: '3',
        actual: '7',
      });
    });

    it('detects a rewritten link (prev_hash) as a prev-hash mismatch', async () => {
      const { s, stored } = await seed();
      tamper('UPDATE events SET prev_hash = ? WHERE position = ?', GENESIS_HASH, stored[2].position);

      expect((await store.verify()).firstBreak).toMatchObject({
        streamId: s,
        revision: 2,
        problem: 'prev-hash-mismatch',
        expected: stored[1].hash,
        actual: GENESIS_HASH,
      });
    });

    it('reports the first break in position order when there are several', async () => {
      const { stored } = await seed();
      tamper("UPDATE events SET type = 'forged' WHERE position = ?", stored[3].position);
      tamper("UPDATE events SET type = 'forged' WHERE position = ?", stored[1].position);

      expect((await store.verify()).firstBreak).toMatchObject({ position: stored[1].position, problem: 'hash-mismatch' });
    });

    it('reports progress every 10,000 events', async () => {
      const s = newStreamId();
      for (let i = 0; i < 25; i++) {
        await store.append(s, Array.from({ length: 1000 }, () => newEvent()), i === 0 ? 'no-stream' : i * 1000 - 1);
      }
      const progress: number[] = [];

      const report = await store.verify((n) => progress.push(n));

      expect(progress).toEqual([10_000, 20_000]);
      expect(report).toMatchObject({ ok: true, eventsChecked: 25_000, streamsChecked: 1 });
    });
  });

  describe('lifecycle and several connections', () => {
    it('reopens a closed file with everything in it, and continues positions and chains', async () => {
      const s = newStreamId();
      await store.append(s, [newEvent(), newEvent()], 'no-stream');
      const pending = Array.from({ length: 20 }, () => store.append(newStreamId(), [newEvent()], 'no-stream'));
      await store.close();
      await Promise.all(pending);

      store = SqliteEventStore.open({ file });
      const all = await readEverything(store);
      expect(all).toHaveLength(22);
      const next = await store.append(s, [newEvent()], 1);

      expect(next.position).toBe(23);
      const stream = await store.readStream(s);
      expect(stream[2].prevHash).toBe(stream[1].hash);
      expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 23, streamsChecked: 21 });
    });

    it('keeps positions gap-free and revisions exclusive with two store instances on one file', async () => {
      const second = SqliteEventStore.open({ file });
      try {
        const shared = newStreamId();
        await store.append(shared, [newEvent()], 'no-stream');
        const race = await Promise.allSettled([
          store.append(shared, [newEvent()], 0),
          second.append(shared, [newEvent()], 0),
        ]);
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            (i % 2 ? store : second).append(newStreamId(), [newEvent(), newEvent()], 'no-stream'),
          ),
        );

        expect(race.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(race.find((o) => o.status === 'rejected')).toMatchObject({
          reason: expect.any(WrongExpectedRevisionError),
        });
        const all = await readEverything(store);
        expect(all.map((e) => e.position)).toEqual(range(1, 82));
        expect((await second.verify()).ok).toBe(true);
      } finally {
        await second.close();
      }
    });

    it('subscriptions that follow the head together read each event once and share it; one far behind reads its own', async () => {
      const s = newStreamId();
      for (let i = 0; i < 6; i++) await store.append(s, Array.from({ length: 500 }, () => newEvent()), i === 0 ? 'no-stream' : i * 500 - 1);
      const received: RecordedEvent[][] = [[], [], []];
      const subs = [0, 0, 2000].map((after, k) =>
        store.subscribeAll(after, (e) => {
          received[k].push(e);
        }),
      );
      try {
        for (let i = 0; i < 20; i++) await store.append(newStreamId(), [newEvent(), newEvent()], 'no-stream');
        await waitFor(() => received[0].length === 3040 && received[1].length === 3040 && received[2].length === 1040);
        await delay(100);
        const all = await readEverything(store);
        expect(received[0].map((e) => e.id)).toEqual(all.map((e) => e.id));
        expect(received[1].map((e) => e.id)).toEqual(all.map((e) => e.id));
        expect(received[2].map((e) => e.position)).toEqual(range(2001, 3040));
        expect(received[1].slice(-40).every((e, i) => e === received[0][3000 + i])).toBe(true); // the same objects
        expect(received[2][received[2].length - 1]).toEqual(all[all.length - 1]);
      } finally {
        for (const sub of subs) await sub.close();
      }
    });

    it("delivers another instance's commits to a subscription by polling", async () => {
      const second = SqliteEventStore.open({ file });
      const received: string[] = [];
      const subscription = store.subscribeAll(0, (e) => {
        received.push(e.id);
      });
      try {
        const s = newStreamId();
        const events = Array.from({ length: 5 }, () => newEvent());
        await second.append(s, events.slice(0, 2), 'no-stream');
        await waitFor(() => received.length === 2);
        for (const [i, e] of events.slice(2).entries()) await second.append(s, [e], i + 1);
        await waitFor(() => received.length === 5);
        await delay(150);

        expect(received).toEqual(events.map((e) => e.id));
      } finally {
        await subscription.close();
        await second.close();
      }
    });

    it('stops subscriptions on close and rejects new appends and subscriptions', async () => {
      let handled = 0;
      store.subscribeAll(0, () => {
        handled += 1;
      });
      await store.append(newStreamId(), [newEvent()], 'no-stream');
      await waitFor(() => handled === 1);

      await store.close();

      expect(await rejectionOf(store.append(newStreamId(), [newEvent()], 'any'))).toBeInstanceOf(
        EventStoreUnavailableError,
      );
      expect(() => store.subscribeAll(0, () => undefined)).toThrow(EventStoreUnavailableError);
    });
  });

  describe('durability: the WAL is fsynced off the event loop, and nothing is acknowledged or read before', () => {
    /** Holds every fdatasync until released (or fails it), to look at the store while one is pending. */
    function holdSyncs() {
      // The module object itself (an `import *` namespace is read-only): the store calls fdatasync through it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fs = require('node:fs') as typeof import('node:fs');
      const held: { fd: number; done: (err: NodeJS.ErrnoException | null) => void }[] = [];
      const real = fs.fdatasync;
      const spy = jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: (err: NodeJS.ErrnoException | null) => void) => {
        held.push({ fd, done });
      }) as typeof fs.fdatasync);
      return {
        held,
        release: () => held.splice(0).forEach((h) => real(h.fd, h.done)),
        fail: () => held.splice(0).forEach((h) => h.done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }))),
        restore: () => spy.mockRestore(),
      };
    }

    it('settles an append, and shows its event to readers and subscriptions, only after the fsync that follows its commit', async () => {
      const second = SqliteEventStore.open({ file });
      const seen: string[] = [];
      const subscription = store.subscribeAll(0, (e) => {
        seen.push(e.id);
      });
      const syncs = holdSyncs();
      try {
        const e = newEvent();
        let settled = false;
        const appended = store.append(newStreamId(), [e], 'no-stream').then((r) => ((settled = true), r));
        await waitFor(() => syncs.held.length > 0); // committed; its fsync is running
        expect(store.stats().commits).toBe(1);
        expect(await second.headPosition()).toBe(1); // committed and visible as the head...
        let read: RecordedEvent[] | null = null;
        const reading = second.readAll().then((r) => (read = r)); // ...but another instance's read waits for its own fsync
        await delay(100);
        expect(settled).toBe(false);
        expect(read).toBeNull();
        expect(seen).toEqual([]);

        syncs.release();
        await waitFor(() => syncs.held.length > 0 || settled);
        syncs.release(); // the second instance's fsync
        expect(await appended).toMatchObject({ position: 1, alreadyAppended: false });
        await reading;
        expect(read!.map((x) => x.id)).toEqual([e.id]);
        await waitFor(() => seen.length === 1);
        expect(seen).toEqual([e.id]);
        expect(store.stats().syncs).toBeGreaterThanOrEqual(1);
      } finally {
        syncs.restore();
        await subscription.close();
        await second.close();
      }
    });

    it('commits the next batch while the previous one is being synced; one fsync then covers both', async () => {
      const syncs = holdSyncs();
      try {
        const first = store.append(newStreamId(), [newEvent()], 'no-stream');
        await waitFor(() => syncs.held.length === 1);
        const second = Promise.all([store.append(newStreamId(), [newEvent()], 'no-stream'), store.append(newStreamId(), [newEvent()], 'no-stream')]);
        await waitFor(() => store.stats().commits === 2);
        expect(syncs.held).toHaveLength(1); // the second batch waits for the next fsync, which starts after this one
        syncs.restore(); // later fsyncs run for real
        syncs.release(); // the first completes; the next one starts and covers the second batch
        expect((await first).position).toBe(1);
        expect((await second).map((r) => r.position)).toEqual([2, 3]);
        expect(store.stats()).toMatchObject({ commits: 2, syncs: 2, events: 3 });
      } finally {
        syncs.restore();
      }
    });

    it('appendBatch (bulk import) settles, and shows its events to readers, only after an fsync that started after its commit', async () => {
      const syncs = holdSyncs();
      try {
        const streamId = newStreamId();
        let settled = false;
        const batch = store.appendBatch([{ streamId, expected: 'no-stream', events: [newEvent(), newEvent()] }]).then((r) => ((settled = true), r));
        await waitFor(() => syncs.held.length === 1);
        let read: RecordedEvent[] | null = null;
        const reading = store.readStream(streamId).then((r) => (read = r)); // committed, not yet durable: the read waits
        await delay(100);
        expect({ settled, read }).toEqual({ settled: false, read: null });
        syncs.restore();
        syncs.release();
        expect((await batch).map((r) => r.nextRevision)).toEqual([1]);
        await reading;
        expect(read!.map((e) => e.revision)).toEqual([0, 1]);
      } finally {
        syncs.restore();
      }
    });

    it('after a failed fsync rejects the appends waiting for it, and every later one, as unavailable', async () => {
      const syncs = holdSyncs();
      try {
        const pending = store.append(newStreamId(), [newEvent()], 'no-stream');
        await waitFor(() => syncs.held.length === 1);
        syncs.fail();
        const error = await rejectionOf(pending);
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect(String((error as Error).message)).toMatch(/fsync .* failed .*EIO/);
        expect(await rejectionOf(store.append(newStreamId(), [newEvent()], 'no-stream'))).toBeInstanceOf(EventStoreUnavailableError);
      } finally {
        syncs.restore();
      }
    });

    /**
     * COMMIT does not sync (synchronous=NORMAL), so a commit's frames are on disk only through the store's fsync
     * of the WAL — or through a checkpoint, which copies them into the database file, after which the next writer
     * restarts the WAL and overwrites them. That is safe only if the checkpoint synced the WAL before copying and
     * the database file before the WAL could restart (ADR 0031). SQLite's own syncs are in C, so they are watched
     * with strace: in the order the syscalls were made, no write to the database file while the WAL has unsynced
     * writes, and no WAL restart (its header rewritten at offset 0) while the database file has unsynced writes.
     */
    it('checkpoints sync the WAL before copying it and the database file before the WAL restarts (strace; synchronous=OFF would not)', async () => {
      const checked = async (mode: 'store' | 'raw-off') => {
        const target = join(mkdtempSync(join(tmpdir(), 'ledger-ckpt-')), 'events.db');
        tempDirs.push(dirname(target));
        const trace = `${target}.strace`;
        const child = spawn(
          'strace',
          ['-f', '-y', '-e', 'trace=pwrite64,pwritev,write,fsync,fdatasync', '-o', trace, process.execPath,
            '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register',
            'libs/event-store/src/testing/checkpoint-writer.ts', target, mode, '6000'],
          { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        const exit = await new Promise<number | null>((done, fail) => {
          child.on('error', (err) => fail(new Error(`strace is needed to watch SQLite's syncs (apt-get install strace): ${err.message}`)));
          child.on('exit', (code) => done(code));
        });
        expect({ exit, stderr: stderr.trim() }).toEqual({ exit: 0, stderr: '' });
        return syncOrder(readFileSync(trace, 'utf8'), target);
      };
      const store = await checked('store');
      expect(store.walRestarts).toBeGreaterThanOrEqual(3); // the run really checkpointed and reused the WAL
      expect(store.dbWrites).toBeGreaterThan(0);
      expect(store).toMatchObject({ dbWrittenWhileWalUnsynced: 0, walRestartedWhileDbUnsynced: 0 });
      const off = await checked('raw-off');
      expect(off.walRestarts).toBeGreaterThanOrEqual(3);
      expect(off.walRestartedWhileDbUnsynced).toBeGreaterThan(0);
    }, 120_000);
  });

  describe('crash safety', () => {
    it('keeps every acknowledged append and a valid chain when the writer is SIGKILLed mid-loop', async () => {
      await store.close();
      const child = spawn(
        process.execPath,
        [
          '-r', 'ts-node/register/transpile-only',
          '-r', 'tsconfig-paths/register',
          'libs/event-store/src/testing/crash-writer.ts',
          file,
          '8',
        ],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));

      // Let it write for a while (it prints only acknowledged ids), then kill it without warning.
      await waitFor(() => stdout.split('\n').length > 2000 || child.exitCode !== null, 20_000);
      await delay(150 + Math.floor(Math.random() * 300));
      child.kill('SIGKILL');
      const signal = await exited;

      expect(stderr).toBe('');
      expect(signal).toBe('SIGKILL');
      const acknowledged = stdout.slice(0, stdout.lastIndexOf('\n')).split('\n'); // complete lines only
      expect(acknowledged.length).toBeGreaterThan(2000);

      store = SqliteEventStore.open({ file });
      const all = await readEverything(store);
      const stored = new Set(all.map((e) => e.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(all.map((e) => e.position)).toEqual(range(1, all.length));
      expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: all.length, firstBreak: null });
    });
  });
});

describe('sqlite event store: commit observations and read-only opening (issue 13)', () => {
  const typed = (type: string) => ({ ...newEvent(), type });
  it('reports each group commit once, with its appends and the types written; an idempotent retry writes nothing and is not reported', async () => {
    const commits: { durationMs: number; appends: number; eventTypes: string[] }[] = [];
    const store = SqliteEventStore.open({ file: tempFile(), onCommit: (c) => commits.push(c) });
    try {
      const streams = Array.from({ length: 10 }, () => newStreamId());
      const appends = streams.map((s, i) => [s, [typed(i % 2 ? 'item.added' : 'item.killed'), typed('item.started')]] as const);
      await Promise.all(appends.map(([s, events]) => store.append(s, [...events], 'no-stream')));
      expect(commits.length).toBeGreaterThanOrEqual(1);
      expect(commits.reduce((n, c) => n + c.appends, 0)).toBe(10);
      const types = commits.flatMap((c) => c.eventTypes).sort();
      expect(types).toEqual([...Array(5).fill('item.added'), ...Array(5).fill('item.killed'), ...Array(10).fill('item.started')]);
      for (const c of commits) expect(c.durationMs).toBeGreaterThan(0);

      const before = commits.length;
      const [stream, events] = appends[0];
      expect((await store.append(stream, [...events], 'no-stream')).alreadyAppended).toBe(true);
      expect(commits.slice(before)).toEqual([{ durationMs: expect.any(Number), appends: 1, eventTypes: [] }]);
    } finally {
      await store.close();
    }
  });

  it('reports an atomic batch (appendBatch, ADR 0027) as one commit with the types it wrote; retried appends in it write nothing and add no types', async () => {
    const commits: { durationMs: number; appends: number; eventTypes: string[] }[] = [];
    const store = SqliteEventStore.open({ file: tempFile(), onCommit: (c) => commits.push(c) });
    try {
      const first = { streamId: newStreamId(), events: [typed('item.added'), typed('item.started')], expected: 'no-stream' as const };
      await store.appendBatch([first]);
      await store.appendBatch([first, { streamId: newStreamId(), events: [typed('item.killed')], expected: 'no-stream' }]);
      expect(commits).toEqual([
        { durationMs: expect.any(Number), appends: 1, eventTypes: ['item.added', 'item.started'] },
        { durationMs: expect.any(Number), appends: 2, eventTypes: ['item.killed'] },
      ]);
    } finally {
      await store.close();
    }
  });

  it('opens an existing store read-only: reads and verifies, refuses appends, and creates nothing', async () => {
    const file = tempFile();
    const writer = SqliteEventStore.open({ file });
    const stream = newStreamId();
    await writer.append(stream, [typed('item.added')], 'no-stream');

    const reader = SqliteEventStore.open({ file, readonly: true });
    try {
      expect(await reader.headPosition()).toBe(1);
      expect((await reader.verify()).ok).toBe(true);
      // A commit of the writer while the reader is open is visible to it (WAL).
      await writer.append(stream, [typed('item.started')], 0);
      expect((await reader.readStream(stream)).map((e) => e.type)).toEqual(['item.added', 'item.started']);
      const refused = await rejectionOf(reader.append(newStreamId(), [typed('item.added')], 'no-stream'));
      expect(refused).toBeInstanceOf(EventStoreUnavailableError);
      expect(String((refused as Error).message)).toMatch(/readonly/i);
      const batch = await rejectionOf(reader.appendBatch([{ streamId: newStreamId(), events: [typed('item.added')], expected: 'no-stream' }]));
      expect(String((batch as Error).message)).toMatch(/readonly/i);
      expect(() => reader.openBatchWriter()).toThrow(/readonly/i);
      expect(await reader.headPosition()).toBe(2);
    } finally {
      await reader.close();
      await writer.close();
    }
    const missing = join(tempFile(), '..', 'missing.sqlite');
    expect(() => SqliteEventStore.open({ file: missing, readonly: true })).toThrow(EventStoreUnavailableError);
    expect(require('node:fs').existsSync(missing)).toBe(false);
    const notAStore = join(tempFile(), '..', 'other.sqlite');
    new Database(notAStore).exec('CREATE TABLE t (x)');
    expect(() => SqliteEventStore.open({ file: notAStore, readonly: true })).toThrow(/is not an event store/);
  });
});
