import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ClickHouseClient } from '@clickhouse/client';
import { FixedClock } from '@ledger/kernel';
import { SqliteEventStore, type EventStore } from '@ledger/event-store';
import { digest, type ProjectionDigest } from '../../../../libs/analytics/src/testing/digest';
import { loadConfig, type AppConfig } from '../config/config';
import { ANALYTICS_CLIENT, EVENT_STORE } from '../infrastructure/tokens';
import { CreateForumCommand } from '../forums/create-forum/create-forum.command';
import { ForumScheduler, type TickReport } from '../forums/forum-scheduler';
import { JsonLogger } from '../shared/json-logger';
import { TEST_SECRET } from '../../../../test/support/ledger';
import { sharedData } from '../../../../test/support/shared-data';
import { readJiraFiles } from './jira/jira-files';
import { loadMapping } from './tracker/mapping';
import { convertSource } from './tracker/tracker-import';
import { readXesFile } from './xes/xes-file';
import { generateDemo } from './demo-generator';
import { openImporter, type ImportOptions, type ImportReport } from './importer';
import { fullHistory, PO, R, SAM, scoredHistory, withRefusals } from './testing/histories';

/** Every run records at this instant, so two imports of the same lines store the very same rows (hashes included). */
const RECORDED_AT = '2026-01-01T00:00:00.000Z';
const DEMO = generateDemo({ backlogs: 2, months: 12, seed: 7, end: '2025-12-01' });

interface Ledger {
  report: ImportReport;
  /** Every column of every stored event, in position order. */
  events: Record<string, unknown>[];
  readModel: { items: unknown[]; entries: unknown[] };
  /** The forum read model the scheduler nominates from: items with their kill criteria, outcomes, proposals. */
  forumIndex: { items: unknown[]; outcomes: unknown[]; proposals: unknown[] };
  analytics: ProjectionDigest;
  /** Every reprioritization as the against-the-score metrics read it (frozen score, judgement, items passed over). */
  reprioritizations: Record<string, unknown>[];
  /** What `after` returned. */
  after?: unknown;
}

const dirs: string[] = [];
function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bulk-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function configOf(dir: string): AppConfig {
  return loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' });
}

function rows(file: string, sql: string): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/**
 * Imports the lines into `dir` (the same source name every time), waits for the read model and analytics, and
 * returns everything the ledger then holds. `during` runs against the open application after each progress report.
 */
async function importInto(
  dir: string,
  lines: string[],
  options: ImportOptions & { portOnlyStore?: boolean } = {},
  during?: (store: EventStore) => Promise<void> | void,
  after?: (app: INestApplicationContext, report: ImportReport) => Promise<unknown>,
): Promise<Ledger> {
  const config = configOf(dir);
  const clock = new FixedClock(new Date(RECORDED_AT));
  const eventStore = options.portOnlyStore ? portOnly(SqliteEventStore.open({ file: (config.eventStore as { file: string }).file, clock })) : undefined;
  const { importer, app, close } = await openImporter(config, { logger: new JsonLogger('silent'), clock, eventStore });
  let report: ImportReport;
  let analytics: ProjectionDigest;
  let reprioritizations: Record<string, unknown>[];
  let afterResult: unknown;
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    const pending: Promise<void>[] = [];
    report = await importer.importText(lines.join('\n'), {
      source: 'history.ndjson',
      ...options,
      progressEveryMs: 0,
      onProgress: during ? () => void pending.push(Promise.resolve(during(store))) : undefined,
    });
    await Promise.all(pending);
    await importer.projectionsCaughtUp();
    if (after) {
      afterResult = await after(app, report);
      await importer.projectionsCaughtUp();
    }
    const analyticsClient = app.get<ClickHouseClient>(ANALYTICS_CLIENT);
    analytics = await digest(analyticsClient, config.analytics.database);
    reprioritizations = await (
      await analyticsClient.query({ query: `SELECT * FROM ${config.analytics.database}.reprioritizations FINAL ORDER BY position`, format: 'JSONEachRow' })
    ).json<Record<string, unknown>>();
  } finally {
    await close();
  }
  return {
    report,
    events: rows((config.eventStore as { file: string }).file, 'SELECT * FROM events ORDER BY position'),
    readModel: {
      items: rows(config.readModelFile, 'SELECT * FROM items ORDER BY item_id'),
      entries: rows(config.readModelFile, 'SELECT * FROM entries ORDER BY position'),
    },
    forumIndex: {
      items: rows(config.forums.indexFile, 'SELECT * FROM forum_items ORDER BY item_id'),
      outcomes: rows(config.forums.indexFile, 'SELECT * FROM item_outcomes ORDER BY position'),
      proposals: rows(config.forums.indexFile, 'SELECT * FROM proposals ORDER BY position'),
    },
    analytics,
    reprioritizations,
    after: afterResult,
  };
}

