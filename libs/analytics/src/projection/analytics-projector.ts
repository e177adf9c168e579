import type { ClickHouseClient } from '@clickhouse/client';
import type { RecordedEvent } from '@ledger/kernel';
import type { EventStore } from '@ledger/event-store';
import type { EventSource, Settle, SourceRun } from '../source/event-source';
import { chTime, decisionRow, type DecisionRow } from './decision-row';
import { FORUM_COLUMNS, forumRow } from './forum-row';
import { REPRIORITIZATION_COLUMNS, reprioritizationRow } from './reprioritization-row';
import { refreshItemStates } from './item-state';

export type ProjectorLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

/** Column order of the JSONCompactEachRow inserts (half the bytes of JSONEachRow, ~1.6x the insert rate). */
const COLUMN_FLAGS: Record<keyof DecisionRow, true> = {
  position: true, event_id: true, backlog_id: true, item_id: true, type: true, schema_version: true, actor_id: true,
  actor_role: true, occurred_at: true, recorded_at: true, imported: true, title: true, kind: true, trigger: true,
  from_position: true, to_position: true, escalation_id: true, against_event_id: true, outcome: true, via: true,
  estimate: true, objective_id: true, review_by: true, moved: true, points: true, sprint_ended_on: true, policy: true,
  scale: true, approximate: true, direction: true, stated_why: true,
};
export const DECISION_COLUMNS = Object.keys(COLUMN_FLAGS) as Array<keyof DecisionRow>;

type CompactRow = unknown[];
const compact = (row: DecisionRow): CompactRow => DECISION_COLUMNS.map((c) => row[c]);
const ITEM_ID = DECISION_COLUMNS.indexOf('item_id');
const BACKLOG_ID = DECISION_COLUMNS.indexOf('backlog_id');

/**
 * Writes what a projection produces: rows first, then the checkpoint that covers them. Shared by the live
 * projector and `projectAll` (rebuild), so both write exactly the same thing.
 */
export class DecisionWriter {
  private lastVersion = 0;

  constructor(
    private readonly client: ClickHouseClient,
    readonly database: string,
    readonly name: string = 'decisions',
  ) {}

  /** Forum and proposal rows (`forum_events`), inserted with the decision rows of the same batch. */
  async insertForumRows(rows: CompactRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.client.insert({
      table: `${this.database}.forum_events`,
      values: rows,
      format: 'JSONCompactEachRow',
      columns: FORUM_COLUMNS as [string, ...string[]],
    });
  }

  /** Reprioritization rows (`reprioritizations`, ADR 0033), inserted with the decision rows of the same batch. */
  async insertReprioritizationRows(rows: CompactRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.client.insert({
      table: `${this.database}.reprioritizations`,
      values: rows,
      format: 'JSONCompactEachRow',
      columns: REPRIORITIZATION_COLUMNS as [string, ...string[]],
    });
  }

  /** Decision rows into `decisions`, and the backlog-level ones (item_id '') also into `backlog_decisions`. */
  async insertRows(rows: CompactRow[]): Promise<void> {
    if (rows.length === 0) return;
    const insert = (table: string, values: CompactRow[]) =>
      this.client.insert({ table: `${this.database}.${table}`, values, format: 'JSONCompactEachRow', columns: DECISION_COLUMNS as [string, ...string[]] });
    await insert('decisions', rows);
    const backlogRows = rows.filter((r) => !r[ITEM_ID]);
    if (backlogRows.length > 0) await insert('backlog_decisions', backlogRows);
  }

  /**
   * Recomputes `item_state` for the items these (already inserted) rows belong to (ADR 0018). Must follow
   * insertRows and precede the checkpoint: a crash in between redelivers the batch, which refreshes again.
   */
  async refreshItems(rows: CompactRow[]): Promise<void> {
    const items = new Map<string, string>();
    for (const r of rows) if (r[ITEM_ID]) items.set(r[ITEM_ID] as string, r[BACKLOG_ID] as string);
    await refreshItemStates(this.client, this.database, items);
  }

