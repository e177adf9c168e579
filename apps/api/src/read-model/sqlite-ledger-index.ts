import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import type { RecordedEvent } from '@ledger/kernel';
import { entryRow, itemRowChange } from './ledger-index.projection';
import type { AuditFilter, LedgerIndex, RankNeighbours, RankedItemRow } from './ledger-index.port';
import { RankOrder } from './rank-order';
import { evolveItemVersion, type ItemVersion } from './item-version';

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
CREATE INDEX IF NOT EXISTS entries_backlog_time ON entries (backlog_id, occurred_at);
CREATE TABLE IF NOT EXISTS items (
  item_id TEXT PRIMARY KEY, backlog_id TEXT NOT NULL, status TEXT NOT NULL, ranked INTEGER NOT NULL,
  rank TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, estimate REAL, objective_id TEXT,
  requested_by TEXT, added_at TEXT NOT NULL, revision INTEGER NOT NULL, last_position INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS items_ranking ON items (backlog_id, ranked, rank, item_id);
`;

/**
 * The "as of" index (ADR 0030): per (backlog, item stream) a track, and per item event the stream's version folded
 * up to it, keyed (track, occurred_at, position). A track is monotone while its events' occurredAt never goes
 * backwards along positions; then the events at or before any instant are a prefix of the track, and its state
 * then is the version of the last of them — one index seek per item. Backdated events (imports into existing
 * items) clear the flag, and such a track is folded from its own events instead.
 * An item event costs one row here (the track is written when it starts and when it stops being monotone).
 * `as_of_checkpoint` trails `checkpoint` only after an upgrade from a read model without these tables, until the
 * background backfill from `entries` has caught up; meanwhile `?at=` folds the events as before.
 */
const AS_OF_SCHEMA = `
CREATE TABLE IF NOT EXISTS as_of_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
INSERT OR IGNORE INTO as_of_checkpoint (id, position) VALUES (1, 0);
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
const versionJson = (v: ItemVersion): string => JSON.stringify({ state: v.state, revision: v.revision });
const parseVersion = (streamId: string, json: string): ItemVersion => ({ streamId, ...(JSON.parse(json) as Omit<ItemVersion, 'streamId'>) });

const RANKED = new Set(['open', 'in-progress']);

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
});

