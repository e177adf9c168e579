import Database from 'better-sqlite3';
import { LedgerError, type RecordedEvent } from '@ledger/kernel';
import type { EventStore } from '@ledger/event-store';
import type { CheckedOutcome, ForumRule, KillThreshold, NoQuorumFollowUp, ProposalOutcome } from '@ledger/domain';

export type ProposalRowStatus = 'pending' | 'open' | 'closed' | 'withdrawn';

export interface ProposalRow {
  proposalId: string;
  forumId: string;
  itemId: string;
  backlogId: string;
  /** 'pending': the item's slot is claimed but proposal.opened is not written yet (being opened, or to repair). */
  status: ProposalRowStatus;
  openedAt: string;
  closesAt: string;
  outcome: ProposalOutcome | null;
  followUp: NoQuorumFollowUp | null;
  closedAt: string | null;
  nominatedAutomatically: boolean;
  /** Position of the proposal.closed event (the process manager's cause). */
  closedPosition: number | null;
  killSettled: boolean;
}

export interface ForumRow {
  forumId: string;
  name: string;
  backlogIds: string[];
  rule: ForumRule;
  /** Cadence points are anchor + k × cadenceDays, k ≥ 1 (the anchor moves when the cadence changes). */
  cadenceAnchor: string;
  cadenceDays: number;
  /** Last cadence point whose nomination ran here (local bookkeeping: re-running a point is idempotent). */
  lastRunIndex: number;
}

