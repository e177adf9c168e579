import { randomUUID } from 'node:crypto';
import type { RecordedEvent, Role } from '@ledger/kernel';
import { DEFAULT_FORUM_RULE } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { History } from './history';

/** Small deterministic PRNG (mulberry32): the same seed gives the same shape of history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** Approximate number of events to produce (the generator stops at the first day past it). */
  events: number;
  backlogs?: number;
  /** Days the history should span (default 400): sets the pace of decisions per day. */
  days?: number;
  seed?: number;
  start?: Date;
  /**
   * Also what imported tracker history brings (ADR 0025): priority changes by level and direction-only moves
   * (the ranking unchanged), reopened deliveries, decisions without a stated why. Off by default: the same seed
   * then gives the same history as before these existed.
   */
  tracker?: boolean;
}

/**
 * A realistic multi-backlog history, in global order (positions 1..n): items added, estimated, linked,
 * started, delivered with outcomes; reprioritizations (some flip-flops), stakeholder escalations upheld or
 * overturned, kills and revivals, anti-backlog moves, kill criteria, sprint velocities, policy changes, and a
 * few forum events (which are not backlog decisions: the projector must skip them yet advance past them).
 */
export function generateHistory(options: GenerateOptions): RecordedEvent[] {
  const rnd = prng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: RecordedEvent[] = [];
  const histories = Array.from({ length: options.backlogs ?? 4 }, () => new History(randomUUID(), options.start));
  const emitted = new Map<History, number>();
  const flushEmitted = (h: History) => {
    for (let i = emitted.get(h) ?? 0; i < h.events.length; i++) out.push(h.events[i]);
    emitted.set(h, h.events.length);
  };
  const stakeholders = ['sam', 'sofia', 'stan', 'selma', 'sid'];
  const owner = { id: 'olga', role: 'product-owner' as Role };

  interface Backlog {
    h: History;
    open: string[]; // item ids in backlog order (index 0 = position 1)
    killed: string[];
    started: Set<string>;
    delivered: string[];
    objectives: string[];
    lastMove: Map<string, string>; // itemId -> last reprioritization event id
    lastVelocityDay: number;
  }
  const state: Backlog[] = histories.map((h) => ({ h, open: [], killed: [], started: new Set(), delivered: [], objectives: [], lastMove: new Map(), lastVelocityDay: -1 }));

  for (const b of state) {
    b.h.created(0);
    b.objectives.push(b.h.objective(0.1), b.h.objective(0.2));
    flushEmitted(b.h);
  }
  let forumRevision = 0;
  const forumId = randomUUID();

  const perBacklogPerDay = Math.max(1, options.events / (options.days ?? 400) / state.length);
  for (let day = 1; out.length < options.events; day++) {
    for (const b of state) {
      const h = b.h;
      const actions = 1 + Math.floor(rnd() * 2 * perBacklogPerDay);
      for (let a = 0; a < actions; a++) {
        const t = day + a / (actions + 1);
        const tracker = options.tracker === true;
        h.statedWhy = !(tracker && rnd() < 0.3);
        const r = rnd();
        if (r < 0.18 || b.open.length < 5) {
          const id = h.add(t, {
            kind: pick(['story', 'initiative', 'bug', 'tech', 'hypothesis'] as const),
            estimate: rnd() < 0.6 ? 1 + Math.floor(rnd() * 13) : undefined,
            objectiveId: rnd() < 0.4 ? pick(b.objectives) : undefined,
            position: b.open.length + 1,
            requestedBy: rnd() < 0.5 ? pick(stakeholders) : undefined,
          });
          b.open.push(id);
        } else if (r < 0.45 && tracker && rnd() < 0.4) {
          const id = pick(b.open);
          if (rnd() < 0.6) {
            const fromLevel = 1 + Math.floor(rnd() * 5);
            const toLevel = 1 + Math.floor(rnd() * 5);
            if (fromLevel === toLevel) continue;
            b.lastMove.set(id, h.moveOff(t, id, { scale: 'priority', direction: toLevel < fromLevel ? 'up' : 'down', fromLevel, toLevel }));
          } else {
            h.moveOff(t, id, { scale: pick(['rank', 'schedule'] as const), direction: pick(['up', 'down'] as const) });
          }
        } else if (r < 0.45) {
          const from = 1 + Math.floor(rnd() * b.open.length);
          const to = 1 + Math.floor(rnd() * b.open.length);
          if (from === to) continue;
          const [id] = b.open.splice(from - 1, 1);
          b.open.splice(to - 1, 0, id);
          b.lastMove.set(id, h.move(t, id, from, to, { trigger: pick(['routine', 'stakeholder-request', 'review', 'new-evidence'] as const) }));
        } else if (r < 0.53 && b.lastMove.size > 0) {
          const id = pick([...b.lastMove.keys()]);
          const from = b.open.indexOf(id) + 1;
          if (from === 0) continue;
          const against = b.lastMove.get(id)!;
          const esc = h.escalate(t, id, against, pick(stakeholders));
          if (rnd() < 0.55) {
            h.resolve(t + 0.01, id, esc, against, 'overturned');
            const to = Math.max(1, Math.min(b.open.length, from + (rnd() < 0.5 ? -3 : 3)));
            if (to !== from) {
              b.open.splice(from - 1, 1);
              b.open.splice(to - 1, 0, id);
              b.lastMove.set(id, h.move(t + 0.02, id, from, to, { trigger: 'escalation', escalationId: esc.escalationId, actor: owner }));
            }
          } else {
            h.resolve(t + 0.01, id, esc, against, 'upheld');
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
          const id = pick([...b.started]);
          b.started.delete(id);
          b.open.splice(b.open.indexOf(id), 1);
          h.deliver(t, id);
          b.delivered.push(id);
          b.lastMove.delete(id);
          if (tracker && rnd() < 0.25) {
            const position = 1 + Math.floor(rnd() * (b.open.length + 1));
            h.reopen(t + 0.05, id, position);
            b.delivered.pop();
            b.open.splice(position - 1, 0, id);
          } else if (rnd() < 0.6) h.outcome(t + 0.1, id, pick(b.objectives), rnd() < 0.4);
        } else if (r < 0.79 && b.open.length > 8) {
          const id = pick(b.open);
          const fromPosition = b.open.indexOf(id) + 1;
          b.open.splice(fromPosition - 1, 1);
          b.started.delete(id);
          b.lastMove.delete(id);
          h.kill(t, id, { via: rnd() < 0.3 ? 'forum' : 'owner', fromPosition });
          b.killed.push(id);
        } else if (r < 0.81 && b.killed.length > 0) {
          const id = b.killed.splice(Math.floor(rnd() * b.killed.length), 1)[0];
          const position = 1 + Math.floor(rnd() * (b.open.length + 1));
          b.open.splice(position - 1, 0, id);
          h.revive(t, id, { position });
        } else if (r < 0.83 && b.open.length > 8) {
          const id = pick(b.open);
          h.antiBacklog(t, id);
          b.open.splice(b.open.indexOf(id), 1);
          b.started.delete(id);
          b.lastMove.delete(id);
        } else if (r < 0.87) {
          h.killCriteria(t, pick(b.open), h.at(day + 30 + Math.floor(rnd() * 60)).slice(0, 10));
        } else if (r < 0.9) {
          if (day % 14 !== 0 || b.lastVelocityDay === day) continue;
          b.lastVelocityDay = day;
          h.velocity(t, `S${day / 14}`, 15 + Math.floor(rnd() * 25));
        } else if (r < 0.9003) {
          h.policy(t, { zombieAfterDays: 60 + Math.floor(rnd() * 60) });
        } else if (r < 0.93) {
          // Not a backlog decision: no row, but the checkpoint must still move past it.
          out.push(forumEvent(forumId, forumRevision++, h.at(t)));
          continue;
        } else {
          continue;
        }
        flushEmitted(h);
      }
    }
  }
  return out.map((e, i) => ({ ...e, position: i + 1 }));
}

/** A forum event as the forum decider writes it (not a backlog decision), for histories that mix them in. */
export function forumEvent(forumId: string, revision: number, at: string): RecordedEvent {
  return {
    id: randomUUID(),
    streamId: `forum-${forumId}`,
    revision,
    position: 0,
    type: revision === 0 ? 'forum.created' : 'forum.member-joined',
    schemaVersion: 1,
    // The app's forum index reads the rule.
    data: revision === 0
      ? { forumId, name: 'Review forum', backlogIds: [], rule: DEFAULT_FORUM_RULE, rationale: 'Synthetic history.' }
      : { forumId, memberId: `m${revision}`, rationale: 'Synthetic history.' },
    metadata: { actor: { id: 'olga', role: 'product-owner' }, correlationId: randomUUID(), causationId: null, occurredAt: at },
    recordedAt: at,
    hash: '0'.repeat(64),
    prevHash: '0'.repeat(64),
  };
}

/**
 * Appends the events to a store in their global order, one append per event with the same id, data and
 * metadata and the exact expected revision. Appends are issued `window` at a time, so the store's group
 * commit writes each window in one transaction. Returns the store's head.
 */
export async function appendHistory(store: EventStore, events: RecordedEvent[], window = 2000): Promise<number> {
  for (let i = 0; i < events.length; i += window) {
    await Promise.all(
      events.slice(i, i + window).map((e) =>
        store.append(e.streamId, [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], e.revision === 0 ? 'no-stream' : e.revision - 1),
      ),
    );
  }
  return store.headPosition();
}
