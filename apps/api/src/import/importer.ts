import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { INestApplicationContext } from '@nestjs/common';
import { createValidationPipe } from '../http/validation';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { UUID_RE, uuidV5, type Clock, type IdGenerator } from '@ledger/kernel';
import type { EventStore } from '@ledger/event-store';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/config';
import type { Principal } from '../auth/principal';
import type { RequestMeta } from '../http/request-meta';
import { toProblem, type FieldError } from '../http/problem';
import type { AdapterOverrides } from '../infrastructure/adapters.module';
import { APP_CONFIG, CLOCK, EVENT_STORE, ID_GENERATOR, LEDGER_INDEX } from '../infrastructure/tokens';
import type { LedgerIndex } from '../read-model/ledger-index.port';
import { LedgerIndexProjector } from '../read-model/ledger-index.projector';
import { AnalyticsProjectorService } from '../analytics/analytics-projector.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { ForumScheduler } from '../forums/forum-scheduler';
import type { DecisionOutcome } from '../shared/decision-executor';
import { JsonLogger } from '../shared/json-logger';
import type { Pausable } from '../shared/pausable';
import { Streams } from '../shared/streams';
import { DECISIONS, DECISION_NAMES, type CommandInput, type DecisionDef, type KeyKind } from './import-decisions';
import { ENVELOPE_FIELDS, ImportLineError, idempotencyKeyOf, parseLine, sha256Hex, type ImportLine } from './import-line';
import { ImportBatch } from './import-batch';
import { BulkDecisionsModule } from './bulk-decisions.module';

export interface ImportProgress {
  /** Decision lines handled so far (blank lines are not counted). */
  processed: number;
  /** Decision lines in the file (null when unknown). */
  total: number | null;
  written: number;
  /** Lines found already imported (same idempotency key): nothing written. */
  skipped: number;
  rejected: number;
  /** Events appended (an overturned escalation writes two). */
  events: number;
  elapsedMs: number;
  /**
   * `waiting-for-read-model`: before the first line, the read model catches up with decisions already in the
   * ledger (after an interrupted import; `readModel` says how far); `importing`: lines are being imported.
   */
  phase?: 'waiting-for-read-model' | 'importing';
  /** While waiting for the read model: its position and the position it must reach. */
  readModel?: { position: number; target: number };
}

export interface RejectedLine {
  line: number;
  code: string;
  message: string;
}

export interface ImportReport extends ImportProgress {
  source: string;
  rejectedLines: RejectedLine[];
  /** Why the import ended before the last line: `stop-on-error`, or `aborted` (infrastructure failure). */
  stopped: null | { reason: 'stop-on-error' | 'aborted'; line: number; code: string; message: string };
  headBefore: number;
  headAfter: number;
  /** Server ids of what the file's external keys name (only keys whose creating line succeeded). */
  ids: Record<KeyKind, Record<string, string>>;
  /** Occurred-at of the first and last accepted line. */
  firstAt: string | null;
  lastAt: string | null;
}

export interface ImportOptions {
  /** Stop at the first rejected line instead of continuing with the next ones. */
  stopOnError?: boolean;
  /** Name kept in each event's `importedFrom` (`<source>:<line>`); default: the file's base name. */
  source?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Called for each refused line, in line order, once the lines before it are committed. */
  onRejected?: (r: RejectedLine) => void;
  /** Minimum time between two onProgress calls (default 250 ms); a last call always comes at the end. */
  progressEveryMs?: number;
  /**
   * `bulk` (default, ADR 0027): the lines' decisions are taken on states held in memory and the events of many
   * lines are committed in one store transaction; the background jobs (read model, analytics, webhooks, forum
   * scheduler) are paused meanwhile and catch up afterwards.
   * `one-by-one`: each line through the running application's command bus, appended and committed on its own,
   * with the read model followed live (the path before ADR 0027: the reference the bulk path is tested against).
   */
  mode?: 'bulk' | 'one-by-one';
  /** Bulk: lines per commit (default 5,000; a commit also happens once a batch is a second old). */
  batchLines?: number;
  /**
   * Bulk, on a store with a writer thread (SQLite): after this many lines, commits move to that thread and the next
   * batch is decided while the previous one is written (default 20,000: a smaller import is done before a thread
   * would have started).
   */
  writerThreadAfterLines?: number;
}