  /**
   * `updated_at` is the ReplacingMergeTree version: strictly increasing per writer (even if the clock steps
   * back or two checkpoints land in the same millisecond), so FINAL always returns the latest.
   */
  async writeCheckpoint(position: number): Promise<void> {
    this.lastVersion = Math.max(Date.now(), this.lastVersion + 1);
    await this.client.insert({
      table: `${this.database}.projection_checkpoints`,
      values: [{ name: this.name, position, updated_at: chTime(new Date(this.lastVersion).toISOString()) }],
      format: 'JSONEachRow',
    });
  }

  /** The last durably projected position (0 when the projection never ran). */
  async readCheckpoint(): Promise<number> {
    const rs = await this.client.query({
      query: `SELECT position, toUnixTimestamp64Milli(updated_at) AS version
              FROM ${this.database}.projection_checkpoints FINAL WHERE name = {name:String}`,
      query_params: { name: this.name },
      format: 'JSONEachRow',
    });
    const rows = await rs.json<{ position: string | number; version: string | number }>();
    if (rows.length === 0) return 0;
    this.lastVersion = Math.max(this.lastVersion, Number(rows[0].version));
    return Number(rows[0].position);
  }
}

/** Maps events to compact rows (events that are not backlog decisions produce none). */
export function rowsOf(events: readonly RecordedEvent[]): CompactRow[] {
  const rows: CompactRow[] = [];
  for (const e of events) {
    const row = decisionRow(e);
    if (row) rows.push(compact(row));
  }
  return rows;
}

/** Maps events to compact `reprioritizations` rows (only item.reprioritized produces one). */
export function reprioritizationRowsOf(events: readonly RecordedEvent[]): CompactRow[] {
  const rows: CompactRow[] = [];
  for (const e of events) {
    const row = reprioritizationRow(e);
    if (row) rows.push(REPRIORITIZATION_COLUMNS.map((c) => row[c]));
  }
  return rows;
}

/** Maps events to compact `forum_events` rows (events that are not forum/proposal events produce none). */
export function forumRowsOf(events: readonly RecordedEvent[]): CompactRow[] {
  const rows: CompactRow[] = [];
  for (const e of events) {
    const row = forumRow(e);
    if (row) rows.push(FORUM_COLUMNS.map((c) => row[c]));
  }
  return rows;
}

export interface AnalyticsProjectorOptions {
  client: ClickHouseClient;
  /** Database holding `decisions` and `projection_checkpoints` (migrated). */
  database: string;
  source: EventSource;
  /** Flush once this many events are pending. Default 5,000. */
  batchSize?: number;
  /** Flush pending events at most this long after the first arrived. Default 250 ms. */
  flushMs?: number;
  /** Checkpoint name. Default 'decisions'. */
  name?: string;
  log?: ProjectorLog;
  /** First retry delay after a failure (doubles up to 30 s). Default 1,000 ms. */
  retryMs?: number;
  /** How often to ask the source for its head (lag). Default 1,000 ms; 0 = never (only delivered positions). */
  headPollMs?: number;
}

export type ProjectorState = 'idle' | 'running' | 'retrying' | 'stopping' | 'stopped';

export interface ProjectorStatus {
  state: ProjectorState;
  checkpoint: number;
  head: number;
  lag: { events: number; seconds: number };
  /** Last failure (insert, checkpoint or source), until the next successful flush. */
  lastError: string | null;
}

interface Pending {
  rows: CompactRow[];
  forumRows: CompactRow[];
  moveRows: CompactRow[];
  events: number;
  last: number;
  /** recordedAt (ms) of the first event in it beyond the checkpoint: the oldest unprojected one. */
  oldestAt: number | null;
  /** Sources with their own progress (Kafka): acknowledge after the insert, give the checkpoint (in order). */
  settles: Settle[];
}

const emptyPending = (): Pending => ({ rows: [], forumRows: [], moveRows: [], events: 0, last: 0, oldestAt: null, settles: [] });
const MAX_RETRY_MS = 30_000;