export interface ProposalFilter {
  forumId?: string;
  itemId?: string;
  status?: ProposalRowStatus;
  limit: number;
  offset: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
INSERT OR IGNORE INTO checkpoint (id, position) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS forums (
  forum_id TEXT PRIMARY KEY, name TEXT NOT NULL, backlog_ids TEXT NOT NULL, rule TEXT NOT NULL,
  cadence_anchor TEXT NOT NULL, cadence_days INTEGER NOT NULL, last_run_index INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS proposals (
  proposal_id TEXT PRIMARY KEY, forum_id TEXT NOT NULL, item_id TEXT NOT NULL, backlog_id TEXT NOT NULL,
  status TEXT NOT NULL, opened_at TEXT NOT NULL, closes_at TEXT NOT NULL, outcome TEXT, follow_up TEXT, closed_at TEXT,
  nominated INTEGER NOT NULL, position INTEGER NOT NULL, closed_position INTEGER, kill_settled INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS proposals_status ON proposals (status, closes_at);
CREATE INDEX IF NOT EXISTS proposals_forum ON proposals (forum_id, position);
CREATE INDEX IF NOT EXISTS proposals_item ON proposals (item_id, position);
CREATE TABLE IF NOT EXISTS forum_items (
  item_id TEXT PRIMARY KEY, backlog_id TEXT NOT NULL, status TEXT NOT NULL, review_by TEXT);
CREATE INDEX IF NOT EXISTS forum_items_backlog ON forum_items (backlog_id, status);
CREATE TABLE IF NOT EXISTS item_outcomes (
  event_id TEXT PRIMARY KEY, item_id TEXT NOT NULL, objective_id TEXT NOT NULL, observed_value TEXT NOT NULL,
  occurred_at TEXT NOT NULL, position INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS item_outcomes_item ON item_outcomes (item_id, position);
`;

/**
 * Columns added after an index may already exist on disk (tables are created IF NOT EXISTS). Rows projected before
 * hold NULL / the default: items whose kill criteria predate thresholds (ADR 0034) have none to check.
 */
const ADDED_COLUMNS: Array<{ table: string; column: string; type: string }> = [
  { table: 'forum_items', column: 'criteria_event_id', type: 'TEXT' },
  { table: 'forum_items', column: 'criteria_position', type: 'INTEGER' },
  /** JSON { exitCondition, reviewBy, threshold } of the current criteria when they carry a threshold, else NULL. */
  { table: 'forum_items', column: 'criteria', type: 'TEXT' },
  /** 1 once the current criteria's breach was nominated (or can never be: the item left the ranking). */
  { table: 'forum_items', column: 'criteria_settled', type: 'INTEGER NOT NULL DEFAULT 0' },
];

/** Self-checking kill criteria of an open item, as the scheduler checks them (ADR 0034). */
export interface CriteriaRow {
  itemId: string;
  backlogId: string;
  criteriaEventId: string;
  exitCondition: string;
  reviewBy: string;
  threshold: KillThreshold;
}

interface ProposalDbRow {
  proposal_id: string;
  forum_id: string;
  item_id: string;
  backlog_id: string;
  status: ProposalRowStatus;
  opened_at: string;
  closes_at: string;
  outcome: ProposalOutcome | null;
  follow_up: NoQuorumFollowUp | null;
  closed_at: string | null;
  nominated: number;
  closed_position: number | null;
  kill_settled: number;
}

const toProposal = (r: ProposalDbRow): ProposalRow => ({
  proposalId: r.proposal_id,
  forumId: r.forum_id,
  itemId: r.item_id,
  backlogId: r.backlog_id,
  status: r.status,
  openedAt: r.opened_at,
  closesAt: r.closes_at,
  outcome: r.outcome,
  followUp: r.follow_up,
  closedAt: r.closed_at,
  nominatedAutomatically: r.nominated === 1,
  closedPosition: r.closed_position,
  killSettled: r.kill_settled === 1,
});

interface ForumDbRow {
  forum_id: string;
  name: string;
  backlog_ids: string;
  rule: string;
  cadence_anchor: string;
  cadence_days: number;
  last_run_index: number;
}

const toForum = (r: ForumDbRow): ForumRow => ({
  forumId: r.forum_id,
  name: r.name,
  backlogIds: JSON.parse(r.backlog_ids) as string[],
  rule: JSON.parse(r.rule) as ForumRule,
  cadenceAnchor: r.cadence_anchor,
  cadenceDays: r.cadence_days,
  lastRunIndex: r.last_run_index,
});

const ITEM_STATUS: Record<string, string> = {
  'item.added': 'open',
  'item.revived': 'open',
  'item.reopened': 'open',
  'item.started': 'in-progress',
  'item.delivered': 'delivered',
  'item.killed': 'killed',
  'item.moved-to-anti-backlog': 'anti-backlog',
};

/** Events per catch-up page (one read, one transaction). */
const CATCH_UP_PAGE = 2_000;

export class ForumIndexBehindError extends LedgerError {
  constructor(reached: number) {
    super('FORUM.INDEX_BEHIND', 'unavailable', `the forum index is still catching up with the event store (at position ${reached}); retry`, {
      reached,
    });
  }
}

const occurredAt = (e: RecordedEvent): string => (typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt);

/**
 * The forums' read model (SQLite, rebuildable from the store): open proposals with their deadlines, forums
 * with their cadence, and the items' status and kill-criteria review date for nominations. Several app
 * instances may share the file: each batch applies only events past the checkpoint, in one transaction.
 */
export class ForumIndex {
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly applyBatch: Database.Transaction<(events: RecordedEvent[]) => void>;
  /** The catch-up pass in progress, shared by every caller of catchUp. */
  private pass: Promise<void> | null = null;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    for (const { table, column, type } of ADDED_COLUMNS) {
      const columns = this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      if (!columns.some((c) => c.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
    const db = this.db;
    this.stmt = {
      checkpoint: db.prepare('SELECT position FROM checkpoint WHERE id = 1'),
      setCheckpoint: db.prepare('UPDATE checkpoint SET position = ? WHERE id = 1 AND position < ?'),
      insertForum: db.prepare(`INSERT OR IGNORE INTO forums (forum_id, name, backlog_ids, rule, cadence_anchor, cadence_days)
        VALUES (?, ?, ?, ?, ?, ?)`),
      forum: db.prepare('SELECT * FROM forums WHERE forum_id = ?'),
      updateForumRule: db.prepare('UPDATE forums SET backlog_ids = ?, rule = ? WHERE forum_id = ?'),
      updateCadence: db.prepare('UPDATE forums SET cadence_anchor = ?, cadence_days = ?, last_run_index = 0 WHERE forum_id = ?'),
      insertPending: db.prepare(`INSERT OR IGNORE INTO proposals
        (proposal_id, forum_id, item_id, backlog_id, status, opened_at, closes_at, nominated, position)
        VALUES (@proposalId, @forumId, @itemId, @backlogId, 'pending', @at, @closesAt, @nominated, @position)`),
      opened: db.prepare(`INSERT INTO proposals
        (proposal_id, forum_id, item_id, backlog_id, status, opened_at, closes_at, nominated, position)
        VALUES (@proposalId, @forumId, @itemId, @backlogId, 'open', @at, @closesAt, @nominated, @position)
        ON CONFLICT (proposal_id) DO UPDATE SET status = 'open', opened_at = excluded.opened_at, closes_at = excluded.closes_at
        WHERE proposals.status = 'pending'`),
      extended: db.prepare('UPDATE proposals SET closes_at = ? WHERE proposal_id = ?'),
      withdrawn: db.prepare("UPDATE proposals SET status = 'withdrawn', closed_at = ? WHERE proposal_id = ?"),
      closed: db.prepare(`UPDATE proposals SET status = 'closed', outcome = ?, follow_up = ?, closed_at = ?, closed_position = ?
        WHERE proposal_id = ?`),
      settleKill: db.prepare('UPDATE proposals SET kill_settled = 1 WHERE proposal_id = ?'),
      insertItem: db.prepare("INSERT OR IGNORE INTO forum_items (item_id, backlog_id, status) VALUES (?, ?, 'open')"),
      itemStatus: db.prepare('UPDATE forum_items SET status = ? WHERE item_id = ?'),
      reviewBy: db.prepare(`UPDATE forum_items SET review_by = ?, criteria_event_id = ?, criteria_position = ?, criteria = ?, criteria_settled = 0
        WHERE item_id = ?`),
      outcome: db.prepare(`INSERT OR IGNORE INTO item_outcomes (event_id, item_id, objective_id, observed_value, occurred_at, position)
        VALUES (?, ?, ?, ?, ?, ?)`),
      criteriaToCheck: db.prepare(`SELECT item_id, backlog_id, criteria_event_id, criteria FROM forum_items
        WHERE criteria IS NOT NULL AND criteria_settled = 0 AND status IN ('open', 'in-progress') ORDER BY criteria_position`),
      outcomesAfter: db.prepare(`SELECT o.event_id, o.objective_id, o.observed_value, o.occurred_at FROM item_outcomes o
        JOIN forum_items i ON i.item_id = o.item_id WHERE o.item_id = ? AND o.position > i.criteria_position ORDER BY o.position`),
      settleCriteria: db.prepare('UPDATE forum_items SET criteria_settled = 1 WHERE item_id = ? AND criteria_event_id = ?'),
      forumsByAge: db.prepare('SELECT * FROM forums ORDER BY rowid'),
      setLastRun: db.prepare('UPDATE forums SET last_run_index = ? WHERE forum_id = ? AND last_run_index < ?'),
      proposal: db.prepare('SELECT * FROM proposals WHERE proposal_id = ?'),
      byStatus: db.prepare('SELECT * FROM proposals WHERE status = ? ORDER BY position'),
      overdue: db.prepare("SELECT * FROM proposals WHERE status = 'open' AND closes_at <= ? ORDER BY closes_at, position"),
      killsToCarryOut: db.prepare("SELECT * FROM proposals WHERE status = 'closed' AND outcome = 'kill' AND kill_settled = 0 ORDER BY closed_position"),
      forums: db.prepare('SELECT * FROM forums ORDER BY forum_id'),
      latestForItem: db.prepare('SELECT * FROM proposals WHERE forum_id = ? AND item_id = ? ORDER BY position DESC LIMIT 1'),
    };
    this.applyBatch = db.transaction((events: RecordedEvent[]) => {
      const checkpoint = this.checkpoint();
      let last = checkpoint;
      for (const e of events) {
        if (e.position <= last) continue;
        this.applyOne(e);
        last = e.position;
      }
      if (last > checkpoint) this.stmt.setCheckpoint.run(last, last);
    });
  }

  checkpoint(): number {
    return (this.stmt.checkpoint.get() as { position: number }).position;
  }

  /**
   * Brings the index up to the store's head as of this call (the scheduler; reads go through `caughtUp`).
   * Concurrent callers share one pass, which reads pages and yields to the event loop between them.
   */
  async catchUp(store: EventStore): Promise<void> {
    const head = await store.headPosition();
    for (;;) {
      const before = this.checkpoint();
      if (before >= head) return;
      // A pass already running may have read its last page before `head` was written: then run another.
      const joined = this.pass !== null;
      this.pass ??= this.readToHead(store).finally(() => (this.pass = null));
      await this.pass;
      if (!joined && this.checkpoint() === before) return; // our own pass found nothing past the checkpoint
    }
  }

  /** Read-your-writes for forum reads: `catchUp`, waiting at most `timeoutMs` (the pass goes on after a timeout). */
  async caughtUp(store: EventStore, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const reached = this.catchUp(store).then(() => true);
    reached.catch(() => undefined); // after a timeout nobody awaits it; a failure surfaces on the next call
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      if (!(await Promise.race([reached, timedOut]))) throw new ForumIndexBehindError(this.checkpoint());
    } finally {
      clearTimeout(timer);
    }
  }

  private async readToHead(store: EventStore): Promise<void> {
    for (;;) {
      const events = await store.readAll({ after: this.checkpoint(), limit: CATCH_UP_PAGE });
      this.apply(events);
      if (events.length < CATCH_UP_PAGE) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Idempotent: events at or before the checkpoint are skipped (another instance may have applied them). */
  apply(events: RecordedEvent[]): void {
    if (events.length) this.applyBatch.immediate(events);
  }

  private applyOne(e: RecordedEvent): void {
    const d = e.data as Record<string, any>;
    const at = occurredAt(e);
    switch (e.type) {
      case 'forum.created':
        this.stmt.insertForum.run(d.forumId, d.name, JSON.stringify(d.backlogIds), JSON.stringify(d.rule), at, d.rule.reviewCadenceDays);
        return;
      case 'forum.rule-changed': {
        const row = this.stmt.forum.get(d.forumId) as ForumDbRow | undefined;
        this.stmt.updateForumRule.run(JSON.stringify(d.backlogIds), JSON.stringify(d.rule), d.forumId);
        if (row && row.cadence_days !== d.rule.reviewCadenceDays) this.stmt.updateCadence.run(at, d.rule.reviewCadenceDays, d.forumId);
        return;
      }
      case 'item-proposal-slot.claimed': {
        const o = d.opened as Record<string, any>;
        this.stmt.insertPending.run({
          proposalId: o.proposalId,
          forumId: o.forumId,
          itemId: o.itemId,
          backlogId: o.backlogId,
          at,
          closesAt: o.closesAt,
          nominated: o.nominatedAutomatically ? 1 : 0,
          position: e.position,
        });
        return;
      }
      case 'proposal.opened':
        this.stmt.opened.run({
          proposalId: d.proposalId,
          forumId: d.forumId,
          itemId: d.itemId,
          backlogId: d.backlogId,
          at,
          closesAt: d.closesAt,
          nominated: d.nominatedAutomatically ? 1 : 0,
          position: e.position,
        });
        return;
      case 'proposal.deadline-extended':
        this.stmt.extended.run(d.closesAt, d.proposalId);
        return;
      case 'proposal.withdrawn':
        this.stmt.withdrawn.run(at, d.proposalId);
        return;
      case 'proposal.closed':
        this.stmt.closed.run(d.outcome, d.followUp ?? null, d.closedAt ?? at, e.position, d.proposalId);
        return;
      case 'item.added':
        this.stmt.insertItem.run(d.itemId, d.backlogId);
        return;
      case 'item.kill-criteria-set': {
        const t = d.threshold && typeof d.threshold === 'object' ? d.threshold : null;
        const criteria = t ? JSON.stringify({ exitCondition: d.exitCondition, reviewBy: d.reviewBy, threshold: t }) : null;
        this.stmt.reviewBy.run(d.reviewBy, e.id, e.position, criteria, d.itemId);
        return;
      }
      case 'item.outcome-recorded':
        this.stmt.outcome.run(e.id, d.itemId, String(d.objectiveId ?? ''), String(d.observedValue ?? ''), at, e.position);
        return;
      default:
        if (ITEM_STATUS[e.type] && typeof d.itemId === 'string') this.stmt.itemStatus.run(ITEM_STATUS[e.type], d.itemId);
    }
  }

  proposal(proposalId: string): ProposalRow | null {
    const r = this.stmt.proposal.get(proposalId) as ProposalDbRow | undefined;
    return r ? toProposal(r) : null;
  }

  proposals(filter: ProposalFilter): ProposalRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.forumId) (where.push('forum_id = ?'), params.push(filter.forumId));
    if (filter.itemId) (where.push('item_id = ?'), params.push(filter.itemId));
    if (filter.status) (where.push('status = ?'), params.push(filter.status));
    const sql = `SELECT * FROM proposals ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY position LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...params, filter.limit, filter.offset) as ProposalDbRow[]).map(toProposal);
  }