/** Where the projections of the ledger stand, for waiting until they have caught up after an import. */
export interface CatchUpProgress {
  head: number;
  readModel: number;
  /** Null when analytics are projected by another process (LEDGER_PROJECTOR=external). */
  analytics: number | null;
  elapsedMs: number;
}

/** Lines whose time is later than now by more than this are refused (clock skew allowance). */
const FUTURE_TOLERANCE_MS = 60_000;
/** Fixed namespace for ids the importer itself derives (request and correlation ids). */
export const IMPORT_NAMESPACE = uuidV5('backlog-ledger/import');
const DEFAULT_BATCH_LINES = 5_000;
const BATCH_MAX_AGE_MS = 1_000;
/** Lines after which a bulk import moves its commits to a writer thread. */
const WRITER_THREAD_AFTER_LINES = 20_000;
/** Stream states a bulk import keeps in memory between commits. */
const MAX_CACHED_STREAMS = 200_000;
/** The read model must move at least once in this long while the import waits for it. */
const READ_MODEL_STALL_MS = 60_000;

/** An import line's body is judged exactly like a request body. */
const validation = createValidationPipe();

/** Opens the application (store, read model, projectors, CQRS handlers) without an HTTP server. */
export async function openImporter(
  config: AppConfig,
  overrides: AdapterOverrides = {},
): Promise<{ importer: Importer; app: INestApplicationContext; close: () => Promise<void> }> {
  const logger = overrides.logger ?? new JsonLogger(config.logLevel, (l) => process.stderr.write(l + '\n'));
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(config, { ...overrides, logger }), {
    logger,
    bufferLogs: false,
  });
  return { importer: new Importer(app), app, close: () => app.close() };
}

interface RunDeps {
  commands: CommandBus;
  store: EventStore;
  clock: Clock;
  config: AppConfig;
}

/** A line's result, accounted in the report once the line's batch is committed. */
type Settled = { lineNo: number; result: LineResult };

/**
 * Imports NDJSON decision lines (docs/import-format.md) through the same CQRS command handlers and deciders as the
 * HTTP API, in file order, each line judged on the state the accepted lines before it left. Each line carries its
 * actor (the principal), its time (`occurredAt`), its origin (`importedFrom`) and a stable idempotency key, so a
 * second run of the same file finds every line already written and writes nothing.
 *
 * By default in bulk (ADR 0027): the handlers run in a small context of their own (BulkDecisionsModule) whose
 * executor keeps stream states in memory and stages events; every few thousand lines are committed in one atomic
 * store transaction, so an interruption leaves whole batches — a prefix of the file — and a re-run skips them.
 */
export class Importer {
  private readonly commands: CommandBus;
  private readonly store: EventStore;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly config: AppConfig;
  private readonly readModel: LedgerIndex;

  constructor(private readonly app: INestApplicationContext) {
    this.commands = app.get(CommandBus);
    this.store = app.get<EventStore>(EVENT_STORE);
    this.clock = app.get<Clock>(CLOCK);
    this.ids = app.get<IdGenerator>(ID_GENERATOR);
    this.config = app.get<AppConfig>(APP_CONFIG);
    this.readModel = app.get<LedgerIndex>(LEDGER_INDEX);
  }

  async importFile(path: string, options: ImportOptions = {}): Promise<ImportReport> {
    const total = await countDecisionLines(path);
    const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    try {
      return await this.importLines(lines, { ...options, source: options.source ?? basename(path) }, total);
    } finally {
      lines.close();
    }
  }

  /** The same as importFile, for text already in memory (tests, generated files). */
  importText(text: string, options: ImportOptions & { source: string }): Promise<ImportReport> {
    const lines = text.split(/\r?\n/);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    return this.importLines(lines, options, lines.filter((l) => l.trim() !== '').length);
  }