/** SQLite adapter of the read model. Rebuildable from the store, so commits need not be fsynced. */
export class SqliteLedgerIndex implements LedgerIndex {
  private readonly db: Database.Database;
  private readonly emitter = new EventEmitter();
  private position: number;
  private readonly stmt;
  /** Per backlog, its ranked items in memory (loaded on first use, refreshed from the rows each apply touches). */
  private readonly orders = new Map<string, RankOrder>();
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
    this.db.exec(SCHEMA);
    this.db.exec(AS_OF_SCHEMA);
    this.emitter.setMaxListeners(0);
    const db = this.db;
    this.stmt = {
      checkpoint: db.prepare('SELECT position FROM checkpoint WHERE id = 1'),
      setCheckpoint: db.prepare('UPDATE checkpoint SET position = ? WHERE id = 1 AND position < ?'),
      insertEntry: db.prepare(`INSERT OR IGNORE INTO entries
        (position, event_id, stream_id, revision, type, backlog_id, item_id, actor_id, actor_role, recorded_at, occurred_at, event_json)
        VALUES (@position, @eventId, @streamId, @revision, @type, @backlogId, @itemId, @actorId, @actorRole, @recordedAt, @occurredAt, @json)`),
      insertItem: db.prepare(`INSERT OR IGNORE INTO items
        (item_id, backlog_id, status, ranked, rank, title, kind, estimate, objective_id, requested_by, added_at, revision, last_position)
        VALUES (@itemId, @backlogId, 'open', 1, @rank, @title, @kind, @estimate, @objectiveId, @requestedBy, @addedAt, @revision, @position)`),
      updateItem: db.prepare(`UPDATE items SET
          status = COALESCE(@status, status), ranked = COALESCE(@ranked, ranked), rank = COALESCE(@rank, rank),
          estimate = COALESCE(@estimate, estimate), objective_id = COALESCE(@objectiveId, objective_id),
          revision = @revision, last_position = @position
        WHERE item_id = @itemId AND last_position < @position`),
      ranked: db.prepare(`SELECT * FROM items WHERE backlog_id = ? AND ranked = 1 ORDER BY rank, item_id LIMIT ? OFFSET ?`),
      rankedKeys: db.prepare(`SELECT rank, item_id AS itemId FROM items WHERE backlog_id = ? AND ranked = 1 ORDER BY rank, item_id`),
      item: db.prepare('SELECT * FROM items WHERE item_id = ?'),
      itemRank: db.prepare('SELECT backlog_id, ranked, rank FROM items WHERE item_id = ?'),
      upTo: db.prepare(`SELECT event_json FROM entries WHERE backlog_id = ? AND item_id IS NOT NULL AND occurred_at <= ?
        ORDER BY position`),
      asOfCheckpoint: db.prepare('SELECT position FROM as_of_checkpoint WHERE id = 1').pluck(),
      mainCheckpoint: db.prepare('SELECT position FROM checkpoint WHERE id = 1').pluck(),
      setAsOfCheckpoint: db.prepare('UPDATE as_of_checkpoint SET position = ? WHERE id = 1 AND position < ?'),
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
      itemEntriesBetween: db.prepare(`SELECT backlog_id AS backlogId, occurred_at AS occurredAt, event_json AS json FROM entries
        WHERE position > ? AND position <= ? AND backlog_id IS NOT NULL AND item_id IS NOT NULL ORDER BY position`),
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
      // The as-of index follows in the same transaction, unless it is still being backfilled after an upgrade.
      const asOfInStep = (this.stmt.asOfCheckpoint.get() as number) >= (this.stmt.mainCheckpoint.get() as number);
      for (const e of batch) {
        if (e.position <= this.position) continue;
        const entry = entryRow(e);
        this.stmt.insertEntry.run({ ...entry, json: JSON.stringify(e) });
        if (asOfInStep && entry.backlogId !== null && entry.itemId !== null) this.addVersion(e, entry.backlogId, entry.occurredAt, tracks);
        const change = itemRowChange(e);
        if (change) {
          touched.set(change.itemId, entry.backlogId);
          if (change.insert) {
            this.stmt.insertItem.run({ ...change.insert, itemId: change.itemId, revision: change.revision, position: change.position });
          } else {
            this.stmt.updateItem.run({
              itemId: change.itemId,
              status: change.status ?? null,
              ranked: change.status ? (RANKED.has(change.status) ? 1 : 0) : null,
              rank: change.rank ?? null,
              estimate: change.estimate ?? null,
              objectiveId: change.objectiveId ?? null,
              revision: change.revision,
              position: change.position,
            });
          }
        }
      }
      const last = batch[batch.length - 1].position;
      this.stmt.setCheckpoint.run(last, last);
      if (asOfInStep) this.stmt.setAsOfCheckpoint.run(last, last);
    });
    tx(events);
    this.keepTracks(tracks);
    this.refreshOrders(touched);
    this.position = Math.max(this.position, events[events.length - 1].position);
    this.emitter.emit('advanced', this.position);
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

  itemRow(itemId: string) {
    const r = this.stmt.item.get(itemId) as ItemDbRow | undefined;
    return r ? { ...toRow(r), ranked: r.ranked === 1 } : null;
  }

  positionOf(backlogId: string, itemId: string): number | null {
    return this.orderOf(backlogId).positionOf(itemId);
  }

  neighboursAt(backlogId: string, position: number, itemId: string): RankNeighbours {
    const order = this.orderOf(backlogId);
    const others = order.countOthers(itemId);
    const above = position > 1 ? order.nthOtherRank(itemId, position - 2) : null;
    const below = position <= others ? order.nthOtherRank(itemId, position - 1) : null;
    return this.untie(order, itemId, above, below, others);
  }

  neighboursOf(backlogId: string, anchorId: string, side: 'before' | 'after', itemId: string) {
    const order = this.orderOf(backlogId);
    const anchor = this.stmt.item.get(anchorId) as ItemDbRow | undefined;
    const others = order.countOthers(itemId);
    if (!anchor || anchor.ranked !== 1 || anchor.backlog_id !== backlogId || anchorId === itemId) {
      return { above: null, below: null, others, position: -1 };
    }
    // The anchor's position among the other items: excluding the moved item shifts it up when it sorts before.
    const self = order.positionOf(itemId);
    const anchorPos = order.countBefore(anchor.rank, anchorId) + 1 - (self !== null && self <= order.countBefore(anchor.rank, anchorId) ? 1 : 0);
    if (side === 'before') {
      const prev = order.prevOtherRank(itemId, anchor.rank, anchorId);
      return { ...this.untie(order, itemId, prev, anchor.rank, others), position: anchorPos };
    }
    const next = order.nextOtherRank(itemId, anchor.rank, anchorId);
    return { ...this.untie(order, itemId, anchor.rank, next, others), position: anchorPos + 1 };
  }

  /**
   * Two concurrent moves into the same gap can produce equal keys; a key strictly between equal
   * neighbours does not exist, so the lower bound moves to the next distinct key.
   */
  private untie(order: RankOrder, itemId: string, above: string | null, below: string | null, others: number): RankNeighbours {
    if (above !== null && below !== null && above >= below) {
      return { above, below: order.nextDistinctRank(itemId, above), others };
    }
    return { above, below, others };
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
    const version = (json: string): ItemVersion => ({ streamId, ...(JSON.parse(json) as Omit<ItemVersion, 'streamId'>) });
    const top = this.stmt.lastOfMonotone.get(row.track) as { occurredAt: string; position: number; version: string };
    if (row.monotone === 1) return { track: row.track, lastPosition: top.position, maxOccurredAt: top.occurredAt, monotone: true, version: version(top.version) };
    const last = this.stmt.lastByPosition.get(row.track) as { position: number; version: string };
    return { track: row.track, lastPosition: last.position, maxOccurredAt: top.occurredAt, monotone: false, version: version(last.version) };
  }

  /** After a commit: the transaction's track states become the cache's (most recently used last). */
  private keepTracks(tracks: Map<string, TrackState>): void {
    for (const [key, t] of tracks) {
      this.trackCache.delete(key);
      this.trackCache.set(key, t);
    }
    while (this.trackCache.size > TRACK_CACHE) this.trackCache.delete(this.trackCache.keys().next().value as string);
  }

  /**
   * After an upgrade from a read model without the as-of index: builds it from `entries`, up to `limit` positions
   * per call (one transaction). Returns how many positions it covered; 0 once it has reached the checkpoint.
   */
  backfillAsOf(limit: number): number {
    if (!this.db.open) return 0;
    const tracks = new Map<string, TrackState>();
    const covered = this.db.transaction(() => {
      const from = this.stmt.asOfCheckpoint.get() as number;
      const to = Math.min(this.stmt.mainCheckpoint.get() as number, from + limit);
      if (to <= from) return 0;
      for (const r of this.stmt.itemEntriesBetween.all(from, to) as { backlogId: string; occurredAt: string; json: string }[]) {
        this.addVersion(JSON.parse(r.json) as RecordedEvent, r.backlogId, r.occurredAt, tracks);
      }
      this.stmt.setAsOfCheckpoint.run(to, to);
      return to - from;
    })();
    this.keepTracks(tracks);
    return covered;
  }

  itemVersionsAt(backlogId: string, at: string): ItemVersion[] | null {
    return this.db.transaction(() => {
      if ((this.stmt.asOfCheckpoint.get() as number) < (this.stmt.mainCheckpoint.get() as number)) return null;
      const out: ItemVersion[] = [];
      const rows = this.stmt.versionsAt.all({ backlogId, at }) as { track: number; streamId: string; monotone: number; version: string | null }[];
      for (const r of rows) {
        if (r.monotone === 1) {
          if (r.version !== null) out.push({ streamId: r.streamId, ...(JSON.parse(r.version) as Omit<ItemVersion, 'streamId'>) });
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

  itemEventsUpTo(backlogId: string, at: string): RecordedEvent[] {
    return (this.stmt.upTo.all(backlogId, at) as { event_json: string }[]).map((r) => JSON.parse(r.event_json));
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

  close(): void {
    if (this.db.open) this.db.close();
  }
}