/**
 * Projects decision events into ClickHouse: from its checkpoint, through an EventSource, rows by the pure
 * `decisionRow`, inserted in batches (by size or every `flushMs`), checkpoint written after the rows insert
 * returned. Idempotent under redelivery and crashes (ADR 0008). No framework imports: the API wraps it.
 *
 * Throughput: one flush may be in flight while the next batch accumulates (the source's reading and our
 * mapping overlap with the engine's insert); checkpoints are still written strictly in order.
 * Failures (insert, checkpoint, source) stop the run; it restarts from the checkpoint after a backoff.
 */
export class AnalyticsProjector {
  private readonly writer: DecisionWriter;
  private readonly source: EventSource;
  private readonly batchSize: number;
  private readonly flushMs: number;
  private readonly log: ProjectorLog;
  private readonly retryMs: number;
  private readonly headPollMs: number;

  private state: ProjectorState = 'idle';
  private position = 0;
  private knownHead = 0;
  private behindSince: number | null = null;
  private lastError: string | null = null;
  private failures = 0;
  /** Incremented on each (re)start and failure: callbacks of an earlier run become no-ops. */
  private generation = 0;
  private run: SourceRun | null = null;
  private pending: Pending = emptyPending();
  /** Batches handed to a flush and not yet checkpointed, oldest first (for lag). */
  private inFlight: Pending[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private headTimer: NodeJS.Timeout | null = null;
  private waiters: Array<{ position: number; done(reached: boolean): void }> = [];

  constructor(options: AnalyticsProjectorOptions) {
    this.writer = new DecisionWriter(options.client, options.database, options.name ?? 'decisions');
    this.source = options.source;
    this.batchSize = Math.max(1, options.batchSize ?? 5_000);
    this.flushMs = options.flushMs ?? 250;
    this.log = options.log ?? (() => undefined);
    this.retryMs = options.retryMs ?? 1_000;
    this.headPollMs = options.headPollMs ?? 1_000;
  }

  /** Reads the checkpoint (throws if the analytics store is unreachable) and starts following the source. */
  async start(): Promise<void> {
    if (this.state !== 'idle' && this.state !== 'stopped') return;
    this.position = await this.writer.readCheckpoint();
    this.knownHead = Math.max(this.knownHead, this.position);
    this.state = 'running';
    this.log('info', 'analytics projector starting', { checkpoint: this.position, database: this.writer.database });
    this.startRun();
    if (this.headPollMs > 0 && this.source.head) {
      this.headTimer = setInterval(() => void this.pollHead(), this.headPollMs);
      this.headTimer.unref();
      void this.pollHead();
    }
  }

  /** Stops following the source and flushes what was delivered. */
  async stop(): Promise<void> {
    if (this.state === 'idle' || this.state === 'stopped' || this.state === 'stopping') return;
    const wasRetrying = this.state === 'retrying';
    this.state = 'stopping';
    for (const t of [this.retryTimer, this.headTimer]) if (t) clearTimeout(t);
    this.retryTimer = this.headTimer = null;
    const run = this.run;
    this.run = null;
    await run?.stop().catch(() => undefined);
    if (wasRetrying) {
      await this.chain.catch(() => undefined); // the failure is already reported
      this.chain = Promise.resolve();
    }
    try {
      await this.flush();
    } catch (err) {
      this.log('warn', 'analytics projector: last flush failed; those events are projected again on next start', { err: String(err) });
    }
    await run?.close?.().catch(() => undefined);
    this.state = 'stopped';
    for (const w of this.waiters.splice(0)) w.done(this.position >= w.position);
  }

  /** Last position durably projected (rows inserted and checkpoint written). */
  checkpoint(): number {
    return this.position;
  }

  /** Resolves true once the checkpoint reaches `position`, false after `timeoutMs` (or if stopped first). */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    if (this.state === 'stopped' || this.state === 'idle' || timeoutMs <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiter = {
        position,
        done: (reached: boolean) => {
          clearTimeout(timer);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
      // Someone is waiting for something already delivered: do not make them wait for the timer.
      if (this.pending.events > 0 && this.pending.last >= position) void this.flush().catch(() => undefined);
    });
  }

  /**
   * events: head − checkpoint, head being the newest position the source has reported or delivered.
   * seconds: age of the oldest unprojected event (its recordedAt), 0 when caught up. When that event has not
   * been delivered yet, the time since the projector first saw itself behind (a lower bound).
   */
  lag(): { events: number; seconds: number } {
    const events = Math.max(0, this.knownHead - this.position);
    if (events === 0) return { events: 0, seconds: 0 };
    const oldest = this.inFlight.find((b) => b.oldestAt !== null)?.oldestAt ?? this.pending.oldestAt ?? this.behindSince;
    return { events, seconds: oldest === null ? 0 : Math.max(0, (Date.now() - oldest) / 1000) };
  }

  status(): ProjectorStatus {
    return { state: this.state, checkpoint: this.position, head: this.knownHead, lag: this.lag(), lastError: this.lastError };
  }

  // ---------------------------------------------------------------- internals

  private startRun(): void {
    const generation = ++this.generation;
    this.run = this.source.start(
      this.position,
      (events, settle) => this.onBatch(events, generation, settle),
      (error) => this.fail(error, generation),
    );
  }

  private async onBatch(events: RecordedEvent[], generation: number, settle?: Settle): Promise<void> {
    if (generation !== this.generation) throw new Error('stale projector run');
    const p = this.pending;
    if (settle) p.settles.push(settle);
    for (const e of events) {
      if (e.position > p.last) p.last = e.position;
      if (p.oldestAt === null && e.position > this.position) p.oldestAt = Date.parse(e.recordedAt);
    }
    p.rows.push(...rowsOf(events));
    p.forumRows.push(...forumRowsOf(events));
    p.moveRows.push(...reprioritizationRowsOf(events));
    p.events += events.length;
    if (p.last > this.knownHead) this.knownHead = p.last;

    const waitedFor = this.waiters.some((w) => w.position <= p.last);
    if (p.events >= this.batchSize || waitedFor) {
      // Double buffering: wait for the previous flush (not this one) before accepting more.
      await this.chain;
      if (generation !== this.generation) throw new Error('stale projector run');
      void this.flush().catch(() => undefined);
    } else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        void this.flush().catch(() => undefined);
      }, this.flushMs);
    }
  }

  /** Queues the pending batch for writing after the flushes already queued; resolves when it is checkpointed. */
  private flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    const batch = this.pending;
    if (batch.events === 0 && batch.settles.length === 0) return this.chain;
    this.pending = emptyPending();
    this.inFlight.push(batch);
    const generation = this.generation;
    this.chain = this.chain.then(() => this.write(batch, generation));
    return this.chain;
  }

  private async write(batch: Pending, generation: number): Promise<void> {
    if (generation !== this.generation) return; // dropped by a failure: redelivered from the checkpoint
    try {
      await this.writer.insertRows(batch.rows);
      await this.writer.refreshItems(batch.rows);
      await this.writer.insertForumRows(batch.forumRows);
      await this.writer.insertReprioritizationRows(batch.moveRows);
      // Only after the rows are in: a crash here re-inserts identical rows, never skips any.
      let last = batch.last;
      for (const settle of batch.settles) last = await settle();
      if (last > this.position) {
        await this.writer.writeCheckpoint(last);
        this.position = last;
      }
    } catch (err) {
      this.fail(err, generation);
      throw err;
    }
    this.inFlight = this.inFlight.filter((b) => b !== batch);
    this.failures = 0;
    this.lastError = null;
    if (this.knownHead <= this.position) this.behindSince = null;
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.position);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const w of ready) w.done(true);
  }

  private fail(error: unknown, generation: number): void {
    if (generation !== this.generation) return;
    this.generation += 1; // every callback of the failed run is now stale
    this.lastError = error instanceof Error ? error.message : String(error);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending = emptyPending();
    this.inFlight = [];
    const run = this.run;
    this.run = null;
    // Not awaited here (we may be inside one of its callbacks); the restart waits for it.
    const stopped = run ? run.stop().then(() => run.close?.()).catch(() => undefined) : Promise.resolve();
    if (this.state !== 'running' && this.state !== 'retrying') return;
    this.state = 'retrying';
    const delay = Math.min(MAX_RETRY_MS, this.retryMs * 2 ** this.failures);
    this.failures += 1;
    this.log('error', 'analytics projection failed; restarting from the checkpoint', {
      err: this.lastError,
      checkpoint: this.position,
      retryInMs: delay,
    });
    const retryGeneration = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void (async () => {
        await stopped;
        await this.chain.catch(() => undefined);
        this.chain = Promise.resolve();
        if (this.state !== 'retrying' || retryGeneration !== this.generation) return;
        this.state = 'running';
        this.startRun();
      })();
    }, delay);
    this.retryTimer.unref();
  }

  private async pollHead(): Promise<void> {
    try {
      const head = await this.source.head!();
      if (head > this.knownHead) this.knownHead = head;
      if (this.knownHead > this.position) this.behindSince ??= Date.now();
      else this.behindSince = null;
    } catch {
      // the source reports its own failures through the run
    }
  }
}