  async importLines(
    lines: AsyncIterable<string> | Iterable<string>,
    options: ImportOptions & { source: string },
    total: number | null = null,
  ): Promise<ImportReport> {
    // Take the lines' iterator before anything is awaited: a readline interface drops lines nobody iterates yet, and
    // a bulk import may first wait for the read model (its iterator buffers and pauses the stream meanwhile).
    const source = iterate(lines);
    const started = Date.now();
    const headBefore = await this.store.headPosition();
    const report: ImportReport = {
      source: options.source,
      processed: 0,
      total,
      written: 0,
      skipped: 0,
      rejected: 0,
      events: 0,
      elapsedMs: 0,
      phase: 'importing',
      rejectedLines: [],
      stopped: null,
      headBefore,
      headAfter: 0,
      ids: { backlog: {}, item: {}, objective: {}, escalation: {} },
      firstAt: null,
      lastAt: null,
    };
    const every = options.progressEveryMs ?? 250;
    let lastProgress = 0;
    const progress = (force: boolean) => {
      if (!options.onProgress) return;
      const now = Date.now();
      if (!force && now - lastProgress < every) return;
      lastProgress = now;
      report.elapsedMs = now - started;
      const { rejectedLines: _r, stopped: _s, ids: _i, source: _so, headBefore: _hb, headAfter: _ha, firstAt: _f, lastAt: _l, ...p } = report;
      options.onProgress(p);
    };

    if (options.mode === 'one-by-one') {
      const run = new ImportRun({ commands: this.commands, store: this.store, clock: this.clock, config: this.config }, options.source);
      report.ids = run.ids;
      await this.runLines(source, run, null, report, options, progress, 1);
    } else {
      const { paused, head } = await this.quiesce(report, progress);
      report.headBefore = head;
      let context: INestApplicationContext | null = null;
      let batch: ImportBatch | null = null;
      try {
        batch = new ImportBatch(this.store, this.readModel, head, { maxCachedStreams: MAX_CACHED_STREAMS });
        context = await NestFactory.createApplicationContext(
          BulkDecisionsModule.for({ batch, store: this.store, ids: this.ids, clock: this.clock, config: this.config }),
          { logger: false },
        );
        const run = new ImportRun({ commands: context.get(CommandBus), store: this.store, clock: this.clock, config: this.config }, options.source);
        report.ids = run.ids;
        report.phase = 'importing';
        // A store without atomic batches commits line by line, so an interruption still leaves a prefix of the file.
        await this.runLines(source, run, batch, report, options, progress, batch.atomic ? (options.batchLines ?? DEFAULT_BATCH_LINES) : 1);
      } finally {
        await batch?.close();
        await context?.close();
        for (const job of paused) job.resume();
      }
    }
    report.headAfter = await this.store.headPosition();
    report.elapsedMs = Date.now() - started;
    progress(true);
    return report;
  }

