import Database from 'better-sqlite3';
import { uuidV5, type RecordedEvent } from '@ledger/kernel';
import { applyForumEvent, type ForumView } from '../shared/forum-view';
import { deliveryBody, isDeliverable, matches, type Subscriber } from './webhook-routing';
import type { WebhookEventType } from './webhook.decider';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';

export interface WebhookRecord {
  webhookId: string;
  url: string;
  events: WebhookEventType[];
  forumId: string | null;
  backlogIds: string[];
  secretHint: string;
  registeredAt: string;
  registeredBy: string;
  removedAt: string | null;
  status: 'active' | 'removed';
}

export interface AttemptRecord {
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

export interface DeliveryRecord {
  deliveryId: string;
  webhookId: string;
  eventId: string;
  /** Only the types a webhook may subscribe to are ever enqueued. */
  eventType: WebhookEventType;
  eventPosition: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface DueDelivery {
  deliveryId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  url: string;
  payload: string;
  attempts: number;
}

/** What happens to a delivery after an attempt. */
export type AttemptOutcome = { status: 'delivered' } | { status: 'dead' } | { status: 'pending'; nextAttemptAt: number };

/** Deliveries are keyed by (webhook, event): the same event reaching the dispatcher twice enqueues nothing new. */
export function deliveryIdOf(webhookId: string, eventId: string): string {
  return uuidV5(`webhook-delivery|${webhookId}|${eventId}`);
}

/**
 * The webhook outbox (ADR 0015), one SQLite file in the data dir, written in one transaction per batch of events:
 * the subscribers and forum scopes folded from the store, one delivery row per (webhook, event), and the
 * checkpoint covering them — so a restart resumes exactly where the enqueuing stopped. The sender then records
 * every attempt here.
 */
export class SqliteWebhookOutbox {
  private readonly db: Database.Database;
  private readonly applyBatch: (events: readonly RecordedEvent[], now: Date) => number;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS webhook_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS webhooks (
        webhook_id TEXT PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL, forum_id TEXT, backlog_ids TEXT NOT NULL,
        secret_hint TEXT NOT NULL, registered_at TEXT NOT NULL, registered_by TEXT NOT NULL, removed_at TEXT, position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS webhook_forums (forum_id TEXT PRIMARY KEY, view TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS webhook_deliveries (
        delivery_id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL,
        event_position INTEGER NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER, last_status_code INTEGER, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT,
        UNIQUE (webhook_id, event_id));
      CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE INDEX IF NOT EXISTS webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, event_position);
      CREATE TABLE IF NOT EXISTS webhook_attempts (
        delivery_id TEXT NOT NULL, attempt INTEGER NOT NULL, started_at TEXT NOT NULL, duration_ms INTEGER NOT NULL,
        status_code INTEGER, error TEXT, PRIMARY KEY (delivery_id, attempt));
    `);

    const insertWebhook = this.db.prepare(`INSERT OR IGNORE INTO webhooks
      (webhook_id, url, events, forum_id, backlog_ids, secret_hint, registered_at, registered_by, position)
      VALUES (@webhookId, @url, @events, @forumId, @backlogIds, @secretHint, @at, @by, @position)`);
    const removeWebhook = this.db.prepare('UPDATE webhooks SET removed_at = ? WHERE webhook_id = ? AND removed_at IS NULL');
    const cancelPending = this.db.prepare(`UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL WHERE webhook_id = ? AND status = 'pending'`);
    const activeStmt = this.db.prepare('SELECT webhook_id, events, forum_id, backlog_ids FROM webhooks WHERE removed_at IS NULL');
    const getForum = this.db.prepare('SELECT view FROM webhook_forums WHERE forum_id = ?');
    const putForum = this.db.prepare('INSERT INTO webhook_forums (forum_id, view) VALUES (?, ?) ON CONFLICT (forum_id) DO UPDATE SET view = excluded.view');
    const enqueue = this.db.prepare(`INSERT OR IGNORE INTO webhook_deliveries
      (delivery_id, webhook_id, event_id, event_type, event_position, payload, status, next_attempt_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`);
    const setCheckpoint = this.db.prepare(
      'INSERT INTO webhook_checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = max(position, excluded.position)',
    );

    const readForum = (forumId: string): ForumView | null => {
      const row = getForum.get(forumId) as { view: string } | undefined;
      if (!row) return null;
      return JSON.parse(row.view) as ForumView;
    };

    this.applyBatch = this.db.transaction((events: readonly RecordedEvent[], now: Date): number => {
      let enqueued = 0;
      let subscribers: Subscriber[] | null = null;
      // Forum views are read and written once per batch, not per event (a view holds every member: per event
      // that was quadratic in the members while catching up).
      const views = new Map<string, ForumView | null>();
      const changed = new Set<string>();
      const loadForum = (forumId: string): ForumView | null => {
        if (!views.has(forumId)) views.set(forumId, readForum(forumId));
        return views.get(forumId)!;
      };
      for (const e of events) {
        const d = e.data as Record<string, unknown>;
        if (e.type === 'webhook.registered') {
          insertWebhook.run({
            webhookId: String(d.webhookId), url: String(d.url), events: JSON.stringify(d.events ?? []),
            forumId: typeof d.forumId === 'string' ? d.forumId : null, backlogIds: JSON.stringify(d.backlogIds ?? []),
            secretHint: String(d.secretHint ?? ''), at: e.recordedAt, by: e.metadata.actor?.id ?? '', position: e.position,
          });
          subscribers = null;
        } else if (e.type === 'webhook.removed') {
          removeWebhook.run(e.recordedAt, String(d.webhookId));
          cancelPending.run(String(d.webhookId));
          subscribers = null;
        } else if (e.type.startsWith('forum.') && typeof d.forumId === 'string') {
          const view = applyForumEvent(loadForum(d.forumId), e);
          if (view) {
            views.set(d.forumId, view);
            changed.add(d.forumId);
          }
        }
        if (!isDeliverable(e.type)) continue;
        subscribers ??= (activeStmt.all() as { webhook_id: string; events: string; forum_id: string | null; backlog_ids: string }[]).map((r) => ({
          webhookId: r.webhook_id, events: JSON.parse(r.events), forumId: r.forum_id, backlogIds: JSON.parse(r.backlog_ids),
        }));
        for (const sub of subscribers) {
          if (!matches(sub, e, (forumId) => loadForum(forumId)?.backlogIds ?? null)) continue;
          const deliveryId = deliveryIdOf(sub.webhookId, e.id);
          const r = enqueue.run(deliveryId, sub.webhookId, e.id, e.type, e.position, deliveryBody(deliveryId, sub.webhookId, e), now.getTime(), now.toISOString());
          enqueued += r.changes;
        }
      }
      for (const forumId of changed) putForum.run(forumId, JSON.stringify(views.get(forumId)));
      if (events.length) setCheckpoint.run(events[events.length - 1].position);
      return enqueued;
    });
  }

  checkpoint(): number {
    const row = this.db.prepare('SELECT position FROM webhook_checkpoint WHERE id = 1').get() as { position: number } | undefined;
    return row?.position ?? 0;
  }

  /** Folds a batch of events (in position order) and enqueues their deliveries; returns how many were new. */
  apply(events: readonly RecordedEvent[], now: Date): number {
    return this.applyBatch(events, now);
  }

  /** Pending deliveries due at `now` (oldest first), skipping those already being sent. */
  due(now: number, limit: number, exclude: ReadonlySet<string>): DueDelivery[] {
    if (limit <= 0) return [];
    const rows = this.db
      .prepare(`SELECT d.delivery_id, d.webhook_id, d.event_id, d.event_type, d.payload, d.attempts, w.url
                FROM webhook_deliveries d JOIN webhooks w ON w.webhook_id = d.webhook_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND w.removed_at IS NULL
                ORDER BY d.next_attempt_at, d.event_position LIMIT ?`)
      .all(now, limit + exclude.size) as { delivery_id: string; webhook_id: string; event_id: string; event_type: string; payload: string; attempts: number; url: string }[];
    return rows
      .filter((r) => !exclude.has(r.delivery_id))
      .slice(0, limit)
      .map((r) => ({ deliveryId: r.delivery_id, webhookId: r.webhook_id, eventId: r.event_id, eventType: r.event_type, url: r.url, payload: r.payload, attempts: r.attempts }));
  }

  /** Earliest next attempt among pending deliveries (ms), or null. */
  nextDue(): number | null {
    const row = this.db.prepare(`SELECT min(next_attempt_at) AS t FROM webhook_deliveries WHERE status = 'pending'`).get() as { t: number | null };
    return row.t;
  }

  recordAttempt(deliveryId: string, attempt: AttemptRecord, outcome: AttemptOutcome): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT OR REPLACE INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error) VALUES (?, ?, ?, ?, ?, ?)')
        .run(deliveryId, attempt.attempt, attempt.startedAt, attempt.durationMs, attempt.statusCode, attempt.error);
      this.db
        .prepare(`UPDATE webhook_deliveries SET attempts = ?, last_status_code = ?, last_error = ?,
                  next_attempt_at = CASE WHEN status = 'pending' THEN ? ELSE NULL END,
                  status = CASE WHEN status = 'pending' THEN ? ELSE status END,
                  delivered_at = ? WHERE delivery_id = ?`)
        .run(
          attempt.attempt,
          attempt.statusCode,
          attempt.error,
          outcome.status === 'pending' ? outcome.nextAttemptAt : null,
          outcome.status,
          outcome.status === 'delivered' ? new Date(Date.parse(attempt.startedAt) + attempt.durationMs).toISOString() : null,
          deliveryId,
        );
    })();
  }

  webhooks(): WebhookRecord[] {
    return (this.db.prepare('SELECT * FROM webhooks ORDER BY position').all() as WebhookRow[]).map(toWebhook);
  }

  webhook(webhookId: string): WebhookRecord | null {
    const row = this.db.prepare('SELECT * FROM webhooks WHERE webhook_id = ?').get(webhookId) as WebhookRow | undefined;
    return row ? toWebhook(row) : null;
  }

  /** Deliveries of a webhook, newest event first, each with its attempts. */
  deliveries(webhookId: string, limit: number): Array<DeliveryRecord & { attemptLog: AttemptRecord[] }> {
    const rows = this.db
      .prepare('SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY event_position DESC LIMIT ?')
      .all(webhookId, limit) as DeliveryRow[];
    const attempts = this.db.prepare('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt');
    return rows.map((r) => ({
      deliveryId: r.delivery_id,
      webhookId: r.webhook_id,
      eventId: r.event_id,
      eventType: r.event_type as WebhookEventType,
      eventPosition: r.event_position,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at === null ? null : new Date(r.next_attempt_at).toISOString(),
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
      attemptLog: (attempts.all(r.delivery_id) as AttemptRow[]).map((a) => ({
        attempt: a.attempt, startedAt: a.started_at, durationMs: a.duration_ms, statusCode: a.status_code, error: a.error,
      })),
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface WebhookRow {
  webhook_id: string; url: string; events: string; forum_id: string | null; backlog_ids: string; secret_hint: string;
  registered_at: string; registered_by: string; removed_at: string | null;
}
interface DeliveryRow {
  delivery_id: string; webhook_id: string; event_id: string; event_type: string; event_position: number; status: DeliveryStatus;
  attempts: number; next_attempt_at: number | null; last_status_code: number | null; last_error: string | null; created_at: string; delivered_at: string | null;
}
interface AttemptRow { attempt: number; started_at: string; duration_ms: number; status_code: number | null; error: string | null }

function toWebhook(r: WebhookRow): WebhookRecord {
  return {
    webhookId: r.webhook_id,
    url: r.url,
    events: JSON.parse(r.events),
    forumId: r.forum_id,
    backlogIds: JSON.parse(r.backlog_ids),
    secretHint: r.secret_hint,
    registeredAt: r.registered_at,
    registeredBy: r.registered_by,
    removedAt: r.removed_at,
    status: r.removed_at ? 'removed' : 'active',
  };
}
