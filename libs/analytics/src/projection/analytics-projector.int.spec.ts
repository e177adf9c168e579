import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { FixedClock, type RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { appendHistory, generateHistory } from '../testing/generated-history';
import { allRows, digest, rawCount, type ProjectionDigest } from '../testing/digest';
import { EventStoreSource, type EventSource } from '../source/event-source';
import { AnalyticsProjector, DecisionWriter, projectAll, rowsOf } from './analytics-projector';
import { rebuildProjection } from './rebuild';

const REPO_ROOT = resolve(__dirname, '../../../..');
/** recordedAt is part of a row: every store of this file commits at the same instant, so rows compare equal. */
const clock = new FixedClock(new Date('2026-06-01T00:00:00.000Z'));
const openStore = (file: string) => SqliteEventStore.open({ file, clock });

/** Delivers fixed batches in order (repeats included), then stays idle: an at-least-once source under test control. */
class ScriptedSource implements EventSource {
  /** Resolves once every batch has been handed over. */
  delivered: Promise<void> = Promise.resolve();
  constructor(private readonly batches: RecordedEvent[][]) {}
  start(after: number, onBatch: (events: RecordedEvent[]) => Promise<void>, onError: (e: unknown) => void) {
    let stopped = false;
    const done = (async () => {
      for (const batch of this.batches) {
        if (stopped) return;
        await onBatch(batch);
      }
    })().catch(onError);
    this.delivered = done;
    return {
      stop: async () => {
        stopped = true;
        await done;
      },
    };
  }
}

async function aggregates(client: ClickHouseClient, database: string) {
  const rs = await client.query({
    query: `SELECT type, toString(count()) AS n, sum(estimate) AS estimate, sum(to_position) AS to_pos
            FROM ${database}.decisions FINAL GROUP BY type ORDER BY type`,
    format: 'JSONEachRow',
  });
  return rs.json();
}

async function projectedState(client: ClickHouseClient, database: string) {
  return { rows: await allRows(client, database), aggregates: await aggregates(client, database), digest: await digest(client, database) };
}

describe('analytics projector (real chDB, real SQLite store)', () => {
  let analytics: AnalyticsHarness;
  let dir: string;
  let store: SqliteEventStore;
  let events: RecordedEvent[];
  let head: number;
  /** A clean full rebuild of the store: the reference every test compares with. */
  let reference: Awaited<ReturnType<typeof projectedState>>;

  beforeAll(async () => {
    analytics = await startAnalytics();
    dir = mkdtempSync(join(tmpdir(), 'ledger-projector-'));
    store = openStore(join(dir, 'events.sqlite'));
    const history = generateHistory({ events: 12_000, backlogs: 3, seed: 11 });
    head = await appendHistory(store, history);
    events = [];
    for (let after = 0; after < head; after = events[events.length - 1].position) events.push(...(await store.readAll({ after, limit: 10_000 })));
    const db = await analytics.freshDatabase();
    const result = await projectAll(analytics.client, db, store);
    expect(result.position).toBe(head);
    reference = await projectedState(analytics.client, db);
    expect(reference.digest.rows).toBeGreaterThan(10_000);
    expect(reference.digest.rows).toBe(reference.digest.distinctEvents);
    expect(reference.digest.rows).toBeLessThan(head); // forum events have no row
  }, 120_000);

  afterAll(async () => {
    await store.close();
    await analytics.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the table and the checkpoint in a full pass (projectAll)', async () => {
    const db = await analytics.freshDatabase();
    const progress: number[] = [];
    await projectAll(analytics.client, db, store, (p) => progress.push(p.position), { batchSize: 3000 });
    const expected: number[] = [];
    for (let p = 3000; p < head; p += 3000) expected.push(p);
    expect(progress).toEqual([...expected, head]);
    expect(await new DecisionWriter(analytics.client, db).readCheckpoint()).toBe(head);
    expect(await projectedState(analytics.client, db)).toEqual(reference);
  });

  it('incremental projection over the live subscription, in many batches, equals the full rebuild', async () => {
    // A second store receives the history in slices while the projector follows it live.
    const liveStore = openStore(join(dir, 'live.sqlite'));
    try {
      const db = await analytics.freshDatabase();
      const flushed: number[] = [];
      const projector = new AnalyticsProjector({
        client: analytics.client,
        database: db,
        source: new EventStoreSource(liveStore, { catchUpPage: 0, maxBatch: 700 }),
        batchSize: 700,
        flushMs: 20,
      });
      await appendHistory(liveStore, events.slice(0, 2_000));
      await projector.start();
      for (let i = 2_000; i < events.length; i += 1_500) {
        await appendHistory(liveStore, events.slice(i, i + 1_500), 300);
        flushed.push(projector.checkpoint());
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(await projector.waitFor(head, 30_000)).toBe(true);
      expect(projector.lag()).toEqual({ events: 0, seconds: 0 });
      await projector.stop();
      expect(projector.checkpoint()).toBe(head);
      expect(new Set(flushed).size).toBeGreaterThan(3); // it really projected along the way, batch after batch
      expect(await projectedState(analytics.client, db)).toEqual(reference);
      expect(await new DecisionWriter(analytics.client, db).readCheckpoint()).toBe(head);
    } finally {
      await liveStore.close();
    }
  });

  it('catches up from the store with readAll pages, then stops cleanly and resumes from its checkpoint', async () => {
    const db = await analytics.freshDatabase();
    const first = new AnalyticsProjector({ client: analytics.client, database: db, source: new EventStoreSource(store, { maxBatch: 1000 }), batchSize: 1000 });
    await first.start();
    expect(await first.waitFor(4_000, 30_000)).toBe(true);
    await first.stop();
    const stoppedAt = first.checkpoint();
    expect(stoppedAt).toBeGreaterThanOrEqual(4_000);

    const second = new AnalyticsProjector({ client: analytics.client, database: db, source: new EventStoreSource(store), batchSize: 5000 });
    await second.start();
    expect(second.checkpoint()).toBe(stoppedAt);
    expect(await second.waitFor(head, 30_000)).toBe(true);
    await second.stop();
    expect(await projectedState(analytics.client, db)).toEqual(reference);
  });

  it('redelivery: the same batches projected twice change no row and no aggregate', async () => {
    const db = await analytics.freshDatabase();
    // Keep the duplicates physically apart (no background merge) so FINAL has to do the work.
    await analytics.client.command({ query: `SYSTEM STOP MERGES ${db}.decisions` });
    const batches: RecordedEvent[][] = [];
    for (let i = 0; i < events.length; i += 1000) batches.push(events.slice(i, i + 1000));
    // Everything once, then batches 3..6 again (a consumer group rebalance), then batch 0 again (a restart from 0).
    const script = [...batches, ...batches.slice(3, 7), batches[0]];
    const source = new ScriptedSource(script);
    const projector = new AnalyticsProjector({ client: analytics.client, database: db, source, batchSize: 1000, headPollMs: 0 });
    await projector.start();
    expect(await projector.waitFor(head, 30_000)).toBe(true);
    await source.delivered;
    await projector.stop(); // flushes what is still pending

    const redelivered = rowsOf(script.slice(batches.length).flat()).length;
    expect(await rawCount(analytics.client, db)).toBe(reference.digest.rows + redelivered); // the duplicates are there…
    expect(await projectedState(analytics.client, db)).toEqual(reference); // …and change nothing metrics read
    expect(projector.checkpoint()).toBe(head); // a redelivered old batch never moves the checkpoint back
    expect(await new DecisionWriter(analytics.client, db).readCheckpoint()).toBe(head);
  });

  it('a crash between the rows insert and the checkpoint re-projects identical rows on restart', async () => {
    const db = await analytics.freshDatabase();
    await analytics.client.command({ query: `SYSTEM STOP MERGES ${db}.decisions` });
    const writer = new DecisionWriter(analytics.client, db);
    // Before the "crash": up to 5,000 fully projected; 5,001..8,000 inserted, their item states not refreshed
    // and the checkpoint not written.
    const projected = rowsOf(events.slice(0, 5_000));
    await writer.insertRows(projected);
    await writer.refreshItems(projected);
    await writer.writeCheckpoint(5_000);
    const orphaned = rowsOf(events.slice(5_000, 8_000));
    await writer.insertRows(orphaned);

    const restarted = new AnalyticsProjector({ client: analytics.client, database: db, source: new EventStoreSource(store), batchSize: 2000 });
    await restarted.start();
    expect(restarted.checkpoint()).toBe(5_000);
    expect(await restarted.waitFor(head, 30_000)).toBe(true);
    await restarted.stop();
    expect(await rawCount(analytics.client, db)).toBe(reference.digest.rows + orphaned.length);
    expect(await projectedState(analytics.client, db)).toEqual(reference);
  });

  it('a failed checkpoint write stops the run; it restarts from the durable checkpoint and ends identical', async () => {
    const db = await analytics.freshDatabase();
    let failuresLeft = 2;
    const flaky = Object.create(analytics.client) as ClickHouseClient;
    flaky.insert = ((params: { table: string }) => {
      if (params.table.endsWith('.projection_checkpoints') && failuresLeft > 0) {
        failuresLeft -= 1;
        return Promise.reject(new Error('simulated crash after the rows insert'));
      }
      return analytics.client.insert(params as never);
    }) as ClickHouseClient['insert'];
    const logs: string[] = [];
    const projector = new AnalyticsProjector({
      client: flaky,
      database: db,
      source: new EventStoreSource(store, { maxBatch: 1500 }),
      batchSize: 1500,
      retryMs: 20,
      log: (level, message) => logs.push(`${level} ${message}`),
    });
    await projector.start();
    expect(await projector.waitFor(head, 30_000)).toBe(true);
    await projector.stop();
    expect(failuresLeft).toBe(0);
    expect(logs.filter((l) => l.startsWith('error'))).toHaveLength(2);
    expect(projector.status()).toMatchObject({ state: 'stopped', checkpoint: head, lastError: null });
    expect(await projectedState(analytics.client, db)).toEqual(reference);
  });

  it('reports lag while behind and none once caught up; waitFor gives up after its timeout', async () => {
    const db = await analytics.freshDatabase();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gated: EventSource = {
      start(after, onBatch, onError) {
        const inner = new EventStoreSource(store, { maxBatch: 2000 });
        let first = true;
        return inner.start(after, async (batch) => {
          await onBatch(batch);
          if (first) {
            first = false;
            await gate; // hold the source after the first batch
          }
        }, onError);
      },
      head: () => store.headPosition(),
    };
    const projector = new AnalyticsProjector({ client: analytics.client, database: db, source: gated, batchSize: 2000, headPollMs: 10 });
    expect(projector.lag()).toEqual({ events: 0, seconds: 0 });
    await projector.start();
    expect(await projector.waitFor(2_000, 10_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    const behind = projector.lag();
    expect(behind.events).toBe(head - projector.checkpoint());
    expect(behind.seconds).toBeGreaterThan(0);
    expect(await projector.waitFor(head, 50)).toBe(false);
    release();
    expect(await projector.waitFor(head, 30_000)).toBe(true);
    expect(projector.lag()).toEqual({ events: 0, seconds: 0 });
    await projector.stop();
  });

  it('waitFor does not wait for the flush timer when a reader needs a delivered position', async () => {
    const db = await analytics.freshDatabase();
    const projector = new AnalyticsProjector({
      client: analytics.client,
      database: db,
      source: new ScriptedSource([events.slice(0, 10)]),
      batchSize: 5000,
      flushMs: 60_000,
      headPollMs: 0,
    });
    await projector.start();
    await new Promise((r) => setTimeout(r, 20));
    const t = Date.now();
    expect(await projector.waitFor(10, 5_000)).toBe(true);
    expect(Date.now() - t).toBeLessThan(2_000);
    await projector.stop();
  });

  it('rebuild switches over atomically: the table stays queryable throughout and ends equal to the incremental result', async () => {
    // Its own store, which receives the last events while the rebuild runs (the catch-up after the switch).
    const rebuildStore = openStore(join(dir, 'rebuild.sqlite'));
    try {
      await appendHistory(rebuildStore, events.slice(0, 9_000));
      const db = await analytics.freshDatabase();
      // The live database holds a stale, partial projection (as before a mapping change), and a leftover scratch db.
      const writer = new DecisionWriter(analytics.client, db);
      await writer.insertRows(rowsOf(events.slice(0, 3_000)));
      await writer.writeCheckpoint(3_000);
      await analytics.client.command({ query: `CREATE DATABASE ${db}_rebuild_1` });

      let reading = true;
      let reads = 0;
      const readErrors: unknown[] = [];
      const counts: number[] = [];
      const reader = (async () => {
        while (reading) {
          try {
            const rs = await analytics.client.query({ query: `SELECT toString(count()) AS n FROM ${db}.decisions FINAL`, format: 'JSONEachRow' });
            counts.push(Number((await rs.json<{ n: string }>())[0].n));
            reads += 1;
          } catch (err) {
            readErrors.push(err);
          }
        }
      })();
      const phases: string[] = [];
      let appending: Promise<number> | null = null;
      const result = await rebuildProjection({
        client: analytics.client,
        database: db,
        store: rebuildStore,
        batchSize: 2000,
        onProgress: (p) => {
          phases.push(p.phase);
          // The full pass has read its last (short) page: what is appended now only the catch-up can see.
          if (p.phase === 'rebuild' && p.position === 9_000) appending = appendHistory(rebuildStore, events.slice(9_000), 100_000);
        },
      });
      reading = false;
      await reader;
      await appending;

      expect(readErrors).toEqual([]);
      expect(reads).toBeGreaterThan(2);
      // Readers saw the old table, then the new one complete up to where the full pass ended (growing only by
      // the catch-up): never a missing, empty or half-filled table.
      const rowsOf9000 = rowsOf(events.slice(0, 9_000)).length;
      const switched = counts.findIndex((n) => n !== counts[0]);
      expect(counts[0]).toBe(rowsOf(events.slice(0, 3_000)).length);
      expect(switched).toBeGreaterThan(0);
      const afterSwitch = counts.slice(switched);
      expect(afterSwitch.every((n, i) => n >= rowsOf9000 && (i === 0 || n >= afterSwitch[i - 1]))).toBe(true);
      expect(afterSwitch[afterSwitch.length - 1]).toBe(reference.digest.rows);
      expect(result).toMatchObject({ position: head, events: head, switchedWith: 'exchange' });
      expect(phases).toContain('catch-up');
      expect(await projectedState(analytics.client, db)).toEqual(reference);
      expect(await new DecisionWriter(analytics.client, db).readCheckpoint()).toBe(head);
      const rs = await analytics.client.query({ query: `SELECT name FROM system.databases WHERE startsWith(name, '${db}_rebuild_')`, format: 'JSONEachRow' });
      expect(await rs.json()).toEqual([]); // scratch and leftovers dropped

      // A projector started after the rebuild resumes at the rebuilt checkpoint and keeps the result identical.
      const projector = new AnalyticsProjector({ client: analytics.client, database: db, source: new EventStoreSource(rebuildStore) });
      await projector.start();
      expect(projector.checkpoint()).toBe(head);
      await projector.stop();
      expect(await projectedState(analytics.client, db)).toEqual(reference);
    } finally {
      await rebuildStore.close();
    }
  });

  describe('SIGKILL mid-projection', () => {
    let storeFile: string;
    let bigHead: number;
    let clean: ProjectionDigest;

    beforeAll(async () => {
      storeFile = join(dir, 'killed.sqlite');
      const killedStore = openStore(storeFile);
      bigHead = await appendHistory(killedStore, generateHistory({ events: 20_000, backlogs: 4, seed: 23 }));
      const cleanDb = await analytics.freshDatabase();
      await projectAll(analytics.client, cleanDb, killedStore);
      clean = await digest(analytics.client, cleanDb);
      await killedStore.close();
    }, 60_000);

    /** Restarts the projection in a second child and checks it against the clean rebuild. */
    async function restartAndCompare(childDir: string, killedAt: number): Promise<{ orphans: number; raw: number }> {
      const second = runChild(storeFile, childDir, 'ledger', 150);
      const exit = await second.exited;
      expect(second.stderr()).toBe('');
      expect(exit.code).toBe(0);
      const resumedAt = Number(second.lines().find((l) => l.startsWith('start '))!.split(' ')[1]);
      expect(resumedAt).toBeGreaterThanOrEqual(killedAt); // resumed from its durable checkpoint, not from 0
      const after = JSON.parse(second.lines().find((l) => l.startsWith('digest '))!.slice('digest '.length)) as ProjectionDigest;
      expect(after).toEqual(clean); // same rows, same aggregates: nothing lost, nothing counted twice
      expect(after.rows).toBe(after.distinctEvents);
      expect(after.maxPosition).toBeGreaterThan(bigHead - 50);
      const raw = Number(second.lines().find((l) => l.startsWith('raw '))!.split(' ')[1]);
      const orphans = Number(second.lines().find((l) => l.startsWith('orphans '))!.split(' ')[1]);
      expect(raw).toBeGreaterThanOrEqual(after.rows);
      return { orphans, raw };
    }

    it('killed at a random moment after some progress: a restart equals a clean rebuild', async () => {
      const childDir = mkdtempSync(join(tmpdir(), 'ledger-projector-child-'));
      try {
        const first = runChild(storeFile, childDir, 'ledger', 150);
        await first.waitForLine((l) => /^checkpoint (\d+)/.test(l) && Number(l.split(' ')[1]) > 3_000, 60_000);
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 200)));
        first.child.kill('SIGKILL');
        const exit = await first.exited;
        expect(exit.signal).toBe('SIGKILL');
        expect(first.stderr()).toBe('');
        const killedAt = Math.max(...first.lines().filter((l) => l.startsWith('checkpoint ')).map((l) => Number(l.split(' ')[1])));
        expect(killedAt).toBeLessThan(bigHead); // it really was mid-projection
        const { orphans, raw } = await restartAndCompare(childDir, killedAt);
        if (process.env.LEDGER_TEST_VERBOSE) process.stdout.write(`SIGKILL at checkpoint ${killedAt}; orphans ${orphans}; stored ${raw} rows for ${clean.rows}\n`);
      } finally {
        rmSync(childDir, { recursive: true, force: true });
      }
    }, 120_000);

    it('killed right after a rows insert, before its checkpoint: the orphan rows are re-inserted and collapse', async () => {
      const childDir = mkdtempSync(join(tmpdir(), 'ledger-projector-child-'));
      try {
        const first = runChild(storeFile, childDir, 'ledger', 150, { LEDGER_CHILD_KILL_AT_CHECKPOINT: '40' });
        const exit = await first.exited;
        expect(exit.signal).toBe('SIGKILL');
        expect(first.stderr()).toBe('');
        const killedAt = Math.max(0, ...first.lines().filter((l) => l.startsWith('checkpoint ')).map((l) => Number(l.split(' ')[1])));
        expect(killedAt).toBeGreaterThan(0);
        const { orphans } = await restartAndCompare(childDir, killedAt);
        expect(orphans).toBeGreaterThan(0); // the kill did land between an insert and its checkpoint
      } finally {
        rmSync(childDir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});

function runChild(storeFile: string, chdbDir: string, database: string, batchSize: number, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'libs/analytics/src/testing/projector-child.ts', storeFile, chdbDir, database, String(batchSize)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let stdout = '';
  let stderr = '';
  const listeners: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const l of listeners) l();
  });
  // chDB prints nothing on a clean run; keep whatever comes for the assertion message.
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const lines = () => stdout.slice(0, stdout.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
  return {
    child,
    exited,
    lines,
    stderr: () => stderr,
    waitForLine: (match: (line: string) => boolean, timeoutMs: number) =>
      new Promise<void>((resolveWait, reject) => {
        const timer = setTimeout(() => reject(new Error(`child did not report progress in time; stdout:\n${stdout.slice(-500)}\nstderr:\n${stderr}`)), timeoutMs);
        const check = () => {
          if (lines().some(match)) {
            clearTimeout(timer);
            resolveWait();
          }
        };
        listeners.push(check);
        void exited.then(() => check());
        check();
      }),
  };
}