  /**
   * Resolves once the read model and the analytics have projected everything in the store (as far as the head was
   * when called), reporting where they are. After a bulk import they catch up in the background.
   */
  async projectionsCaughtUp(onProgress?: (p: CatchUpProgress) => void, everyMs = 1000): Promise<CatchUpProgress> {
    const started = Date.now();
    const head = await this.store.headPosition();
    const analytics = this.app.get(AnalyticsProjectorService, { strict: false });
    const embedded = this.config.projector === 'embedded';
    const where = (): CatchUpProgress => ({
      head,
      readModel: this.readModel.checkpoint(),
      analytics: embedded ? analytics.projector.checkpoint() : null,
      elapsedMs: Date.now() - started,
    });
    for (;;) {
      const waited = Date.now();
      const [readModel, projected] = await Promise.all([
        this.readModel.waitFor(head, everyMs),
        embedded ? analytics.projector.waitFor(head, everyMs) : Promise.resolve(true),
      ]);
      const p = where();
      if (readModel && projected) return p;
      onProgress?.(p);
      // A projector that is (re)starting answers at once: do not spin.
      const rest = everyMs - (Date.now() - waited);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  }

  /**
   * Reads lines, runs each, and accounts them batch by batch (bulk) or line by line (one-by-one). In bulk, a batch is
   * handed to the store and the next one is decided while it commits (at most one commit in flight); its lines are
   * counted, and its refused lines reported, once it is durable. A failed commit aborts the import at the first line
   * of that batch; the batch after it (already handed over) writes nothing, as it was staged on the failed one.
   */
  private async runLines(
    lines: AsyncIterable<string>,
    run: ImportRun,
    batch: ImportBatch | null,
    report: ImportReport,
    options: ImportOptions,
    progress: (force: boolean) => void,
    batchLines: number,
  ): Promise<void> {
    let settled: Settled[] = [];
    let batchStarted = Date.now();
    /** The batch handed over last: resolves true once committed and counted, false if the import was aborted. */
    let inFlight: Promise<boolean> = Promise.resolve(true);

    const account = (lines: Settled[]) => {
      for (const { lineNo, result } of lines) {
        report.processed += 1;
        if (result.ok) {
          if (result.outcome.replayed) report.skipped += 1;
          else {
            report.written += 1;
            report.events += result.outcome.eventIds.length;
          }
          report.firstAt ??= result.at;
          report.lastAt = result.at;
        } else {
          report.rejected += 1;
          const rejected = { line: lineNo, code: result.code, message: result.message };
          report.rejectedLines.push(rejected);
          options.onRejected?.(rejected);
          if (result.fatal) report.stopped = { reason: 'aborted', ...rejected };
          else if (options.stopOnError) report.stopped = { reason: 'stop-on-error', ...rejected };
        }
      }
      progress(false);
    };

    const aborted = (lines: Settled[], err: unknown) => {
      const { problem, internal } = toProblem(err);
      const first = lines[0].lineNo;
      const last = lines[lines.length - 1].lineNo;
      const line = {
        line: first,
        code: internal ? 'INTERNAL' : problem.code,
        message: `${first === last ? `line ${first}` : `lines ${first}-${last}`} could not be committed, nothing of them was written: ${
          internal && err instanceof Error ? err.message : problem.detail
        }`,
      };
      report.processed += 1;
      report.rejected += 1;
      report.rejectedLines.push(line);
      options.onRejected?.(line);
      report.stopped = { reason: 'aborted', ...line };
    };

    // A store without atomic batches writes one append at a time: nothing is decided until the line is written.
    const pipelined = batch?.atomic ?? false;
    /** Hands the batch over; resolves false when the import must stop (an earlier commit failed). */
    const commit = async (): Promise<boolean> => {
      const lines = settled;
      settled = [];
      batchStarted = Date.now();
      if (lines.length === 0) return inFlight;
      const write = batch ? batch.commit() : Promise.resolve();
      write.catch(() => undefined); // handled below, in order
      const previous = inFlight;
      inFlight = (async () => {
        if (!(await previous)) return false;
        try {
          await write;
        } catch (err) {
          aborted(lines, err);
          return false;
        }
        account(lines);
        return true;
      })();
      return pipelined ? previous : inFlight;
    };

    let lineNo = 0;
    let decided = 0;
    for await (let text of lines) {
      lineNo += 1;
      if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // UTF-8 BOM
      if (text.trim() === '') continue;
      const result = await run.line(text, lineNo);
      settled.push({ lineNo, result });
      // A fatal line (the store or read model unavailable) ends the import; --stop-on-error ends it at a refused line.
      // Either way the lines before it are committed.
      if (!result.ok && (result.fatal || options.stopOnError)) break;
      if (settled.length >= batchLines || Date.now() - batchStarted >= BATCH_MAX_AGE_MS) {
        decided += settled.length;
        // A large import commits on a writer thread while it decides the next batch (a small one is done before it starts).
        if (batch && decided >= (options.writerThreadAfterLines ?? WRITER_THREAD_AFTER_LINES)) batch.useWriterThread();
        if (!(await commit())) return;
      }
    }
    await commit();
    await inFlight;
  }

  /**
   * Before a bulk import: the read model must hold every decision already in the ledger (the import's ranking
   * starts from it), then the background jobs are paused until the import ends.
   */
  private async quiesce(report: ImportReport, progress: (force: boolean) => void): Promise<{ paused: Pausable[]; head: number }> {
    const scheduler = this.app.get(ForumScheduler, { strict: false });
    await scheduler.pause(); // its pass at start may still be deciding: let it finish before anything is read
    const jobs: Pausable[] = [scheduler];
    try {
      const target = await this.store.headPosition();
      if (this.readModel.checkpoint() < target) {
        report.phase = 'waiting-for-read-model';
        let last = this.readModel.checkpoint();
        let lastMoved = Date.now();
        while (!(await this.readModel.waitFor(target, 250))) {
          const position = this.readModel.checkpoint();
          if (position !== last) {
            last = position;
            lastMoved = Date.now();
          } else if (Date.now() - lastMoved > READ_MODEL_STALL_MS) {
            throw new Error(
              `the read model has not moved from position ${position} for ${READ_MODEL_STALL_MS / 1000} s (target ${target}); see the log, then run the same command again`,
            );
          }
          report.readModel = { position, target };
          progress(false);
        }
        report.readModel = { position: this.readModel.checkpoint(), target };
        progress(true);
      }
      for (const job of [this.app.get(LedgerIndexProjector, { strict: false }), this.app.get(AnalyticsProjectorService, { strict: false }), this.app.get(WebhooksService, { strict: false })]) {
        await job.pause();
        jobs.push(job);
      }
      return { paused: jobs, head: target };
    } catch (err) {
      for (const job of jobs) job.resume();
      throw err;
    }
  }
}

type LineResult =
  | { ok: true; outcome: DecisionOutcome; at: string }
  | { ok: false; code: string; message: string; fatal: boolean };

interface Known {
  id: string;
  /** Backlog of an item / objective; item of an escalation. */
  parent: string | null;
}

/** The state of one import run: what the file's keys and line ids name so far, and its timeline. */
class ImportRun {
  readonly ids: Record<KeyKind, Record<string, string>> = { backlog: {}, item: {}, objective: {}, escalation: {} };
  private readonly known: Record<KeyKind, Map<string, Known>> = {
    backlog: new Map(),
    item: new Map(),
    objective: new Map(),
    escalation: new Map(),
  };
  /** Keys whose defining line was rejected (kind:key → line), for a helpful message on later references. */
  private readonly rejectedKeys = new Map<string, number>();
  /** Line id → line number. */
  private readonly lineIds = new Map<string, number>();
  /** Line number → id of the last event it wrote (the decision later lines can escalate against). */
  private readonly lineEvents = new LineEvents();
  private readonly contentSeen = new Map<string, number>();
  private readonly itemBacklogs = new Map<string, string>();
  private last: { at: string; line: number } | null = null;

