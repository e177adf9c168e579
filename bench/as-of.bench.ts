/**
 * "As of" reconstruction on a backlog whose item streams hold `items × eventsPerItem` events.
 *   seed: appended straight into the SQLite store (SqliteEventStore, one commit per batch), events
 *         shaped exactly as the app writes them, spread over a year of recordedAt by a bench clock;
 *   then the real app starts (child process) on that data dir with an empty read model, which it
 *   rebuilds on start: catch-up time and events/s;
 *   then GET /backlogs/:id/items?at=<mid-history>, ?at=<end of history> and (now), sequentially.
 * The answers are checked against the ranking the seeder kept in memory.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, EventToAppend } from '@ledger/kernel';
import { DEFAULT_POLICY, Rank } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { startLedgerApp } from './lib/app-process';
import { benchToken, requestJson, waitAnalyticsCaughtUp, waitCaughtUp } from './lib/http';
import { counter, fmt, log } from './lib/progress';
import { round, summarize } from './lib/stats';
import { RATIONALE } from './http-decisions.bench';

export interface AsOfOptions {
  dir: string;
  items: number;
  eventsPerItem: number;
  /** Events per commit while seeding. */
  batch: number;
  /** Timed requests per variant (after 2 warm-ups), and a time budget per variant. */
  requests: number;
  budgetSeconds: number;
  nodeArgs?: string[];
  onPhase?: (name: string, fromNs: bigint, toNs: bigint) => void;
  /** Source tree the app runs from (a baseline export for side-by-side runs); default this one. */
  root?: string;
  /** Data dirs go under `<dir>/<label>` (one per side in a side-by-side run). */
  label?: string;
}

const ACTOR = { id: 'bench-leader', role: 'product-leader' as const };
const DAY = 24 * 3600 * 1000;

class BenchClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
}

function envelope(type: string, data: Record<string, unknown>): EventToAppend {
  const requestId = randomUUID();
  return { id: randomUUID(), type, schemaVersion: 1, data, metadata: { actor: ACTOR, correlationId: requestId, causationId: null, requestId } };
}

interface Slot {
  id: string;
  rank: string;
}

/** Seeds the store; returns the backlog id, the instants, and the rankings at mid-history and at the end. */
async function seed(file: string, o: AsOfOptions) {
  const start = new Date(Date.now() - 365 * DAY);
  const clock = new BenchClock(start);
  const store = SqliteEventStore.open({ file, clock });
  const backlogId = randomUUID();
  const itemIds = Array.from({ length: o.items }, () => randomUUID());
  const revisions = new Map<string, number>();
  const estimates = new Map<string, number>();
  const order: Slot[] = []; // the ranking, top first
  const stream = (id: string) => `item-${id}`;

  // The whole history as a list of "what happens next" (item adds first, then decisions in random item order).
  const decisions: number[] = [];
  for (let i = 0; i < o.items; i++) for (let k = 1; k < o.eventsPerItem; k++) decisions.push(i);
  for (let i = decisions.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [decisions[i], decisions[j]] = [decisions[j], decisions[i]];
  }
  const total = 1 + o.items + decisions.length;
  const batches = Math.ceil(total / o.batch);
  const step = (365 * DAY - 60_000) / batches;
  const midBatch = Math.floor(batches / 2);
  let midInstant = '';
  let endInstant = '';
  let midOrder: string[] = [];
  let midEvents = 0;
  /** The ranking at the end of every commit (what an auditor scrubbing through the year would ask for). */
  const snapshots: { instant: string; order: string[] }[] = [];

  const next = (n: number): { streamId: string; event: EventToAppend } => {
    if (n === 0) {
      return {
        streamId: `backlog-${backlogId}`,
        event: envelope('backlog.created', {
          backlogId,
          name: 'As-of bench backlog',
          productGoal: 'Know what the backlog looked like on any day of the last year.',
          policy: { ...DEFAULT_POLICY, healthySprints: { ...DEFAULT_POLICY.healthySprints } },
          rationale: RATIONALE,
        }),
      };
    }
    if (n <= o.items) {
      const itemId = itemIds[n - 1];
      const rank = Rank.between(order.length ? order[order.length - 1].rank : null, null);
      order.push({ id: itemId, rank });
      return {
        streamId: stream(itemId),
        event: envelope('item.added', {
          itemId,
          backlogId,
          title: `Item ${n}`,
          kind: 'story',
          hypothesis: null,
          objectiveId: null,
          estimate: null,
          requestedBy: null,
          rank,
          position: order.length,
          rationale: RATIONALE,
        }),
      };
    }
    const itemId = itemIds[decisions[n - 1 - o.items]];
    if (Math.random() < 0.2) {
      const previous = estimates.get(itemId) ?? null;
      let estimate = 1 + Math.floor(Math.random() * 100);
      if (estimate === previous) estimate = (estimate % 100) + 1;
      estimates.set(itemId, estimate);
      return {
        streamId: stream(itemId),
        event: envelope('item.estimated', { itemId, backlogId, estimate, previousEstimate: previous, rationale: RATIONALE }),
      };
    }
    // Reprioritize exactly as the app does: toPosition among the other items, rank between the new neighbours.
    const from = order.findIndex((s) => s.id === itemId);
    const [slot] = order.splice(from, 1);
    let to = 1 + Math.floor(Math.random() * order.length); // 1..others, then maybe shift past `from`
    if (to >= from + 1) to += 1; // never the same position (the app answers ITEM.NO_CHANGE)
    const above = to > 1 ? order[to - 2].rank : null;
    const below = to <= order.length ? order[to - 1].rank : null;
    const toRank = Rank.between(above, below);
    order.splice(to - 1, 0, { id: itemId, rank: toRank });
    return {
      streamId: stream(itemId),
      event: envelope('item.reprioritized', {
        itemId,
        backlogId,
        fromRank: slot.rank,
        toRank,
        fromPosition: from + 1,
        toPosition: to,
        trigger: 'routine',
        escalationId: null,
        rationale: RATIONALE,
      }),
    };
  };

  const progress = counter(`seeding ${fmt(total)} events straight into the store (${fmt(o.batch)} per commit)`, total, 2000);
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (let b = 0; b < batches; b++) {
    clock.current = new Date(start.getTime() + b * step);
    const pending: Promise<unknown>[] = [];
    for (let k = 0; k < o.batch && n < total; k++, n++) {
      const { streamId, event } = next(n);
      const rev = revisions.get(streamId);
      pending.push(store.append(streamId, [event], rev === undefined ? 'no-stream' : rev));
      revisions.set(streamId, (rev ?? -1) + 1);
    }
    await Promise.all(pending); // queued in one tick: one transaction, one fsync
    const instant = clock.current.toISOString();
    endInstant = instant;
    snapshots.push({ instant, order: order.map((x) => x.id) });
    if (b === midBatch) {
      midInstant = instant;
      midOrder = order.map((s) => s.id);
      midEvents = n;
    }
    progress(n);
  }
  const seedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const stats = store.stats();
  const maxKeyLength = Math.max(...order.map((s) => s.rank.length));
  await store.close();
  return {
    backlogId,
    total,
    commits: stats.commits,
    seedSeconds,
    midInstant,
    midEvents,
    midOrder,
    endInstant,
    endOrder: order.map((s) => s.id),
    snapshots,
    maxKeyLength,
  };
}