/** After the import: a forum over the imported backlog, then one scheduler pass (it checks the kill criteria, ADR 0034). */
async function forumPass(app: INestApplicationContext, report: ImportReport): Promise<TickReport> {
  const principal = { sub: 'lena', role: 'product-leader' as const, backlogs: [] };
  const requestId = '6f1d2c3b-0000-4000-8000-00000000f0f0';
  await app.get(CommandBus).execute(
    new CreateForumCommand(
      { name: 'Growth review', backlogIds: Object.values(report.ids.backlog), rationale: R },
      { principal, requestId, correlationId: requestId, causationId: null, idempotencyKey: 'forum-growth' },
    ),
  );
  return app.get(ForumScheduler).tick();
}

/** The SQLite store seen through the EventStore port only, as an EventStoreDB store is: no atomic batches. */
function portOnly(store: SqliteEventStore): EventStore {
  return {
    append: (streamId, events, expected) => store.append(streamId, events, expected),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    headPosition: () => store.headPosition(),
    subscribeAll: (after, handler, options) => store.subscribeAll(after, handler, options),
    verify: (onProgress) => store.verify(onProgress),
    close: () => store.close(),
  };
}

/** What a report says about the lines, without timings and modes. */
function outcome(r: ImportReport) {
  const { processed, total, written, skipped, rejected, events, rejectedLines, stopped, headBefore, headAfter, ids, firstAt, lastAt } = r;
  return { processed, total, written, skipped, rejected, events, rejectedLines, stopped, headBefore, headAfter, ids, firstAt, lastAt };
}

