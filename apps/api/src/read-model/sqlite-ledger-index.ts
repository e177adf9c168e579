import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import type { RecordedEvent } from '@ledger/kernel';
import { entryRow, itemRowChange } from './ledger-index.projection';
import type { AuditFilter, LedgerIndex, RankNeighbours, RankedItemRow } from './ledger-index.port';
import { RankOrder } from './rank-order';

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

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // A catch-up batch touches thousands of random index pages (item ids are UUIDs): a 64 MiB page cache and
    // a 40 MB WAL between checkpoints write each of them fewer times (measured: BENCHMARKS.md, ADR 0019).
    this.db.pragma('cache_size = -65536');
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.exec(SCHEMA);
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
      upTo: db.prepare(`SELECT event_json FROM entries WHERE backlog_id = ? AND item_id IS NOT NULL AND occurred_at <= ?
        ORDER BY position`),
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
    const tx = this.db.transaction((batch: RecordedEvent[]) => {
      for (const e of batch) {
        if (e.position <= this.position) continue;
        const entry = entryRow(e);
        this.stmt.insertEntry.run({ ...entry, json: JSON.stringify(e) });
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
    });
    tx(events);
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
      const r = this.stmt.item.get(itemId) as ItemDbRow | undefined;
      const order = r && this.orders.get(r.backlog_id);
      if (order) order.set(itemId, r.ranked === 1 ? r.rank : null);
    }
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