export async function benchAsOf(o: AsOfOptions) {
  const dataDir = join(o.dir, o.label ?? 'as-of');
  mkdirSync(dataDir, { recursive: true });
  const s = await seed(join(dataDir, 'events.sqlite'), o);
  log(`as-of: seeded ${fmt(s.total)} events in ${s.seedSeconds.toFixed(1)} s (${s.commits} commits); mid-history ${s.midInstant}, end ${s.endInstant}`);

  // Boot time without history, to separate boot from the read model's catch-up.
  const emptyDir = join(o.dir, `${o.label ?? 'as-of'}-empty`);
  mkdirSync(emptyDir, { recursive: true });
  log('as-of: baseline boot on an empty data dir');
  const empty = await startLedgerApp({ dataDir: emptyDir, label: 'app-empty', root: o.root });
  await waitCaughtUp(empty.url, { timeoutMs: 10_000 });
  const emptyBootMs = empty.bootMs;
  await empty.stop();

  log(`as-of: starting the app on the seeded store (the read model rebuilds ${fmt(s.total)} events)`);
  const app = await startLedgerApp({ dataDir, label: 'app', nodeArgs: o.nodeArgs, root: o.root });
  try {
    const samples = await waitCaughtUp(app.url, {
      timeoutMs: 600_000,
      intervalMs: 100,
      onSample: (x) => log(`as-of: read model at ${fmt(x.position)}/${fmt(x.head)}`),
    });
    const readyMs = Number(process.hrtime.bigint() - app.startedAt) / 1e6;
    const first = samples[0];
    const last = samples[samples.length - 1];
    const catchUpAfterListenMs = last.ms;
    const catchUpMs = Math.max(1, readyMs - emptyBootMs);
    const polledRate = last.ms > first.ms && last.position > first.position ? Math.round(((last.position - first.position) * 1000) / (last.ms - first.ms)) : null;
    log(
      `as-of: listening after ${Math.round(app.bootMs)} ms (empty store: ${Math.round(emptyBootMs)} ms); read model at ${fmt(first.position)}/${fmt(first.head)} on the first /health; caught up ${Math.round(readyMs)} ms after spawn`,
    );

    // The embedded analytics projection (if any) rebuilds too; let it finish so it does not share the CPU with the queries.
    const analytics = await waitAnalyticsCaughtUp(app.url, {
      timeoutMs: 600_000,
      intervalMs: 500,
      onSample: (h) => log(`as-of: analytics projection at ${fmt(h.analytics!.position)}/${fmt(h.head)} (${h.analytics!.state ?? ''})`),
    });
    const analyticsReadyMs = analytics ? Number(process.hrtime.bigint() - app.startedAt) / 1e6 : null;
    if (analytics && !analytics.caughtUp) log('as-of: analytics projection still behind after 600 s; measuring anyway');

    const token = await benchToken('product-leader');
    const base = `/backlogs/${s.backlogId}/items`;
    const at = (instant: string) => `${base}?at=${encodeURIComponent(instant)}`;
    const variants: { name: string; next: () => { path: string; expect: string[] } }[] = [
      { name: 'now', next: () => ({ path: base, expect: s.endOrder }) },
      { name: 'at_mid_history', next: () => ({ path: at(s.midInstant), expect: s.midOrder }) },
      { name: 'at_end_of_history', next: () => ({ path: at(s.endInstant), expect: s.endOrder }) },
      {
        // Scrubbing: each request asks for the end of a random commit of the year (answers checked against each).
        name: 'at_random',
        next: () => {
          const snap = s.snapshots[Math.floor(Math.random() * s.snapshots.length)];
          return { path: at(snap.instant), expect: snap.order };
        },
      },
    ];
    const results: Record<string, unknown> = {};
    for (const v of variants) {
      log(`as-of: GET ${v.name} — 2 warm-ups, then up to ${o.requests} requests or ${o.budgetSeconds} s`);
      let bytes = 0;
      let check = 'ok';
      let total = 0;
      const one = async () => {
        const { path, expect } = v.next();
        const t = process.hrtime.bigint();
        const res = await requestJson(app.url, 'GET', path, { token, timeoutMs: 120_000 });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        bytes = Number(res.headers['content-length'] ?? 0) || JSON.stringify(res.body).length;
        total = res.body.total;
        const got = (res.body.items as { id: string }[]).map((i) => i.id);
        const want = expect.slice(0, got.length);
        if (res.body.total !== expect.length || got.some((id, i) => id !== want[i])) {
          check = `MISMATCH: total ${res.body.total} (expected ${expect.length}), first difference at ${got.findIndex((id, i) => id !== want[i]) + 1}`;
        }
        return ms;
      };
      await one();
      await one();
      const latencies: number[] = [];
      const from = process.hrtime.bigint();
      const deadline = Date.now() + o.budgetSeconds * 1000;
      while (latencies.length < o.requests && Date.now() < deadline) latencies.push(await one());
      o.onPhase?.(`as-of:${v.name}`, from, process.hrtime.bigint());
      const sum = summarize(latencies);
      results[v.name] = { ...sum, response_bytes: bytes, total_items: total, items_returned: Math.min(1000, total), check };
      log(`as-of: ${v.name}: p50 ${sum.p50_ms} ms, p95 ${sum.p95_ms} ms, p99 ${sum.p99_ms} ms over ${sum.n} requests (${check})`);
    }
    return {
      items: o.items,
      events_per_item: o.eventsPerItem,
      item_events: o.items * o.eventsPerItem,
      total_events: s.total,
      seed: { seconds: round(s.seedSeconds), commits: s.commits, events_per_s: Math.round(s.total / s.seedSeconds), max_rank_key_length: s.maxKeyLength },
      mid_history_instant: s.midInstant,
      events_up_to_mid: s.midEvents,
      end_of_history_instant: s.endInstant,
      boot_empty_ms: Math.round(emptyBootMs),
      boot_seeded_ms: Math.round(app.bootMs),
      read_model_position_at_first_health: first.position,
      caught_up_after_spawn_ms: Math.round(readyMs),
      caught_up_after_listen_ms: catchUpAfterListenMs,
      catch_up_ms_estimate: Math.round(catchUpMs),
      catch_up_events_per_s: Math.round((s.total * 1000) / catchUpMs),
      catch_up_events_per_s_polled: polledRate,
      analytics_caught_up_after_spawn_ms: analyticsReadyMs === null ? null : Math.round(analyticsReadyMs),
      analytics_caught_up: analytics ? analytics.caughtUp : null,
      analytics_events_per_s_after_listen:
        analytics && analytics.caughtUp && analyticsReadyMs !== null ? Math.round((s.total * 1000) / Math.max(1, analyticsReadyMs - app.bootMs)) : null,
      queries: results,
    };
  } finally {
    log('as-of: stopping the app');
    const code = await app.stop();
    if (code !== 0) log(`as-of: app exited with code ${code}\n${app.tail()}`);
  }
}
