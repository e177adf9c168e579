import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import type { RecordedEvent } from '@ledger/kernel';
import type { FrozenScore } from '@ledger/domain';
import { PROGRESS_EVENT_TYPES } from '@ledger/analytics';
import { backlogRowChange, entryRow, escalationRowChange, itemRowChange, ownerRow } from './ledger-index.projection';
import type {
  AuditFilter,
  BacklogCounts,
  BacklogOwner,
  BacklogRow,
  EscalationFilter,
  EscalationRow,
  LedgerIndex,
  RankNeighbours,
  RankedItemRow,
} from './ledger-index.port';
import { RankOrder } from './rank-order';
import { evolveItemVersion, type ItemVersion } from './item-version';

/**
 * Version of the tables below (PRAGMA user_version; files from before versioning read 0). A file at another
 * version is emptied and re-projected from position 0 in the background (ADR 0032): the read model is rebuildable.
 *   2: backlogs, their owners and item counts; escalations.
 *   3: items.scoring, the score frozen by the item's latest decision (ADR 0033; JSON, NULL when it has none).
 *   4: the as-of index (as_of_tracks, as_of_versions; ADR 0030; each version carries the item's frozen score as it
 *      stood), without the (backlog, occurred_at) index it replaces. A file at 3 lacks the index: re-projected.
 */
