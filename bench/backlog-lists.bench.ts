/**
 * GET /backlogs and GET /escalations on backlogs of 10,000+ items (ADR 0032).
 *   seed: straight into the SQLite store, events shaped as the app writes them: one backlog of `bigItems` items and
 *         `otherBacklogs` of `otherItems`, statuses spread (killed, delivered, in progress, anti-backlog, open), product
 *         owners deciding, `escalations` raised by 20 stakeholders, a third of them resolved;
 *   the real app (child process) rebuilds its read model from them: catch-up events/s;
 *   then p50/p95 of GET /backlogs (all; one owner's), GET /escalations (first page; a backlog's open ones; one
 *   stakeholder's), and the time to page through every escalation (limit 200). Answers are checked against the seed.
 *   Last, on the read-model file: the item counts from the trigger-kept table vs a GROUP BY over `items`.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock, EventToAppend } from '@ledger/kernel';
import { DEFAULT_POLICY, Rank } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { startLedgerApp } from './lib/app-process';
import { benchToken, requestJson, waitCaughtUp } from './lib/http';
import { counter, fmt, log } from './lib/progress';
import { round, summarize } from './lib/stats';
import { RATIONALE } from './http-decisions.bench';

export interface BacklogListsOptions {
  dir: string;
  bigItems: number;
  otherBacklogs: number;
  otherItems: number;
  escalations: number;
  batch: number;
  requests: number;
  budgetSeconds: number;
}

const DAY = 86_400_000;
const LEADER = { id: 'bench-leader', role: 'product-leader' as const };

class BenchClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
}

function envelope(type: string, data: Record<string, unknown>, actor: { id: string; role: string } = LEADER): EventToAppend {
  const requestId = randomUUID();
  return { id: randomUUID(), type, schemaVersion: 1, data, metadata: { actor, correlationId: requestId, causationId: null, requestId } } as EventToAppend;
}

interface Seeded {
  backlogIds: string[];
  counts: Map<string, Record<string, number>>;
  escalations: number;
  openInBig: number;
  bySam: number;
  events: number;
  seconds: number;
}

async function seed(file: string, o: BacklogListsOptions): Promise<Seeded> {
  const clock = new BenchClock(new Date(Date.now() - 200 * DAY));
  const store = SqliteEventStore.open({ file, clock });
  const revisions = new Map<string, number>();
  const queue: { streamId: string; event: EventToAppend }[] = [];
  let events = 0;
  const t0 = process.hrtime.bigint();
  const sizes = [o.bigItems, ...Array.from({ length: o.otherBacklogs }, () => o.otherItems)];
  const total = sizes.reduce((a, b) => a + b, 0) * 2 + o.escalations * 2 + sizes.length;
  const progress = counter(`seeding ~${fmt(total)} events straight into the store`, total, 2000);
  const flush = async () => {
    const pending = queue.splice(0).map(({ streamId, event }) => {
      const rev = revisions.get(streamId);
      revisions.set(streamId, (rev ?? -1) + 1);
      return store.append(streamId, [event], rev === undefined ? 'no-stream' : rev);
    });
    await Promise.all(pending); // one transaction
    events += pending.length;
    clock.current = new Date(clock.current.getTime() + 60_000);
    progress(events);
  };
  const push = async (streamId: string, event: EventToAppend) => {
    queue.push({ streamId, event });
    if (queue.length >= o.batch) await flush();
  };

  const backlogIds: string[] = [];
  const counts = new Map<string, Record<string, number>>();
  const added: { itemId: string; backlogId: string; eventId: string }[] = [];
  for (const [b, size] of sizes.entries()) {
    const backlogId = randomUUID();
    backlogIds.push(backlogId);
    const c = { open: 0, inProgress: 0, delivered: 0, killed: 0, antiBacklog: 0 };
    counts.set(backlogId, c);
    const owner = { id: `owner-${b}`, role: 'product-owner' };
    await push(
      `backlog-${backlogId}`,
      envelope('backlog.created', { backlogId, name: `Backlog ${b}`, productGoal: 'Customers get value in their first week', policy: DEFAULT_POLICY, rationale: RATIONALE }),
    );
    let rank: string | null = null;
    let ranked = 0;
    for (let i = 0; i < size; i++) {
      const itemId = randomUUID();
      rank = Rank.between(rank, null);
      ranked++;
      const add = envelope(
        'item.added',
        { itemId, backlogId, title: `Item ${i}`, kind: 'story', hypothesis: null, objectiveId: null, estimate: 3, requestedBy: null, rank, position: ranked, rationale: RATIONALE },
        i % 2 ? owner : LEADER,
      );
      await push(`item-${itemId}`, add);
      added.push({ itemId, backlogId, eventId: add.id });
      const r = i % 20; // 10% killed, 5% delivered, 10% in progress, 5% anti-backlog, 70% open
      if (r < 2) {
        await push(`item-${itemId}`, envelope('item.killed', { itemId, backlogId, reason: 'Nobody asked for it', decidedBy: owner.id, via: 'owner', proposalId: null, fromPosition: ranked }, owner));
        c.killed++;
        ranked--;
      } else if (r < 3) {
        await push(`item-${itemId}`, envelope('item.delivered', { itemId, backlogId, fromPosition: ranked, rationale: RATIONALE }, owner));
        c.delivered++;
        ranked--;
      } else if (r < 5) {
        await push(`item-${itemId}`, envelope('item.started', { itemId, backlogId, rationale: RATIONALE }, owner));
        c.inProgress++;
      } else if (r < 6) {
        await push(`item-${itemId}`, envelope('item.moved-to-anti-backlog', { itemId, backlogId, reason: 'Not our business', fromPosition: ranked }, owner));
        c.antiBacklog++;
        ranked--;
      } else c.open++;
    }
  }
  let openInBig = 0;
  let bySam = 0;
  for (let k = 0; k < o.escalations; k++) {
    const target = added[(k * 7919) % added.length];
    const escalationId = randomUUID();
    const stakeholder = { id: k % 20 === 0 ? 'sam' : `stakeholder-${k % 20}`, role: 'stakeholder' };
    if (stakeholder.id === 'sam') bySam++;
    await push(
      `item-${target.itemId}`,
      envelope(
        'item.escalated',
        { itemId: target.itemId, backlogId: target.backlogId, escalationId, againstEventId: target.eventId, againstEventType: 'item.added', wanted: 'Rank it first', reason: 'Our biggest customer needs it', addressedTo: null },
        stakeholder,
      ),
    );
    if (k % 3 === 0) {
      await push(
        `item-${target.itemId}`,
        envelope('item.escalation-resolved', { itemId: target.itemId, backlogId: target.backlogId, escalationId, againstEventId: target.eventId, outcome: 'upheld', rationale: RATIONALE }),
      );
    } else if (target.backlogId === backlogIds[0]) openInBig++;
  }
  await flush();
  await store.close();
  return { backlogIds, counts, escalations: o.escalations, openInBig, bySam, events, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

export async function benchBacklogLists(o: BacklogListsOptions) {
  const dataDir = join(o.dir, 'backlog-lists');
  mkdirSync(dataDir, { recursive: true });
  const s = await seed(join(dataDir, 'events.sqlite'), o);
  log(`backlog-lists: seeded ${fmt(s.events)} events in ${s.seconds.toFixed(1)} s`);
  const app = await startLedgerApp({ dataDir, label: 'app', env: { LEDGER_FORUM_TICK_MS: '0' } });
  const results: Record<string, unknown> = {};
  let catchUp: Record<string, number> = {};
  try {
    const samples = await waitCaughtUp(app.url, { timeoutMs: 600_000, intervalMs: 100 });
    const last = samples[samples.length - 1];
    catchUp = { events: s.events, caught_up_after_listen_ms: last.ms, events_per_s_after_listen: Math.round((s.events * 1000) / Math.max(1, last.ms)) };
    log(`backlog-lists: read model caught up ${fmt(last.ms)} ms after listening`);
    const admin = await benchToken('admin', 'bench-admin');
    const sam = await benchToken('stakeholder', 'sam');
    const big = s.backlogIds[0];
    const owner = await benchToken('product-owner', 'owner-0', [big]);

    const check = (name: string, ok: boolean, detail: string) => {
      if (!ok) throw new Error(`backlog-lists: ${name}: ${detail}`);
    };
    const measure = async (name: string, path: string, token: string, verify: (body: any) => void) => {
      const one = async () => {
        const t = process.hrtime.bigint();
        const res = await requestJson(app.url, 'GET', path, { token, timeoutMs: 60_000 });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        verify(res.body);
        return ms;
      };
      await one();
      await one();
      const latencies: number[] = [];
      const deadline = Date.now() + o.budgetSeconds * 1000;
      while (latencies.length < o.requests && Date.now() < deadline) latencies.push(await one());
      const sum = summarize(latencies);
      results[name] = sum;
      log(`backlog-lists: ${name}: p50 ${sum.p50_ms} ms, p95 ${sum.p95_ms} ms over ${sum.n} requests`);
    };

    await measure('get_backlogs_all', '/backlogs', admin, (body) => {
      check('GET /backlogs', body.backlogs.length === s.backlogIds.length, `${body.backlogs.length} backlogs`);
      for (const b of body.backlogs) {
        const want = s.counts.get(b.id)!;
        for (const k of Object.keys(want)) check('GET /backlogs counts', b.counts[k] === want[k], `${b.name} ${k} ${b.counts[k]} != ${want[k]}`);
      }
    });
    await measure('get_backlogs_owner', '/backlogs', owner, (body) => {
      check('GET /backlogs (owner)', body.backlogs.length === 1 && body.backlogs[0].id === big, JSON.stringify(body.backlogs.map((b: { id: string }) => b.id)));
      check('owners', body.backlogs[0].owners.map((x: { id: string }) => x.id).join() === 'bench-leader,owner-0', JSON.stringify(body.backlogs[0].owners));
    });
    await measure('get_escalations_first_page', '/escalations', admin, (body) => check('GET /escalations', body.escalations.length === 50, `${body.escalations.length}`));
    await measure('get_escalations_backlog_open', `/escalations?backlogId=${big}&status=open&limit=200`, admin, (body) =>
      check('open of the big backlog', body.escalations.length === Math.min(200, s.openInBig), `${body.escalations.length}`),
    );
    await measure('get_escalations_my', '/escalations?limit=200', sam, (body) => check('my escalations', body.escalations.length === Math.min(200, s.bySam), `${body.escalations.length}`));

    const t = process.hrtime.bigint();
    let seen = 0;
    let pages = 0;
    for (let cursor: string | null = null; ; ) {
      const res: { body: { escalations: unknown[]; nextCursor: string | null } } = await requestJson(app.url, 'GET', `/escalations?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: admin, timeoutMs: 60_000 });
      seen += res.body.escalations.length;
      pages++;
      cursor = res.body.nextCursor;
      if (cursor === null) break;
    }
    check('paging', seen === s.escalations, `${seen} of ${s.escalations}`);
    results.page_through_all_escalations = { escalations: seen, pages, ms: round(Number(process.hrtime.bigint() - t) / 1e6) };
    log(`backlog-lists: paged through ${fmt(seen)} escalations in ${pages} pages, ${round(Number(process.hrtime.bigint() - t) / 1e6)} ms`);
  } finally {
    const code = await app.stop();
    if (code !== 0) log(`backlog-lists: app exited with code ${code}\n${app.tail()}`);
  }

  // The design choice, side by side on the same file: counts kept by triggers vs counted per request.
  const db = new Database(join(dataDir, 'read-model.sqlite'), { readonly: true });
  const time = (sql: string) => {
    const stmt = db.prepare(sql);
    stmt.all();
    const ms: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      stmt.all();
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return summarize(ms);
  };
  results.counts_from_item_counts_table = time('SELECT backlog_id, status, n FROM item_counts');
  results.counts_by_group_by_over_items = time('SELECT backlog_id, status, count(*) AS n FROM items GROUP BY backlog_id, status');
  db.close();
  log(
    `backlog-lists: item counts: trigger-kept table p50 ${(results.counts_from_item_counts_table as any).p50_ms} ms vs GROUP BY over items p50 ${(results.counts_by_group_by_over_items as any).p50_ms} ms`,
  );
  return { items: o.bigItems + o.otherBacklogs * o.otherItems, biggest_backlog_items: o.bigItems, backlogs: 1 + o.otherBacklogs, escalations: o.escalations, seed_seconds: round(s.seconds), read_model: catchUp, queries: results };
}
