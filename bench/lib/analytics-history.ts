/**
 * A realistic multi-backlog decision history, generated day by day and handed over in chunks so that 10M
 * events never sit in memory at once. The mix of decisions is the one of libs/analytics/src/testing/
 * generated-history.ts (items added, estimated, linked, started, delivered with outcomes; reprioritizations,
 * escalations upheld or overturned with the overturning move, kills and revivals, anti-backlog moves, kill
 * criteria, sprint velocities, rare policy changes, forum events that are not backlog decisions), built with
 * the same History builder (events shaped exactly as the deciders emit them). Every event is VALID for its
 * stream: only open items are moved, only killed items revived, revisions are exact.
 *
 * Deterministic shape (seeded PRNG); event and item ids are random UUIDs, as in generated-history.ts.
 */
import { randomUUID } from 'node:crypto';
import type { RecordedEvent, Role } from '@ledger/kernel';
import { forumEvent, prng } from '../../libs/analytics/src/testing/generated-history';
import { History } from '../../libs/analytics/src/testing/history';

const DAY = 86_400_000;

export interface StreamHistoryOptions {
  events: number;
  backlogs: number;
  /** Days the history spans; it ends about now. */
  days: number;
  seed: number;
  /** Start of the history (default: now − days). */
  start?: Date;
}

export interface BacklogShape {
  backlogId: string;
  items: number;
}

/**
 * Calls `onDay` with each simulated day's events in global order (the first call also carries the backlogs'
 * creation and objectives), until at least `events` events were produced. Returns the backlogs.
 */