describe('bulk import (ADR 0027): the same ledger as the one-by-one path, in batches', () => {
  it('gives exactly what the one-by-one path gives on the demo history with refused lines: report, stored events, read model, analytics', async () => {
    const lines = withRefusals(DEMO.lines);
    const oneByOne = await importInto(newDir(), lines, { mode: 'one-by-one' });
    // Many batch boundaries, and the later batches committed on the writer thread.
    const bulk = await importInto(newDir(), lines, { batchLines: 50, writerThreadAfterLines: 600 });

    expect(oneByOne.report.rejected).toBe(lines.length - DEMO.lines.length);
    expect(new Set(oneByOne.report.rejectedLines.map((r) => r.code))).toEqual(
      new Set(['ITEM.ALREADY_KILLED', 'ITEM.NO_CHANGE', 'IMPORT.DUPLICATE_KEY', 'IMPORT.UNKNOWN_REF']),
    );
    expect(oneByOne.report.written).toBe(DEMO.lines.length);
    expect(outcome(bulk.report)).toEqual(outcome(oneByOne.report));
    expect(bulk.events).toHaveLength(oneByOne.report.events);
    expect(bulk.events).toEqual(oneByOne.events);
    expect(bulk.readModel).toEqual(oneByOne.readModel);
    expect(bulk.analytics).toEqual(oneByOne.analytics);
    expect(bulk.analytics.rows).toBeGreaterThan(DEMO.lines.length);
    // The demo scores with RICE (ADR 0033): the compared events carry frozen scores and moves judged against them.
    const data = bulk.events.map((e) => JSON.parse(String(e.data)) as { scoring?: { model?: string; score?: number | null }; scoreCheck?: { count: number } });
    expect(data.filter((d) => d.scoring?.model === 'rice' && typeof d.scoring.score === 'number').length).toBeGreaterThan(100);
    expect(data.filter((d) => (d.scoreCheck?.count ?? 0) > 0).length).toBeGreaterThan(5);
    expect(bulk.readModel.items.filter((i) => (i as { scoring: string | null }).scoring !== null).length).toBeGreaterThan(50);
  }, 300_000);

  it('keeps decision quality: the same frozen scores, judgements against the score and kill-criteria nominations as the one-by-one path', async () => {
    const lines = scoredHistory();
    const reference = await importInto(newDir(), lines, { mode: 'one-by-one' }, undefined, forumPass);
    expect(reference.report.rejectedLines).toEqual([]);
    // Not vacuous: scores were frozen, moves judged against the score, and both threshold criteria nominate.
    const data: Record<string, unknown>[] = reference.events.map((e) => ({ type: e.type, ...(JSON.parse(String(e.data)) as Record<string, unknown>) }));
    expect(data.filter((d) => d.type === 'item.added').every((d) => (d.scoring as { model?: string } | undefined)?.model === 'value-effort')).toBe(true);
    expect(data.find((d) => d.type === 'item.reprioritized' && d.trigger === 'stakeholder-request')).toMatchObject({ scoreCheck: { count: 2, scoreMargin: 0.2 } });
    expect(data.find((d) => d.type === 'item.estimated')).toMatchObject({ scoring: { model: 'rice', score: 100 } });
    expect((reference.after as TickReport).criteriaBreached).toHaveLength(2);
    expect(reference.reprioritizations.filter((r) => Number(r.passed_over_count) > 0).length).toBeGreaterThan(0);

    for (const batchLines of [3, 5_000]) {
      const bulk = await importInto(newDir(), lines, { batchLines }, undefined, forumPass);
      expect(outcome(bulk.report)).toEqual(outcome(reference.report));
      expect(bulk.events).toEqual(reference.events);
      expect(bulk.readModel).toEqual(reference.readModel);
      expect(bulk.forumIndex).toEqual(reference.forumIndex);
      expect(bulk.reprioritizations).toEqual(reference.reprioritizations);
      expect(bulk.analytics).toEqual(reference.analytics);
      expect(bulk.after).toEqual(reference.after);
    }
    // Cut before the moves: the rest is placed and judged from the read model's ranking and scoring column.
    const dir = newDir();
    await importInto(dir, lines.slice(0, 7), { batchLines: 3 });
    const resumed = await importInto(dir, lines, { batchLines: 3 }, undefined, forumPass);
    expect(resumed.report).toMatchObject({ skipped: 7, written: lines.length - 7, rejected: 0 });
    expect(resumed.events).toEqual(reference.events);
    expect(resumed.forumIndex).toEqual(reference.forumIndex);
    expect(resumed.reprioritizations).toEqual(reference.reprioritizations);
    expect(resumed.after).toEqual(reference.after);
  }, 300_000);

  it('gives exactly what the one-by-one path gives on real tracker histories (Jira Cloud responses, the WildFly XES): reopenings, moves off the ranking, no stated why, system actors', async () => {
    const mapping = loadMapping(null);
    const jira = convertSource(readJiraFiles([sharedData('jira-jirametrics')], mapping), mapping, null).assembled.lines;
    const xes = convertSource(await readXesFile(join(sharedData('jira-wildfly'), 'wildfly-feature-requests-process.xes'), mapping), mapping, null).assembled.lines;
    for (const lines of [jira, xes]) {
      const reference = await importInto(newDir(), lines, { mode: 'one-by-one' });
      expect(reference.report.rejectedLines).toEqual([]);
      const bulk = await importInto(newDir(), lines, { batchLines: 500, writerThreadAfterLines: 1000 });
      expect(outcome(bulk.report)).toEqual(outcome(reference.report));
      expect(bulk.events).toEqual(reference.events);
      expect(bulk.readModel).toEqual(reference.readModel);
      expect(bulk.analytics).toEqual(reference.analytics);
    }
    // What the tracker mapping adds to the NDJSON decisions is in these lines (counted from the shared data).
    const kinds = (lines: string[]) => {
      const parsed = lines.map((l) => JSON.parse(l) as { decision: string; statedWhy?: boolean; move?: { scale: string; approximate?: boolean }; actor: { role: string } });
      return {
        reopen: parsed.filter((l) => l.decision === 'item.reopen').length,
        priorityMoves: parsed.filter((l) => l.move?.scale === 'priority').length,
        approximateMoves: parsed.filter((l) => l.move?.approximate).length,
        scheduleMoves: parsed.filter((l) => l.move?.scale === 'schedule').length,
        system: parsed.filter((l) => l.actor.role === 'system').length,
        withoutWhy: parsed.filter((l) => l.statedWhy === false).length,
      };
    };
    expect(kinds(jira)).toEqual({ reopen: 1, priorityMoves: 2, approximateMoves: 5, scheduleMoves: 0, system: 1, withoutWhy: jira.length });
    expect(kinds(xes)).toMatchObject({ reopen: 66, scheduleMoves: 1043, approximateMoves: 1043, system: 59, withoutWhy: xes.length });
  }, 600_000);

  it('carries keys, line ids, line numbers and the ranking across batch boundaries (every decision, batches of 1, 2 and 3 lines)', async () => {
    const lines = fullHistory();
    const reference = await importInto(newDir(), lines, { mode: 'one-by-one' });
    expect(reference.report.rejectedLines).toEqual([]);
    for (const batchLines of [1, 2, 3]) {
      const bulk = await importInto(newDir(), lines, { batchLines });
      expect(outcome(bulk.report)).toEqual(outcome(reference.report));
      expect(bulk.events).toEqual(reference.events);
      expect(bulk.readModel).toEqual(reference.readModel);
    }
  }, 300_000);

  it('on a store without atomic batches (the EventStoreDB adapter) commits line by line, with the same result', async () => {
    const lines = withRefusals(DEMO.lines);
    const reference = await importInto(newDir(), lines, { mode: 'one-by-one' });
    const bulk = await importInto(newDir(), lines, { portOnlyStore: true, batchLines: 50 });
    expect(outcome(bulk.report)).toEqual(outcome(reference.report));
    expect(bulk.events).toEqual(reference.events);
    expect(bulk.readModel).toEqual(reference.readModel);
  }, 300_000);

  it('a line refused mid-batch is reported with its number, nothing of it is written, and the next lines are judged without it', async () => {
    const l = (at: string, decision: string, fields: Record<string, unknown>) => JSON.stringify({ at, actor: PO, decision, ...fields });
    const lines = [
      JSON.stringify({ at: '2025-03-01T09:00:00Z', actor: { id: 'lena', role: 'product-leader' }, decision: 'backlog.create', backlog: 'b', name: 'Checkout', productGoal: 'Returning customers pay in one tap' }),
      l('2025-03-01T10:00:00Z', 'item.add', { backlog: 'b', item: 'A', title: 'Apple Pay', kind: 'story', rationale: R }),
      l('2025-03-01T10:05:00Z', 'item.add', { backlog: 'b', item: 'B', title: 'Google Pay', kind: 'story', rationale: R }),
      // Line 4: a stakeholder may not kill; had the kill been taken, line 5 could not move B.
      JSON.stringify({ at: '2025-03-02T10:00:00Z', actor: SAM, decision: 'item.kill', item: 'B', reason: 'Nobody in sales needs it.' }),
      l('2025-03-02T10:05:00Z', 'item.reprioritize', { item: 'B', toPosition: 1, rationale: R }),
      l('2025-03-03T10:00:00Z', 'item.start', { item: 'B', rationale: R }),
      l('2025-03-04T10:00:00Z', 'item.deliver', { item: 'B', rationale: R }),
      l('2025-03-04T10:05:00Z', 'item.reprioritize', { item: 'A', toPosition: 1, rationale: R }), // A is alone now: refused
    ];
    const reference = await importInto(newDir(), lines, { mode: 'one-by-one' });
    const bulk = await importInto(newDir(), lines, { batchLines: 10 });
    expect(bulk.report.rejectedLines).toEqual([
      { line: 4, code: 'DECISION.NOT_ALLOWED_FOR_ROLE', message: expect.any(String) },
      { line: 8, code: 'ITEM.NO_CHANGE', message: 'The item is already at this position.' },
    ]);
    expect(outcome(bulk.report)).toEqual(outcome(reference.report));
    expect(bulk.events).toEqual(reference.events);
    const from = bulk.events.map((e) => JSON.parse(String(e.metadata)).importedFrom);
    expect(from).toEqual(['history.ndjson:1', 'history.ndjson:2', 'history.ndjson:3', 'history.ndjson:5', 'history.ndjson:6', 'history.ndjson:7']);
    // B was moved to the top (line 5), then started and delivered: the kill of line 4 was never taken.
    expect(JSON.parse(String(bulk.events[3].data))).toMatchObject({ fromPosition: 2, toPosition: 1 });
  }, 120_000);

  it('re-running writes nothing; after an import cut short, the same command writes exactly the rest', async () => {
    const lines = DEMO.lines;
    const whole = await importInto(newDir(), lines, { batchLines: 100 });
    const dir = newDir();
    const cut = Math.floor(lines.length * 0.6);
    const first = await importInto(dir, lines.slice(0, cut), { batchLines: 100 });
    expect(first.report.written).toBe(cut);
    const rest = await importInto(dir, lines, { batchLines: 100 });
    expect(rest.report).toMatchObject({ written: lines.length - cut, skipped: cut, rejected: 0, headBefore: first.report.headAfter });
    expect(rest.report.ids).toEqual(whole.report.ids);
    expect(rest.events).toEqual(whole.events);
    expect(rest.readModel).toEqual(whole.readModel);
    expect(rest.analytics).toEqual(whole.analytics);

    const again = await importInto(dir, lines, { batchLines: 100 });
    expect(again.report).toMatchObject({ written: 0, skipped: lines.length, rejected: 0, events: 0 });
    expect(again.report.headAfter).toBe(rest.report.headAfter);
    expect(again.events).toEqual(whole.events);
  }, 300_000);

  it('stops when another process writes meanwhile: IMPORT.CONCURRENT_WRITE at a batch start, nothing of that batch written; the same command then finishes', async () => {
    const dir = newDir();
    const lines = DEMO.lines;
    let intruded = false;
    const cut = await importInto(dir, lines, { batchLines: 200 }, async (store) => {
      if (intruded) return;
      intruded = true;
      await store.append('other-1', [{ id: '9f0c7c1e-0000-4000-8000-000000000001', type: 'other.happened', schemaVersion: 1, data: {}, metadata: { actor: { id: 'x', role: 'system' }, correlationId: 'c', causationId: null } }], 'no-stream');
    });
    expect(cut.report.stopped).toMatchObject({ reason: 'aborted', code: 'IMPORT.CONCURRENT_WRITE' });
    const stoppedAt = cut.report.stopped!.line;
    expect(cut.report.stopped!.message).toContain('nothing of them was written');
    expect((stoppedAt - 1) % 200).toBe(0); // the first line of a batch
    const written = cut.events.filter((e) => e.stream_id !== 'other-1').map((e) => Number(JSON.parse(String(e.metadata)).importedFrom.split(':')[1]));
    expect(Math.max(...written)).toBe(stoppedAt - 1);
    expect(new Set(written).size).toBe(stoppedAt - 1);

    const finished = await importInto(dir, lines, { batchLines: 200 });
    expect(finished.report).toMatchObject({ rejected: 0, written: lines.length - (stoppedAt - 1), skipped: stoppedAt - 1 });
  }, 300_000);

  it('reads every line of a file while it first lets the read model catch up with the ledger (a readline stream drops lines no one iterates)', async () => {
    const dir = newDir();
    const config = configOf(dir);
    // 30,000 events the read model has not seen (as after an interrupted import): it needs a moment to catch up.
    const seed = SqliteEventStore.open({ file: (config.eventStore as { file: string }).file });
    for (let b = 0; b < 30; b++) {
      await seed.appendBatch(
        Array.from({ length: 1000 }, (_, i) => ({
          streamId: `other-${b}-${i}`,
          expected: 'no-stream' as const,
          events: [{ id: `9f0c7c1e-0000-4000-8000-${String(b * 1000 + i).padStart(12, '0')}`, type: 'other.happened', schemaVersion: 1, data: { n: i }, metadata: { actor: { id: 'x', role: 'system' }, correlationId: 'c', causationId: null } }],
        })),
      );
    }
    await seed.close();
    const file = join(dir, 'history.ndjson');
    writeFileSync(file, DEMO.lines.join('\n') + '\n');

    const { importer, close } = await openImporter(config, { logger: new JsonLogger('silent') });
    try {
      const report = await importer.importFile(file);
      expect(report).toMatchObject({ processed: DEMO.lines.length, written: DEMO.lines.length, rejected: 0, headBefore: 30_000 });
    } finally {
      await close();
    }
  }, 300_000);
});