  pending(): ProposalRow[] {
    return (this.stmt.byStatus.all('pending') as ProposalDbRow[]).map(toProposal);
  }

  overdue(now: Date): ProposalRow[] {
    return (this.stmt.overdue.all(now.toISOString()) as ProposalDbRow[]).map(toProposal);
  }

  killsToCarryOut(): ProposalRow[] {
    return (this.stmt.killsToCarryOut.all() as ProposalDbRow[]).map(toProposal);
  }

  settleKill(proposalId: string): void {
    this.stmt.settleKill.run(proposalId);
  }

  forums(): ForumRow[] {
    return (this.stmt.forums.all() as ForumDbRow[]).map(toForum);
  }

  forum(forumId: string): ForumRow | null {
    const r = this.stmt.forum.get(forumId) as ForumDbRow | undefined;
    return r ? toForum(r) : null;
  }

  markCadenceRun(forumId: string, index: number): void {
    this.stmt.setLastRun.run(index, forumId, index);
  }

  /** The forum's latest proposal on the item (any status). */
  latestProposal(forumId: string, itemId: string): ProposalRow | null {
    const r = this.stmt.latestForItem.get(forumId, itemId) as ProposalDbRow | undefined;
    return r ? toProposal(r) : null;
  }

  /** Open or in-progress items of these backlogs whose kill-criteria review date lies before `date` (YYYY-MM-DD). */
  reviewDue(backlogIds: string[], date: string): { itemId: string; backlogId: string; reviewBy: string }[] {
    if (backlogIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT item_id, backlog_id, review_by FROM forum_items
         WHERE backlog_id IN (${backlogIds.map(() => '?').join(', ')}) AND status IN ('open', 'in-progress')
           AND review_by IS NOT NULL AND review_by < ? ORDER BY item_id`,
      )
      .all(...backlogIds, date) as { item_id: string; backlog_id: string; review_by: string }[];
    return rows.map((r) => ({ itemId: r.item_id, backlogId: r.backlog_id, reviewBy: r.review_by }));
  }

  /** Open or in-progress items whose current kill criteria carry a threshold not yet settled (ADR 0034). */
  criteriaToCheck(): CriteriaRow[] {
    const rows = this.stmt.criteriaToCheck.all() as { item_id: string; backlog_id: string; criteria_event_id: string; criteria: string }[];
    return rows.map((r) => {
      const c = JSON.parse(r.criteria) as { exitCondition: string; reviewBy: string; threshold: KillThreshold };
      return { itemId: r.item_id, backlogId: r.backlog_id, criteriaEventId: r.criteria_event_id, ...c };
    });
  }

  /** The item's outcomes recorded after its current kill criteria, in order. */
  outcomesAfterCriteria(itemId: string): CheckedOutcome[] {
    const rows = this.stmt.outcomesAfter.all(itemId) as { event_id: string; objective_id: string; observed_value: string; occurred_at: string }[];
    return rows.map((r) => ({ eventId: r.event_id, objectiveId: r.objective_id, observedValue: r.observed_value, at: r.occurred_at }));
  }

  /** Local bookkeeping: this criteria set needs no more checking (re-checking it is harmless: the proposal id is derived). */
  settleCriteria(itemId: string, criteriaEventId: string): void {
    this.stmt.settleCriteria.run(itemId, criteriaEventId);
  }

  /** The forums whose scope includes the backlog, oldest first. */
  forumsOf(backlogId: string): ForumRow[] {
    return (this.stmt.forumsByAge.all() as ForumDbRow[]).map(toForum).filter((f) => f.backlogIds.includes(backlogId));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