  constructor(
    private readonly deps: RunDeps,
    private readonly source: string,
  ) {}

  async line(text: string, lineNo: number): Promise<LineResult> {
    let defined: { kind: KeyKind; key: string } | null = null;
    let line: ImportLine | null = null;
    try {
      line = parseLine(text, lineNo, this.deps.config.bodyLimitBytes);
      this.checkIdAndTime(line);
      const def = DECISIONS[line.decision];
      if (!def) {
        throw new ImportLineError('IMPORT.UNKNOWN_DECISION', `unknown decision "${line.decision}"; one of: ${DECISION_NAMES.join(', ')}`);
      }
      if (def.defines) defined = { kind: def.defines.kind, key: this.newKey(line, def.defines.field, def.defines.kind) };
      const input = await this.resolve(line, def, defined);
      const outcome: DecisionOutcome & { objectiveId?: string; escalationId?: string } = await this.deps.commands.execute(
        def.command(input),
      );
      this.remember(line, defined, input, outcome);
      return { ok: true, outcome, at: line.at };
    } catch (err) {
      if (defined) this.rejectedKeys.set(`${defined.kind}:${defined.key}`, lineNo);
      return this.failure(err, line);
    }
  }

  private checkIdAndTime(line: ImportLine): void {
    if (line.id !== null) {
      const first = this.lineIds.get(line.id);
      if (first !== undefined) throw new ImportLineError('IMPORT.DUPLICATE_ID', `id "${line.id}" is already the id of line ${first}`);
      this.lineIds.set(line.id, line.lineNo);
    }
    if (this.last && line.at < this.last.at) {
      throw new ImportLineError(
        'IMPORT.OUT_OF_ORDER',
        `at ${line.at} is earlier than line ${this.last.line} (${this.last.at}); lines must be in chronological order`,
      );
    }
    const now = this.deps.clock.now().getTime();
    if (Date.parse(line.at) > now + FUTURE_TOLERANCE_MS) {
      throw new ImportLineError('IMPORT.AT_IN_FUTURE', `at ${line.at} lies in the future; only past decisions can be imported`);
    }
    this.last = { at: line.at, line: line.lineNo };
  }