export async function streamHistory(
  o: StreamHistoryOptions,
  onDay: (events: RecordedEvent[], day: number) => Promise<void>,
): Promise<{ backlogs: BacklogShape[]; events: number; start: Date; end: Date }> {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const start = o.start ?? new Date(Date.now() - o.days * DAY);
  const stakeholders = ['sam', 'sofia', 'stan', 'selma', 'sid', 'sven', 'sara', 'saul'];
  const owner = { id: 'olga', role: 'product-owner' as Role };

  interface Backlog {
    h: History;
    items: number;
    open: string[]; // item ids in backlog order (index 0 = position 1)
    killed: string[];
    started: Set<string>;
    objectives: string[];
    lastMove: Map<string, string>; // itemId -> last reprioritization event id
    /** Keys of lastMove as an array for O(1) random picks (may hold ids no longer in lastMove). */
    moved: string[];
    lastVelocityDay: number;
  }
  const state: Backlog[] = Array.from({ length: o.backlogs }, () => ({
    h: new History(randomUUID(), start),
    items: 0,
    open: [],
    killed: [],
    started: new Set(),
    objectives: [],
    lastMove: new Map(),
    moved: [],
    lastVelocityDay: -1,
  }));
  let out: RecordedEvent[] = [];
  let total = 0;
  const drain = (h: History) => {
    for (const e of h.events) out.push(e);
    total += h.events.length;
    h.events.length = 0; // History numbers positions by its array length: irrelevant, the store assigns them
  };
  for (const b of state) {
    b.h.created(0);
    b.objectives.push(b.h.objective(0.01), b.h.objective(0.02), b.h.objective(0.03));
    drain(b.h);
  }
  let forumRevision = 0;
  const forumId = randomUUID();

  // Actions per backlog-day average perBacklogPerDay + 0.5 and yield ~1.03 events each (escalations and outcomes
  // add events, skipped actions none): calibrated so that the history reaches its size at about `days` (ending
  // about now) instead of piling the overshoot onto the last instant.
  const perBacklogPerDay = Math.max(1, (o.events / o.days / o.backlogs) / 1.03 - 0.5);
  const remember = (b: Backlog, id: string, eventId: string) => {
    if (!b.lastMove.has(id)) b.moved.push(id);
    b.lastMove.set(id, eventId);
  };
  const forget = (b: Backlog, id: string) => b.lastMove.delete(id);
  let day = 1;
  for (; total < o.events; day++) {
    for (const b of state) {
      const h = b.h;
      const actions = 1 + Math.floor(rnd() * 2 * perBacklogPerDay);
      for (let a = 0; a < actions; a++) {
        const t = Math.min(day + a / (actions + 1), o.days - 0.001);
        const r = rnd();
        if (r < 0.18 || b.open.length < 5) {
          const id = h.add(t, {
            kind: pick(['story', 'initiative', 'bug', 'tech', 'hypothesis'] as const),
            title: `Item ${++b.items}`,
            estimate: rnd() < 0.6 ? 1 + Math.floor(rnd() * 13) : undefined,
            objectiveId: rnd() < 0.4 ? pick(b.objectives) : undefined,
            position: b.open.length + 1,
            requestedBy: rnd() < 0.5 ? pick(stakeholders) : undefined,
          });
          b.open.push(id);
        } else if (r < 0.45) {
          const from = 1 + Math.floor(rnd() * b.open.length);
          const to = 1 + Math.floor(rnd() * b.open.length);
          if (from === to) continue;
          const [id] = b.open.splice(from - 1, 1);
          b.open.splice(to - 1, 0, id);
          remember(b, id, h.move(t, id, from, to, { trigger: pick(['routine', 'stakeholder-request', 'review', 'new-evidence'] as const) }));
        } else if (r < 0.53 && b.lastMove.size > 0) {
          // A random item whose last reprioritization is still on record (compact the pick list lazily).
          let id = '';
          while (b.moved.length > 0) {
            const k = Math.floor(rnd() * b.moved.length);
            const candidate = b.moved[k];
            if (b.lastMove.has(candidate)) {
              id = candidate;
              break;
            }
            b.moved[k] = b.moved[b.moved.length - 1];
            b.moved.pop();
          }
          if (!id) continue;
          const from = b.open.indexOf(id) + 1;
          if (from === 0) continue;
          const against = b.lastMove.get(id)!;
          const esc = h.escalate(t, id, against, pick(stakeholders));
          if (rnd() < 0.55) {
            h.resolve(t + 0.0001, id, esc, against, 'overturned');
            const to = Math.max(1, Math.min(b.open.length, from + (rnd() < 0.5 ? -3 : 3)));
            if (to !== from) {
              b.open.splice(from - 1, 1);
              b.open.splice(to - 1, 0, id);
              remember(b, id, h.move(t + 0.0002, id, from, to, { trigger: 'escalation', escalationId: esc.escalationId, actor: owner }));
            }
          } else {
            h.resolve(t + 0.0001, id, esc, against, 'upheld');
          }
        } else if (r < 0.62) {
          const id = pick(b.open);
          if (rnd() < 0.5) h.estimate(t, id, 1 + Math.floor(rnd() * 13));
          else h.link(t, id, pick(b.objectives));
        } else if (r < 0.68) {
          const id = pick(b.open);
          if (!b.started.has(id)) {
            b.started.add(id);
            h.startWork(t, id);
          }
        } else if (r < 0.74 && b.started.size > 0) {
          // The oldest started item (Set order) is delivered: FIFO-ish flow.
          const id = b.started.values().next().value as string;
          b.started.delete(id);
          b.open.splice(b.open.indexOf(id), 1);
          h.deliver(t, id);
          forget(b, id);
          if (rnd() < 0.6) h.outcome(Math.min(t + 0.1, o.days - 0.0005), id, pick(b.objectives), rnd() < 0.4);
        } else if (r < 0.79 && b.open.length > 8) {
          const id = pick(b.open);
          const fromPosition = b.open.indexOf(id) + 1;
          b.open.splice(fromPosition - 1, 1);
          b.started.delete(id);
          forget(b, id);
          h.kill(t, id, { via: rnd() < 0.3 ? 'forum' : 'owner', fromPosition });
          b.killed.push(id);
        } else if (r < 0.81 && b.killed.length > 0) {
          const k = Math.floor(rnd() * b.killed.length);
          const id = b.killed[k];
          b.killed[k] = b.killed[b.killed.length - 1];
          b.killed.pop();
          const position = 1 + Math.floor(rnd() * (b.open.length + 1));
          b.open.splice(position - 1, 0, id);
          h.revive(t, id, { position });
        } else if (r < 0.83 && b.open.length > 8) {
          const id = pick(b.open);
          h.antiBacklog(t, id);
          b.open.splice(b.open.indexOf(id), 1);
          b.started.delete(id);
          forget(b, id);
        } else if (r < 0.87) {
          h.killCriteria(t, pick(b.open), h.at(day + 30 + Math.floor(rnd() * 60)).slice(0, 10));
        } else if (r < 0.9) {
          if (day % 14 !== 0 || b.lastVelocityDay === day) continue;
          b.lastVelocityDay = day;
          h.velocity(t, `S${day / 14}`, 15 + Math.floor(rnd() * 25));
        } else if (r < 0.9003) {
          h.policy(t, { zombieAfterDays: 60 + Math.floor(rnd() * 60) });
        } else if (r < 0.93) {
          // Not a backlog decision: no analytics row, but the checkpoint must still move past it.
          const at = h.at(t);
          out.push(forumEvent(forumId, forumRevision++, at));
          total += 1;
          continue;
        } else {
          continue;
        }
        drain(h);
      }
    }
    const batch = out;
    out = [];
    await onDay(batch, day);
  }
  return {
    backlogs: state.map((b) => ({ backlogId: b.h.backlogId, items: b.items })),
    events: total,
    start,
    end: new Date(start.getTime() + Math.min(day, o.days) * DAY),
  };
}