export interface ProjectAllProgress {
  /** Last position projected so far. */
  position: number;
  /** Store head when the pass started (the pass goes on past it if events keep coming). */
  head: number;
  events: number;
  rows: number;
  elapsedMs: number;
}

export interface ProjectAllOptions {
  /** Start after this position. Default 0 (everything). */
  after?: number;
  /** Events per read and per insert (at most 10,000, the store's largest page). Default 5,000: measured the fastest. */
  batchSize?: number;
  /** Checkpoint name. Default 'decisions'. */
  name?: string;
  /**
   * Refresh `item_state` after each insert (default). The rebuild's full pass turns it off and computes every
   * item's state once at the end (insertAllItemStates), which is much cheaper than thousands of refreshes.
   */
  refreshItems?: boolean;
}

/**
 * One pass over the store, from `after` to its head, into `database` (used by the rebuild): pages read with
 * readAll, rows inserted with one insert in flight while the next page is read and mapped, the checkpoint
 * written after each insert. Returns the last position projected.
 */
export async function projectAll(
  client: ClickHouseClient,
  database: string,
  store: EventStore,
  onProgress: (progress: ProjectAllProgress) => void = () => undefined,
  options: ProjectAllOptions = {},
): Promise<ProjectAllProgress> {
  const writer = new DecisionWriter(client, database, options.name ?? 'decisions');
  const batchSize = Math.min(10_000, Math.max(1, options.batchSize ?? 5_000));
  const refreshItems = options.refreshItems ?? true;
  const started = Date.now();
  const head = await store.headPosition();
  const progress: ProjectAllProgress = { position: options.after ?? 0, head, events: 0, rows: 0, elapsedMs: 0 };
  let inFlight: Promise<void> = Promise.resolve();
  for (;;) {
    const page = await store.readAll({ after: progress.position, limit: batchSize });
    if (page.length === 0) break;
    const rows = rowsOf(page);
    const forumRows = forumRowsOf(page);
    const moveRows = reprioritizationRowsOf(page);
    const last = page[page.length - 1].position;
    await inFlight;
    inFlight = writer
      .insertRows(rows)
      .then(() => (refreshItems ? writer.refreshItems(rows) : undefined))
      .then(() => writer.insertForumRows(forumRows))
      .then(() => writer.insertReprioritizationRows(moveRows))
      .then(() => writer.writeCheckpoint(last));
    inFlight.catch(() => undefined); // surfaced by the next `await inFlight`, not as an unhandled rejection
    // Reported when handed over; the final report below comes after the last checkpoint.
    progress.position = last;
    progress.events += page.length;
    progress.rows += rows.length + forumRows.length;
    progress.elapsedMs = Date.now() - started;
    onProgress({ ...progress });
    if (page.length < batchSize) break;
  }
  await inFlight;
  progress.elapsedMs = Date.now() - started;
  return progress;
}