  private newKey(line: ImportLine, field: string, kind: KeyKind): string {
    const key = keyValue(line.raw[field], field, `the new ${kind}'s external key, e.g. "${kind === 'item' ? 'PROJ-123' : `${kind}-1`}"`);
    if (this.known[kind].has(key)) throw new ImportLineError('IMPORT.DUPLICATE_KEY', `${kind} "${key}" is already defined by an earlier line`);
    return key;
  }

  private ref(kind: KeyKind, value: unknown, field: string): Known {
    const key = keyValue(value, field, `a ${kind} key defined by an earlier line, or a ${kind} id (UUID)`);
    const known = this.known[kind].get(key);
    if (known) return known;
    if (UUID_RE.test(key)) return { id: key.toLowerCase(), parent: null };
    const rejectedAt = this.rejectedKeys.get(`${kind}:${key}`);
    throw new ImportLineError(
      'IMPORT.UNKNOWN_REF',
      rejectedAt !== undefined
        ? `${field}: ${kind} "${key}" was to be created by line ${rejectedAt}, which was rejected; fix that line first`
        : `${field}: ${kind} "${key}" is not defined by an earlier line (nor is it a UUID)`,
    );
  }

  private decisionRef(value: unknown, field: string, lineNo: number): string {
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (value < 1 || value >= lineNo) throw new ImportLineError('IMPORT.UNKNOWN_REF', `${field}: line ${value} is not an earlier line`);
      const eventId = this.lineEvents.get(value);
      if (!eventId) throw new ImportLineError('IMPORT.UNKNOWN_REF', `${field}: line ${value} wrote no decision (it was rejected)`);
      return eventId;
    }
    const key = keyValue(value, field, 'the id of an earlier line, its line number, or an event id (UUID)');
    const line = this.lineIds.get(key);
    if (line !== undefined && line < lineNo) {
      const eventId = this.lineEvents.get(line);
      if (!eventId) throw new ImportLineError('IMPORT.UNKNOWN_REF', `${field}: line ${line} ("${key}") wrote no decision (it was rejected)`);
      return eventId;
    }
    if (UUID_RE.test(key)) return key.toLowerCase();
    throw new ImportLineError('IMPORT.UNKNOWN_REF', `${field}: no earlier line has the id "${key}" (nor is it an event id)`);
  }