export const READ_MODEL_VERSION = 4;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
INSERT OR IGNORE INTO checkpoint (id, position) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS entries (
  position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
  type TEXT NOT NULL, backlog_id TEXT, item_id TEXT, actor_id TEXT NOT NULL, actor_role TEXT NOT NULL,
  recorded_at TEXT NOT NULL, occurred_at TEXT NOT NULL, event_json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_backlog ON entries (backlog_id, position);
CREATE INDEX IF NOT EXISTS entries_item ON entries (item_id, position);
CREATE INDEX IF NOT EXISTS entries_type ON entries (type, position);
CREATE INDEX IF NOT EXISTS entries_actor ON entries (actor_id, position);
CREATE TABLE IF NOT EXISTS items (
  item_id TEXT PRIMARY KEY, backlog_id TEXT NOT NULL, status TEXT NOT NULL, ranked INTEGER NOT NULL,
  rank TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, estimate REAL, objective_id TEXT,
  requested_by TEXT, added_at TEXT NOT NULL, revision INTEGER NOT NULL, last_position INTEGER NOT NULL, scoring TEXT);
CREATE INDEX IF NOT EXISTS items_ranking ON items (backlog_id, ranked, rank, item_id);
CREATE TABLE IF NOT EXISTS backlogs (
  backlog_id TEXT PRIMARY KEY, name TEXT NOT NULL, product_goal TEXT NOT NULL, created_at TEXT NOT NULL,
  created_by TEXT NOT NULL, created_by_role TEXT NOT NULL, revision INTEGER NOT NULL, last_position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS backlog_owners (
  backlog_id TEXT NOT NULL, actor_id TEXT NOT NULL, role TEXT NOT NULL, since TEXT NOT NULL, since_position INTEGER NOT NULL,
  PRIMARY KEY (backlog_id, actor_id));
-- Items per backlog and status, kept by the items table's own writes (which are idempotent: position-guarded).
CREATE TABLE IF NOT EXISTS item_counts (
  backlog_id TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (backlog_id, status));
CREATE TRIGGER IF NOT EXISTS items_counted AFTER INSERT ON items BEGIN
  INSERT INTO item_counts (backlog_id, status, n) VALUES (NEW.backlog_id, NEW.status, 1)
    ON CONFLICT (backlog_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS items_recounted AFTER UPDATE OF status ON items WHEN OLD.status <> NEW.status BEGIN
  UPDATE item_counts SET n = n - 1 WHERE backlog_id = OLD.backlog_id AND status = OLD.status;
  INSERT INTO item_counts (backlog_id, status, n) VALUES (NEW.backlog_id, NEW.status, 1)
    ON CONFLICT (backlog_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TABLE IF NOT EXISTS escalations (
  escalation_id TEXT PRIMARY KEY, position INTEGER NOT NULL, event_id TEXT NOT NULL, item_id TEXT NOT NULL,
  backlog_id TEXT NOT NULL, raised_by TEXT NOT NULL, raised_by_role TEXT NOT NULL, raised_at TEXT NOT NULL,
  against_event_id TEXT NOT NULL, against_event_type TEXT NOT NULL, wanted TEXT NOT NULL, reason TEXT NOT NULL,
  addressed_to TEXT, status TEXT NOT NULL,
  resolution_event_id TEXT, resolved_by TEXT, resolved_by_role TEXT, resolved_at TEXT, resolution_rationale TEXT,
  change_event_id TEXT, change_type TEXT, change_from_position INTEGER, change_to_position INTEGER);
CREATE INDEX IF NOT EXISTS escalations_backlog ON escalations (backlog_id, status, position);
CREATE INDEX IF NOT EXISTS escalations_raised_by ON escalations (raised_by, position);
CREATE INDEX IF NOT EXISTS escalations_status ON escalations (status, position);
CREATE INDEX IF NOT EXISTS escalations_position ON escalations (position);
-- The "as of" index (ADR 0030): per (backlog, item stream) a track, and per item event the stream's version folded
-- up to it, keyed (track, occurred_at, position). A track is monotone while its events' occurredAt never goes
-- backwards along positions; then the events at or before any instant are a prefix of the track, and its state
-- then is the version of the last of them: one index seek per item. Backdated events (imports into existing
-- items) clear the flag, and such a track is folded from its own events instead. An item event costs one row here
-- (the track row is written when it starts and when it stops being monotone).
CREATE TABLE IF NOT EXISTS as_of_tracks (
  track INTEGER PRIMARY KEY, backlog_id TEXT NOT NULL, stream_id TEXT NOT NULL, monotone INTEGER NOT NULL,
  UNIQUE (backlog_id, stream_id));
CREATE TABLE IF NOT EXISTS as_of_versions (
  track INTEGER NOT NULL, occurred_at TEXT NOT NULL, position INTEGER NOT NULL, version TEXT NOT NULL,
  PRIMARY KEY (track, occurred_at, position)) WITHOUT ROWID;
`;

/** Where a track stands: what the next event of its stream is folded onto. */
interface TrackState {
  track: number;
  lastPosition: number;
  maxOccurredAt: string;
  monotone: boolean;
  version: ItemVersion;
}

/** Track states kept between commits (least recently used dropped first; a miss reads the track's last row). */
const TRACK_CACHE = 50_000;

/** A version as stored: the stream id is the track's. */
const versionJson = (v: ItemVersion): string =>
  JSON.stringify({ state: v.state, revision: v.revision, position: v.position, lastProgressAt: v.lastProgressAt });
const parseVersion = (streamId: string, json: string): ItemVersion => ({ streamId, ...(JSON.parse(json) as Omit<ItemVersion, 'streamId'>) });

/** Every table and trigger of any version so far: dropped when the file's version is not READ_MODEL_VERSION. */
const TABLES = ['checkpoint', 'entries', 'items', 'backlogs', 'backlog_owners', 'item_counts', 'escalations', 'as_of_tracks', 'as_of_versions'];

const ITEM_STATUS_COUNT: Record<string, keyof Omit<BacklogCounts, 'openEscalations'>> = {
  open: 'open',
  'in-progress': 'inProgress',
  delivered: 'delivered',
  killed: 'killed',
  'anti-backlog': 'antiBacklog',
};

interface EscalationDbRow {
  escalation_id: string;
  position: number;
  event_id: string;
  item_id: string;
  backlog_id: string;
  raised_by: string;
  raised_by_role: string;
  raised_at: string;
  against_event_id: string;
  against_event_type: string;
  wanted: string;
  reason: string;
  addressed_to: string | null;
  status: EscalationRow['status'];
  resolution_event_id: string | null;
  resolved_by: string | null;
  resolved_by_role: string | null;
  resolved_at: string | null;
  resolution_rationale: string | null;
  change_event_id: string | null;
  change_type: string | null;
  change_from_position: number | null;
  change_to_position: number | null;
  item_title: string | null;
  backlog_name: string | null;
  against_actor_id: string | null;
  against_actor_role: string | null;
  against_at: string | null;
  against_from: number | null;
  against_to: number | null;
}

const intOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

function toEscalation(r: EscalationDbRow): EscalationRow {
  return {
    escalationId: r.escalation_id,
    status: r.status,
    itemId: r.item_id,
    itemTitle: r.item_title,
    backlogId: r.backlog_id,
    backlogName: r.backlog_name,
    eventId: r.event_id,
    position: r.position,
    raisedBy: r.raised_by,
    raisedByRole: r.raised_by_role,
    raisedAt: r.raised_at,
    wanted: r.wanted,
    reason: r.reason,
    addressedTo: r.addressed_to,
    against: {
      eventId: r.against_event_id,
      type: r.against_event_type,
      actorId: r.against_actor_id,
      actorRole: r.against_actor_role,
      at: r.against_at,
      fromPosition: intOrNull(r.against_from),
      toPosition: intOrNull(r.against_to),
    },
    resolution:
      r.status === 'open' || r.resolution_event_id === null
        ? null
        : {
            outcome: r.status,
            eventId: r.resolution_event_id,
            by: r.resolved_by ?? '',
            byRole: r.resolved_by_role ?? '',
            at: r.resolved_at ?? '',
            rationale: r.resolution_rationale ?? '',
            change:
              r.change_event_id === null
                ? null
                : { eventId: r.change_event_id, type: r.change_type ?? '', fromPosition: r.change_from_position, toPosition: r.change_to_position },
          },
  };
}

const RANKED = new Set(['open', 'in-progress']);
/** DOMAIN.md "Progress event" (the analytics' list), and the addition an item's progress is counted from. */
const PROGRESS_TYPES_JSON = JSON.stringify(['item.added', ...PROGRESS_EVENT_TYPES]);

interface ItemDbRow {
  item_id: string;
  backlog_id: string;
  status: string;
  ranked: number;
  rank: string;
  title: string;
  kind: string;
  estimate: number | null;
  objective_id: string | null;
  requested_by: string | null;
  added_at: string;
  revision: number;
  scoring: string | null;
}

function parseScoring(json: string | null): FrozenScore | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as FrozenScore;
  } catch {
    return null;
  }
}

const toRow = (r: ItemDbRow): RankedItemRow => ({
  itemId: r.item_id,
  backlogId: r.backlog_id,
  title: r.title,
  kind: r.kind,
  status: r.status,
  rank: r.rank,
  estimate: r.estimate,
  objectiveId: r.objective_id,
  requestedBy: r.requested_by,
  addedAt: r.added_at,
  revision: r.revision,
  scoring: parseScoring(r.scoring),
});

/** SQLite adapter of the read model. Rebuildable from the store, so commits need not be fsynced. */
export class SqliteLedgerIndex implements LedgerIndex {
  private readonly db: Database.Database;
  private readonly emitter = new EventEmitter();
  private position: number;
  private readonly stmt;
  /** Per backlog, its ranked items in memory (loaded on first use, refreshed from the rows each apply touches). */
  private readonly orders = new Map<string, RankOrder>();
  /** The version the file was at when it had to be emptied for re-projection, or null. */
  readonly resetFromVersion: number | null;
  /** As-of track states by `backlog \0 stream`, so an item event writes one version row and reads nothing. */
  private readonly trackCache = new Map<string, TrackState>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // A catch-up batch touches thousands of random index pages (item ids are UUIDs): a 64 MiB page cache and
    // a 40 MB WAL between checkpoints write each of them fewer times (measured: BENCHMARKS.md, ADR 0019).
    this.db.pragma('cache_size = -65536');
    this.db.pragma('wal_autocheckpoint = 10000');
    this.resetFromVersion = this.resetIfOtherVersion();
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${READ_MODEL_VERSION}`);
    this.emitter.setMaxListeners(0);
    const db = this.db;
    this.stmt = {
      checkpoint: db.prepare('SELECT position FROM checkpoint WHERE id = 1'),
      setCheckpoint: db.prepare('UPDATE checkpoint SET position = ? WHERE id = 1 AND position < ?'),
      insertEntry: db.prepare(`INSERT OR IGNORE INTO entries
        (position, event_id, stream_id, revision, type, backlog_id, item_id, actor_id, actor_role, recorded_at, occurred_at, event_json)
        VALUES (@position, @eventId, @streamId, @revision, @type, @backlogId, @itemId, @actorId, @actorRole, @recordedAt, @occurredAt, @json)`),
      insertItem: db.prepare(`INSERT OR IGNORE INTO items
        (item_id, backlog_id, status, ranked, rank, title, kind, estimate, objective_id, requested_by, added_at, revision, last_position, scoring)
        VALUES (@itemId, @backlogId, 'open', 1, @rank, @title, @kind, @estimate, @objectiveId, @requestedBy, @addedAt, @revision, @position, @scoring)`),
      updateItem: db.prepare(`UPDATE items SET
          status = COALESCE(@status, status), ranked = COALESCE(@ranked, ranked), rank = COALESCE(@rank, rank),
          estimate = COALESCE(@estimate, estimate), objective_id = COALESCE(@objectiveId, objective_id),
          scoring = COALESCE(@scoring, scoring), revision = @revision, last_position = @position
        WHERE item_id = @itemId AND last_position < @position`),
      ranked: db.prepare(`SELECT * FROM items WHERE backlog_id = ? AND ranked = 1 ORDER BY rank, item_id LIMIT ? OFFSET ?`),
      rankedKeys: db.prepare(`SELECT rank, item_id AS itemId FROM items WHERE backlog_id = ? AND ranked = 1 ORDER BY rank, item_id`),
      item: db.prepare('SELECT * FROM items WHERE item_id = ?'),
      itemRank: db.prepare('SELECT backlog_id, ranked, rank FROM items WHERE item_id = ?'),
      withStatus: db.prepare(`SELECT * FROM items WHERE backlog_id = ? AND status = ? ORDER BY last_position DESC LIMIT ? OFFSET ?`),
      statusCount: db.prepare(`SELECT coalesce((SELECT n FROM item_counts WHERE backlog_id = ? AND status = ?), 0) AS n`),
      lastProgress: db.prepare(`SELECT item_id AS itemId, max(occurred_at) AS at FROM entries
        WHERE item_id IN (SELECT value FROM json_each(?)) AND type IN (SELECT value FROM json_each(?)) GROUP BY item_id`),
      track: db.prepare('SELECT track, monotone FROM as_of_tracks WHERE backlog_id = ? AND stream_id = ?'),
      /** A monotone track's last event: last in (occurred_at, position) order is last in position order. */
      lastOfMonotone: db.prepare(`SELECT occurred_at AS occurredAt, position, version FROM as_of_versions WHERE track = ?
        ORDER BY occurred_at DESC, position DESC LIMIT 1`),
      lastByPosition: db.prepare('SELECT position, version FROM as_of_versions WHERE track = ? ORDER BY position DESC LIMIT 1'),
      insertTrack: db.prepare('INSERT INTO as_of_tracks (backlog_id, stream_id, monotone) VALUES (?, ?, 1)'),
      notMonotone: db.prepare('UPDATE as_of_tracks SET monotone = 0 WHERE track = ?'),
      insertVersion: db.prepare('INSERT OR IGNORE INTO as_of_versions (track, occurred_at, position, version) VALUES (?, ?, ?, ?)'),
      /** Per track of the backlog, in first-event order: the version of its last event at or before @at. */
      versionsAt: db.prepare(`SELECT t.track, t.stream_id AS streamId, t.monotone,
          (SELECT v.version FROM as_of_versions v WHERE v.track = t.track AND v.occurred_at <= @at
            ORDER BY v.occurred_at DESC, v.position DESC LIMIT 1) AS version
        FROM as_of_tracks t WHERE t.backlog_id = @backlogId ORDER BY t.track`),
      trackEventsUpTo: db.prepare(`SELECT e.event_json FROM as_of_versions v JOIN entries e ON e.position = v.position
        WHERE v.track = ? AND v.occurred_at <= ? ORDER BY v.position`).pluck(),
      insertBacklog: db.prepare(`INSERT OR IGNORE INTO backlogs
        (backlog_id, name, product_goal, created_at, created_by, created_by_role, revision, last_position)
        VALUES (@backlogId, @name, @productGoal, @createdAt, @createdBy, @createdByRole, @revision, @position)`),
      updateBacklog: db.prepare(`UPDATE backlogs SET product_goal = COALESCE(@productGoal, product_goal), revision = @revision,
        last_position = @position WHERE backlog_id = @backlogId AND last_position < @position`),
      insertOwner: db.prepare(`INSERT OR IGNORE INTO backlog_owners (backlog_id, actor_id, role, since, since_position)
        VALUES (@backlogId, @actorId, @role, @since, @position)`),
      insertEscalation: db.prepare(`INSERT OR IGNORE INTO escalations
        (escalation_id, position, event_id, item_id, backlog_id, raised_by, raised_by_role, raised_at, against_event_id,
         against_event_type, wanted, reason, addressed_to, status)
        VALUES (@escalationId, @position, @eventId, @itemId, @backlogId, @raisedBy, @raisedByRole, @raisedAt, @againstEventId,
         @againstEventType, @wanted, @reason, @addressedTo, 'open')`),
      resolveEscalation: db.prepare(`UPDATE escalations SET status = @outcome, resolution_event_id = @eventId, resolved_by = @by,
        resolved_by_role = @byRole, resolved_at = @at, resolution_rationale = @rationale
        WHERE escalation_id = @escalationId AND resolution_event_id IS NULL`),
      escalationChange: db.prepare(`UPDATE escalations SET change_event_id = @eventId, change_type = @type,
        change_from_position = @fromPosition, change_to_position = @toPosition
        WHERE escalation_id = @escalationId AND change_event_id IS NULL`),
    };
    this.position = (this.stmt.checkpoint.get() as { position: number }).position;
  }

  checkpoint(): number {
    return this.position;
  }

  apply(events: RecordedEvent[]): void {
    if (events.length === 0 || !this.db.open) return;
    /** Item id → its backlog id (null when the event does not say). */
    const touched = new Map<string, string | null>();
    const tracks = new Map<string, TrackState>();
    const tx = this.db.transaction((batch: RecordedEvent[]) => {
      for (const e of batch) {
        if (e.position <= this.position) continue;
        const entry = entryRow(e);
        this.stmt.insertEntry.run({ ...entry, json: JSON.stringify(e) });
        this.applyBacklogAndEscalation(e, entry);
        if (entry.backlogId !== null && entry.itemId !== null) this.addVersion(e, entry.backlogId, entry.occurredAt, tracks);
        const change = itemRowChange(e);
        if (change) {
          touched.set(change.itemId, entry.backlogId);
          if (change.insert) {
            this.stmt.insertItem.run({
              ...change.insert,
              itemId: change.itemId,
              revision: change.revision,
              position: change.position,
              scoring: change.scoring ?? null,
            });
          } else {
            this.stmt.updateItem.run({
              itemId: change.itemId,
              status: change.status ?? null,
              ranked: change.status ? (RANKED.has(change.status) ? 1 : 0) : null,
              rank: change.rank ?? null,
              estimate: change.estimate ?? null,
              objectiveId: change.objectiveId ?? null,
              scoring: change.scoring ?? null,
              revision: change.revision,
              position: change.position,
            });
          }
        }
      }
      const last = batch[batch.length - 1].position;
      this.stmt.setCheckpoint.run(last, last);
    });
    tx(events);
    this.keepTracks(tracks);
    this.refreshOrders(touched);
    this.position = Math.max(this.position, events[events.length - 1].position);
    this.emitter.emit('advanced', this.position);
  }

  private applyBacklogAndEscalation(e: RecordedEvent, entry: ReturnType<typeof entryRow>): void {
    const backlog = backlogRowChange(e);
    if (backlog?.insert) this.stmt.insertBacklog.run({ ...backlog.insert, backlogId: backlog.backlogId, revision: backlog.revision, position: backlog.position });
    else if (backlog) this.stmt.updateBacklog.run({ backlogId: backlog.backlogId, productGoal: backlog.productGoal ?? null, revision: backlog.revision, position: backlog.position });
    const owner = ownerRow(entry);
    if (owner) this.stmt.insertOwner.run(owner);
    const escalation = escalationRowChange(e);
    if (escalation?.kind === 'raised') {
      const { kind: _kind, ...row } = escalation;
      this.stmt.insertEscalation.run(row);
    } else if (escalation?.kind === 'resolved') {
      const { kind: _kind, ...row } = escalation;
      this.stmt.resolveEscalation.run(row);
    } else if (escalation?.kind === 'changed') {
      const { kind: _kind, ...row } = escalation;
      this.stmt.escalationChange.run(row);
    }
  }

  /** Empties a file written at another READ_MODEL_VERSION (it then catches up from 0); returns that version, or null. */
  private resetIfOtherVersion(): number | null {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    const existing = this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'checkpoint'").get() as { n: number };
    if (version === READ_MODEL_VERSION || existing.n === 0) return null;
    this.db.transaction(() => {
      for (const table of TABLES) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
    })();
    this.db.exec('VACUUM');
    return version;
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onAdvance = (p: number) => {
        if (p >= position) done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.emitter.off('advanced', onAdvance);
        resolve(ok);
      };
      this.emitter.on('advanced', onAdvance);
    });
  }

  rankedItems(backlogId: string, page: { limit: number; offset: number }): RankedItemRow[] {
    return (this.stmt.ranked.all(backlogId, page.limit, page.offset) as ItemDbRow[]).map(toRow);
  }

  rankedCount(backlogId: string): number {
    return this.orderOf(backlogId).size;
  }

  itemsWithStatus(backlogId: string, status: string, page: { limit: number; offset: number }): RankedItemRow[] {
    return (this.stmt.withStatus.all(backlogId, status, page.limit, page.offset) as ItemDbRow[]).map(toRow);
  }

  statusCount(backlogId: string, status: string): number {
    return (this.stmt.statusCount.get(backlogId, status) as { n: number }).n;
  }

  lastProgress(itemIds: string[]): Map<string, string> {
    if (itemIds.length === 0) return new Map();
    const rows = this.stmt.lastProgress.all(JSON.stringify(itemIds), PROGRESS_TYPES_JSON) as { itemId: string; at: string }[];
    return new Map(rows.map((r) => [r.itemId, r.at]));
  }

  itemRow(itemId: string) {
    const r = this.stmt.item.get(itemId) as ItemDbRow | undefined;
    return r ? { ...toRow(r), ranked: r.ranked === 1 } : null;
  }

  positionOf(backlogId: string, itemId: string): number | null {
    return this.orderOf(backlogId).positionOf(itemId);
  }

  rankedBetween(backlogId: string, from: number, to: number): { itemId: string; scoring: FrozenScore | null }[] {
    const ids = this.orderOf(backlogId).idsBetween(from, to);
    // One statement per 500 ids (a big move passes thousands): the rows by primary key, in the ranking's order.
    const found = new Map<string, string | null>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT item_id, scoring FROM items WHERE item_id IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as {
        item_id: string;
        scoring: string | null;
      }[];
      for (const r of rows) found.set(r.item_id, r.scoring);
    }
    return ids.map((itemId) => ({ itemId, scoring: parseScoring(found.get(itemId) ?? null) }));
  }

  neighboursAt(backlogId: string, position: number, itemId: string): RankNeighbours {
    return this.orderOf(backlogId).neighboursAt(position, itemId);
  }

  neighboursOf(backlogId: string, anchorId: string, side: 'before' | 'after', itemId: string) {
    // The order holds exactly the ranked items of this backlog, so an anchor outside it is not rankable here.
    return this.orderOf(backlogId).neighboursOf(anchorId, side, itemId);
  }

  private orderOf(backlogId: string): RankOrder {
    let order = this.orders.get(backlogId);
    if (!order) {
      order = RankOrder.fromSorted(this.stmt.rankedKeys.iterate(backlogId) as Iterable<{ rank: string; itemId: string }>);
      this.orders.set(backlogId, order);
    }
    return order;
  }

  /**
   * After a commit: the in-memory orders take each touched item's row as it now is in the file. Items of
   * backlogs whose order is not loaded are skipped (it loads from the rows on first use): no read per event
   * while catching up.
   */
  private refreshOrders(touched: Map<string, string | null>): void {
    if (this.orders.size === 0) return;
    for (const [itemId, backlogId] of touched) {
      if (backlogId !== null && !this.orders.has(backlogId)) continue;
      const r = this.stmt.itemRank.get(itemId) as Pick<ItemDbRow, 'backlog_id' | 'ranked' | 'rank'> | undefined;
      const order = r && this.orders.get(r.backlog_id);
      if (order) order.set(itemId, r.ranked === 1 ? r.rank : null);
    }
  }

  /**
   * Appends the stream's next version (a no-op for an event the track already has: applying twice changes nothing).
   * `tracks` holds this transaction's track states; they join the cache only once it has committed.
   */
  private addVersion(e: RecordedEvent, backlogId: string, occurredAt: string, tracks: Map<string, TrackState>): void {
    const key = `${backlogId}\u0000${e.streamId}`;
    const t = tracks.get(key) ?? this.trackCache.get(key) ?? this.readTrack(backlogId, e.streamId);
    if (t && t.lastPosition >= e.position) return;
    const version = evolveItemVersion(t ? t.version : null, e);
    let next: TrackState;
    if (!t) {
      const track = Number(this.stmt.insertTrack.run(backlogId, e.streamId).lastInsertRowid);
      next = { track, lastPosition: e.position, maxOccurredAt: occurredAt, monotone: true, version };
    } else {
      const monotone = t.monotone && occurredAt >= t.maxOccurredAt;
      if (t.monotone && !monotone) this.stmt.notMonotone.run(t.track);
      next = { track: t.track, lastPosition: e.position, maxOccurredAt: occurredAt > t.maxOccurredAt ? occurredAt : t.maxOccurredAt, monotone, version };
    }
    this.stmt.insertVersion.run(next.track, occurredAt, e.position, versionJson(version));
    tracks.set(key, next);
  }

  /** A track's state from the file (a cache miss): its last version, and the latest occurredAt it has seen. */
  private readTrack(backlogId: string, streamId: string): TrackState | undefined {
    const row = this.stmt.track.get(backlogId, streamId) as { track: number; monotone: number } | undefined;
    if (!row) return undefined;
    const top = this.stmt.lastOfMonotone.get(row.track) as { occurredAt: string; position: number; version: string };
    if (row.monotone === 1) return { track: row.track, lastPosition: top.position, maxOccurredAt: top.occurredAt, monotone: true, version: parseVersion(streamId, top.version) };
    const last = this.stmt.lastByPosition.get(row.track) as { position: number; version: string };
    return { track: row.track, lastPosition: last.position, maxOccurredAt: top.occurredAt, monotone: false, version: parseVersion(streamId, last.version) };
  }

  /** After a commit: the transaction's track states become the cache's (most recently used last). */
  private keepTracks(tracks: Map<string, TrackState>): void {
    for (const [key, t] of tracks) {
      this.trackCache.delete(key);
      this.trackCache.set(key, t);
    }
    while (this.trackCache.size > TRACK_CACHE) this.trackCache.delete(this.trackCache.keys().next().value as string);
  }

  itemVersionsAt(backlogId: string, at: string): ItemVersion[] {
    // One read transaction: the versions and any track's own events come from the same snapshot.
    return this.db.transaction(() => {
      const out: ItemVersion[] = [];
      const rows = this.stmt.versionsAt.all({ backlogId, at }) as { track: number; streamId: string; monotone: number; version: string | null }[];
      for (const r of rows) {
        if (r.monotone === 1) {
          if (r.version !== null) out.push(parseVersion(r.streamId, r.version));
          continue;
        }
        // Backdated events in this track: fold exactly the ones at or before the instant, in position order.
        let v: ItemVersion | null = null;
        for (const json of this.stmt.trackEventsUpTo.all(r.track, at) as string[]) v = evolveItemVersion(v, JSON.parse(json));
        if (v) out.push(v);
      }
      return out;
    })();
  }

  audit(f: AuditFilter): RecordedEvent[] {
    const sql = `SELECT event_json FROM entries WHERE ${this.auditWhere(f)} ORDER BY position LIMIT @limit`;
    return (this.db.prepare(sql).all(this.auditParams(f)) as { event_json: string }[]).map((r) => JSON.parse(r.event_json));
  }

  auditPageEnd(f: AuditFilter): number | null {
    const sql = `SELECT position FROM entries WHERE ${this.auditWhere(f)} ORDER BY position LIMIT 1 OFFSET @offset`;
    const { limit, ...rest } = this.auditParams(f);
    const row = this.db.prepare(sql).get({ ...rest, offset: Number(limit) - 1 }) as { position: number } | undefined;
    return row?.position ?? null;
  }

  private auditParams(f: AuditFilter): Record<string, unknown> {
    return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  }

  private auditWhere(f: AuditFilter): string {
    const where = ['position > @after'];
    if (f.backlogId) where.push('backlog_id = @backlogId');
    if (f.itemId) where.push('item_id = @itemId');
    if (f.type) where.push('type = @type');
    if (f.actor) where.push('actor_id = @actor');
    if (f.from) where.push('occurred_at >= @from');
    if (f.to) where.push('occurred_at < @to');
    return where.join(' AND ');
  }

  backlogs(backlogIds?: string[]): BacklogRow[] {
    if (backlogIds !== undefined && backlogIds.length === 0) return [];
    const where = backlogIds === undefined ? '' : `WHERE backlog_id IN (${backlogIds.map(() => '?').join(', ')})`;
    const params = backlogIds ?? [];
    const rows = this.db.prepare(`SELECT * FROM backlogs ${where} ORDER BY name COLLATE NOCASE, backlog_id`).all(...params) as {
      backlog_id: string;
      name: string;
      product_goal: string;
      created_at: string;
      created_by: string;
      created_by_role: string;
      revision: number;
    }[];
    const owners = new Map<string, BacklogOwner[]>();
    for (const o of this.db.prepare(`SELECT * FROM backlog_owners ${where} ORDER BY since_position`).all(...params) as {
      backlog_id: string;
      actor_id: string;
      role: string;
      since: string;
    }[]) {
      owners.set(o.backlog_id, [...(owners.get(o.backlog_id) ?? []), { actorId: o.actor_id, role: o.role, since: o.since }]);
    }
    const counts = new Map<string, BacklogCounts>();
    const countsOf = (id: string) => {
      let c = counts.get(id);
      if (!c) counts.set(id, (c = { open: 0, inProgress: 0, delivered: 0, killed: 0, antiBacklog: 0, openEscalations: 0 }));
      return c;
    };
    for (const c of this.db.prepare(`SELECT backlog_id, status, n FROM item_counts ${where}`).all(...params) as { backlog_id: string; status: string; n: number }[]) {
      const key = ITEM_STATUS_COUNT[c.status];
      if (key) countsOf(c.backlog_id)[key] = c.n;
    }
    const openWhere = backlogIds === undefined ? "WHERE status = 'open'" : `${where} AND status = 'open'`;
    for (const c of this.db.prepare(`SELECT backlog_id, count(*) AS n FROM escalations ${openWhere} GROUP BY backlog_id`).all(...params) as {
      backlog_id: string;
      n: number;
    }[]) {
      countsOf(c.backlog_id).openEscalations = c.n;
    }
    return rows.map((r) => ({
      backlogId: r.backlog_id,
      name: r.name,
      productGoal: r.product_goal,
      createdAt: r.created_at,
      createdBy: r.created_by,
      createdByRole: r.created_by_role,
      revision: r.revision,
      owners: owners.get(r.backlog_id) ?? [],
      counts: countsOf(r.backlog_id),
    }));
  }

  escalations(f: EscalationFilter): EscalationRow[] {
    if (f.scope !== undefined && f.scope.length === 0) return [];
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.scope !== undefined) (where.push(`backlog_id IN (${f.scope.map(() => '?').join(', ')})`), params.push(...f.scope));
    if (f.backlogId !== undefined) (where.push('backlog_id = ?'), params.push(f.backlogId));
    if (f.raisedBy !== undefined) (where.push('raised_by = ?'), params.push(f.raisedBy));
    if (f.status !== undefined) (where.push('status = ?'), params.push(f.status));
    if (f.before !== undefined) (where.push('position < ?'), params.push(f.before));
    // The page first, then the joins for its rows only (joining before the sort cost a look-up per escalation).
    const sql = `SELECT e.*, i.title AS item_title, b.name AS backlog_name,
        a.actor_id AS against_actor_id, a.actor_role AS against_actor_role, a.occurred_at AS against_at,
        json_extract(a.event_json, '$.data.fromPosition') AS against_from,
        coalesce(json_extract(a.event_json, '$.data.toPosition'), json_extract(a.event_json, '$.data.position')) AS against_to
      FROM (SELECT * FROM escalations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY position DESC LIMIT ?) e
      LEFT JOIN items i ON i.item_id = e.item_id
      LEFT JOIN backlogs b ON b.backlog_id = e.backlog_id
      LEFT JOIN entries a ON a.item_id = e.item_id AND a.event_id = e.against_event_id
      ORDER BY e.position DESC`;
    return (this.db.prepare(sql).all(...params, f.limit) as EscalationDbRow[]).map(toEscalation);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