  private async resolve(line: ImportLine, def: DecisionDef, defined: { kind: KeyKind; key: string } | null): Promise<CommandInput> {
    // The request body: the line without its envelope, its new key and its references (those come back as ids).
    const body: Record<string, unknown> = {};
    const notBody = notBodyFields(def);
    for (const key of Object.keys(line.raw)) {
      if (notBody.has(key)) continue;
      // An own "__proto__" (JSON.parse makes one) stays a plain field, for the validation pipe to refuse.
      if (key === '__proto__') Object.defineProperty(body, key, { value: line.raw[key], enumerable: true, writable: true, configurable: true });
      else body[key] = line.raw[key];
    }
    const input = { backlogId: '', itemId: '', objectiveId: '', escalationId: '' } as CommandInput;
    let causationId: string | null = null;
    for (const r of def.refs) {
      const value = line.raw[r.field];
      if (value === undefined || value === null) {
        if (r.required) throw new ImportLineError('IMPORT.MISSING_FIELD', `${r.field} is required for ${line.decision}`);
        continue;
      }
      let id: string;
      if (r.kind === 'decision') {
        id = this.decisionRef(value, r.field, line.lineNo);
        causationId = id; // an escalation is caused by the decision it challenges
      } else {
        const known = this.ref(r.kind, value, r.field);
        id = known.id;
        if (r.kind === 'item' && !r.body) {
          input.itemId = id;
          if (known.parent) this.itemBacklogs.set(id, known.parent);
        }
        if (r.kind === 'backlog') input.backlogId = id;
        if (r.kind === 'objective' && !r.body) input.objectiveId = id;
        if (r.kind === 'escalation') input.escalationId = id;
      }
      if (r.body) body[r.body] = id;
    }
    input.body = await this.validate(line.decision, def, body);

    // A product owner decides on the backlog of the line (its token would name it); other roles need no scope.
    let backlogs: string[] = [];
    if (line.actor.role === 'product-owner') {
      const scope = def.scope === 'item' ? await this.backlogOfItem(input.itemId) : input.backlogId;
      if (scope) backlogs = [scope];
    }
    // A source's bot decides as the system: recorded with the system actor (meta.actor), with a leader's rights
    // on every backlog, as the forum's process manager does.
    const system = line.actor.role === 'system';
    const principal: Principal = { sub: line.actor.id, role: system ? 'product-leader' : (line.actor.role as Principal['role']), backlogs };
    const idempotencyKey = idempotencyKeyOf(line, defined, this.occurrence(line, defined));
    const requestId = uuidV5(`request|${principal.sub}|${idempotencyKey}`, IMPORT_NAMESPACE);
    const meta: RequestMeta = {
      principal,
      requestId,
      correlationId: requestId,
      causationId,
      idempotencyKey,
      occurredAt: line.at,
      importedFrom: `${this.source}:${line.lineNo}`,
      ...(system ? { actor: { id: line.actor.id, role: 'system' as const } } : {}),
      ...(line.statedWhy ? {} : { statedWhy: false as const }),
    };
    input.meta = meta;
    return input;
  }

  /** n for the n-th line of this file with exactly this content (only lines keyed by their content). */
  private occurrence(line: ImportLine, defined: unknown): number {
    if (line.id !== null || defined) return 1;
    const hash = sha256Hex(line.canonical);
    const n = (this.contentSeen.get(hash) ?? 0) + 1;
    this.contentSeen.set(hash, n);
    return n;
  }

  private async validate(decision: string, def: DecisionDef, body: Record<string, unknown>): Promise<unknown> {
    try {
      return await validation.transform(body, { type: 'body', metatype: def.dto });
    } catch (err) {
      // Name the line's fields, not the HTTP body's (objective, against rather than objectiveId, againstEventId).
      const rename = new Map(def.refs.filter((r) => r.body).map((r) => [r.body!, r.field]));
      const { problem } = toProblem(err);
      const errors = (problem.errors as FieldError[] | undefined) ?? [];
      if (!errors.length) throw err;
      const message = errors
        .map((e) => {
          const field = rename.get(e.field) ?? e.field;
          return `${field}: ${e.code === 'unknown-field' ? `not a field of ${decision}` : e.message.replace(e.field, field)}`;
        })
        .join('; ');
      throw new ImportLineError('VALIDATION.FAILED', message);
    }
  }

  private async backlogOfItem(itemId: string): Promise<string | null> {
    const cached = this.itemBacklogs.get(itemId);
    if (cached) return cached;
    const [first] = await this.deps.store.readStream(Streams.item(itemId));
    const backlogId = first && typeof first.data.backlogId === 'string' ? first.data.backlogId : null;
    if (backlogId) this.itemBacklogs.set(itemId, backlogId);
    return backlogId;
  }

  private remember(
    line: ImportLine,
    defined: { kind: KeyKind; key: string } | null,
    input: CommandInput,
    outcome: DecisionOutcome & { objectiveId?: string; escalationId?: string },
  ): void {
    const last = outcome.eventIds[outcome.eventIds.length - 1];
    if (last) this.lineEvents.set(line.lineNo, last);
    if (!defined) return;
    let known: Known;
    switch (defined.kind) {
      case 'backlog':
        known = { id: Streams.idOf(outcome.streamId), parent: null };
        break;
      case 'item':
        known = { id: Streams.idOf(outcome.streamId), parent: input.backlogId };
        this.itemBacklogs.set(known.id, input.backlogId);
        break;
      case 'objective':
        known = { id: outcome.objectiveId!, parent: input.backlogId };
        break;
      case 'escalation':
        known = { id: outcome.escalationId!, parent: input.itemId };
        break;
    }
    this.known[defined.kind].set(defined.key, known);
    this.ids[defined.kind][defined.key] = known.id;
    this.rejectedKeys.delete(`${defined.kind}:${defined.key}`);
  }

  private failure(err: unknown, line: ImportLine | null): LineResult {
    if (err instanceof ImportLineError) return { ok: false, code: err.code, message: err.message, fatal: false };
    const { problem, internal } = toProblem(err);
    if (internal) {
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, code: 'INTERNAL', message: `unexpected error on ${line?.decision ?? 'this line'}: ${message}`, fatal: true };
    }
    const errors = (problem.errors as FieldError[] | undefined) ?? [];
    const detail =
      problem.code === 'VALIDATION.FAILED' && errors.length ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : problem.detail;
    // The store or the read model is unavailable: every later line would fail the same way.
    return { ok: false, code: problem.code, message: detail, fatal: problem.status === 503 };
  }
}

/**
 * Line number → id of the last event it wrote, for `against`: 16 bytes per line for the (UUID) ids a decision gets
 * (a million lines: 16 MB instead of ~100 MB of strings and map entries the collector walks again and again).
 */
class LineEvents {
  private bytes = Buffer.alloc(16 * 4096);
  private has = new Uint8Array(4096);
  /** Ids that are not UUIDs (none from an import; kept exact all the same). */
  private readonly other = new Map<number, string>();

  set(line: number, eventId: string): void {
    if (!UUID_RE.test(eventId)) {
      this.other.set(line, eventId);
      return;
    }
    while (line >= this.has.length) {
      const bytes = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(bytes);
      const has = new Uint8Array(this.has.length * 2);
      has.set(this.has);
      [this.bytes, this.has] = [bytes, has];
    }
    this.bytes.write(eventId.replace(/-/g, ''), line * 16, 16, 'hex');
    this.has[line] = 1;
  }

  get(line: number): string | undefined {
    if (line >= this.has.length || !this.has[line]) return this.other.get(line);
    const h = this.bytes.toString('hex', line * 16, line * 16 + 16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

const notBodyCache = new WeakMap<DecisionDef, Set<string>>();

/** Line fields that are not part of the decision's request body: envelope, the new key, references. */
function notBodyFields(def: DecisionDef): Set<string> {
  let fields = notBodyCache.get(def);
  if (!fields) {
    fields = new Set<string>([...ENVELOPE_FIELDS, ...(def.defines ? [def.defines.field] : []), ...def.refs.map((r) => r.field)]);
    notBodyCache.set(def, fields);
  }
  return fields;
}

/** The lines as one async iterable, its iterator taken now. */
function iterate(lines: AsyncIterable<string> | Iterable<string>): AsyncIterable<string> {
  const iterator: AsyncIterator<string> | Iterator<string> =
    Symbol.asyncIterator in lines ? (lines as AsyncIterable<string>)[Symbol.asyncIterator]() : (lines as Iterable<string>)[Symbol.iterator]();
  return { [Symbol.asyncIterator]: () => iterator as AsyncIterator<string> };
}

function keyValue(value: unknown, field: string, what: string): string {
  if (value === undefined || value === null) throw new ImportLineError('IMPORT.MISSING_FIELD', `${field} is required: ${what}`);
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw new ImportLineError('IMPORT.INVALID_FIELD', `${field} must be a non-empty string of at most 200 characters: ${what}`);
  }
  return value;
}

/** Decision lines (non-blank) of a file, for progress. */
export async function countDecisionLines(path: string): Promise<number> {
  let n = 0;
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const l of rl) if (l.trim() !== '' && l !== '\ufeff') n += 1;
  return n;
}
