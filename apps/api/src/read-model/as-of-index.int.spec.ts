import fc from 'fast-check';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/kernel';
import { itemDecider, isRanked, type ItemState } from '@ledger/domain';
import { PROGRESS_EVENT_TYPES } from '@ledger/analytics';
import { itemsWithStatusFromVersions, rankingFromVersions, type RankedItemView } from '../backlogs/list-backlog-items/ranking-at';
import { READ_MODEL_VERSION, SqliteLedgerIndex } from './sqlite-ledger-index';

/**
 * ADR 0030: the as-of index answers `?at=` exactly like the plain fold of the backlog's item events that occurred
 * at or before the instant — on random histories with backdated (imported) events, equal instants, foreign
 * streams, items moving between backlogs and every item event type — and the index maintained commit by commit
 * equals the one built in a single pass and the one backfilled after an upgrade.
 */

const B = 'b-1';
const OTHER = 'b-2';
const T0 = Date.parse('2025-01-01T00:00:00.000Z');
/** Few distinct instants, so equal occurredAt values are common. */
const instant = (k: number) => new Date(T0 + k * 60_000).toISOString();
const RANKS = ['0', '1', 'a', 'a0', 'b', 'i', 'i5', 'm', 'z'];

type Spec = {
  stream: number;
  type: string;
  rank: number;
  n: number;
  backlog: 'B' | 'OTHER' | 'none';
  /** null: no metadata.occurredAt (recordedAt counts); else an instant index, possibly before earlier events. */
  occurred: number | null;
  /** The store's clock moves on by 0-2 minutes per event (recordedAt never goes backwards). */
  tick: number;
};

const ITEM_TYPES = [
  'item.added',
  'item.added',
  'item.reprioritized',
  'item.reprioritized',
  'item.reprioritized',
  'item.killed',
  'item.revived',
  'item.moved-to-anti-backlog',
  'item.started',
  'item.delivered',
  'item.estimated',
  'item.linked-to-objective',
  'item.escalated',
  'item.escalation-resolved',
  'item.kill-criteria-set',
  'item.outcome-recorded',
  'proposal.opened', // a type the item decider ignores, carrying itemId and backlogId
];

const spec: fc.Arbitrary<Spec> = fc.record({
  stream: fc.nat(7),
  type: fc.constantFrom(...ITEM_TYPES),
  rank: fc.nat(RANKS.length - 1),
  n: fc.nat(50),
  backlog: fc.constantFrom<Spec['backlog']>('B', 'B', 'B', 'B', 'B', 'B', 'OTHER', 'none'),
  occurred: fc.option(fc.nat(30), { nil: null, freq: 3 }),
  tick: fc.nat(2),
});

/** Streams 0-5 are items (item-i); 6 and 7 are foreign streams whose events also name item 0 or 1. */
function history(specs: Spec[]): RecordedEvent[] {
  const revisions = new Map<string, number>();
  let clock = 0;
  return specs.map((s, i) => {
    clock += s.tick;
    const streamId = s.stream < 6 ? `item-i${s.stream}` : `proposal-p${s.stream}`;
    const itemId = s.stream < 6 ? `i${s.stream}` : `i${s.stream - 6}`;
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const data: Record<string, unknown> = { itemId, title: `Item ${itemId}`, kind: s.n % 3 === 0 ? 'bug' : 'story' };
    if (s.backlog !== 'none') data.backlogId = s.backlog === 'B' ? B : OTHER;
    data.rank = RANKS[s.rank];
    data.toRank = RANKS[s.rank];
    data.estimate = s.n;
    data.objectiveId = `o${s.n % 4}`;
    data.requestedBy = s.n % 5 === 0 ? 'sam' : null;
    data.escalationId = `e${s.n % 3}`;
    data.outcome = s.n % 2 === 0 ? 'upheld' : 'overturned';
    // Schema v2 events freeze a score (ADR 0033): some with a score, some unscored, the rest v1 without one.
    if (s.n % 3 === 1) data.scoring = { model: 'value-effort', inputs: { value: s.n, effort: 1 + (s.n % 2) }, score: s.n % 7 === 1 ? null : s.n / (1 + (s.n % 2)) };
    const recordedAt = instant(clock);
    const metadata: Record<string, unknown> = { actor: { id: 'olga', role: 'product-owner' }, correlationId: `c${i}`, causationId: null };
    if (s.occurred !== null) metadata.occurredAt = instant(s.occurred);
    return {
      id: `ev-${i}`,
      type: s.type,
      schemaVersion: data.scoring ? 2 : 1,
      data,
      metadata: metadata as RecordedEvent['metadata'],
      streamId,
      revision,
      position: i + 1,
      recordedAt,
      hash: 'h',
      prevHash: 'p',
    };
  });
}

const occurredAt = (e: RecordedEvent) => (typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt);

/**
 * The definition of "as of", written out here independently of the index (the fold the handler ran before
 * ADR 0030): a backlog's item events that occurred at or before `at`, folded per stream in position order with the
 * item decider's full evolve; lastProgressAt is the latest progress (or add) time, from the stream's first event.
 */
function plainFold(events: RecordedEvent[], backlogId: string, at: string, status: 'ranked' | 'anti-backlog' | 'killed' | 'delivered' = 'ranked'): RankedItemView[] {
  const progress = new Set<string>(PROGRESS_EVENT_TYPES);
  const items = new Map<string, { state: ItemState; revision: number; lastProgressAt: string; lastPosition: number }>();
  for (const e of events) {
    const d = e.data as Record<string, unknown>;
    if (d.backlogId !== backlogId || typeof d.itemId !== 'string' || occurredAt(e) > at) continue;
    const cur = items.get(e.streamId) ?? { state: itemDecider.initialState, revision: -1, lastProgressAt: occurredAt(e), lastPosition: 0 };
    const progressed = progress.has(e.type) || e.type === 'item.added';
    items.set(e.streamId, {
      state: itemDecider.evolve(cur.state, e as never),
      revision: e.revision,
      lastProgressAt: progressed && occurredAt(e) > cur.lastProgressAt ? occurredAt(e) : cur.lastProgressAt,
      lastPosition: e.position,
    });
  }
  const all = [...items.entries()].filter(([, f]) => f.state.itemId !== null);
  const view = ([, f]: (typeof all)[number], position: number | null): RankedItemView => ({
    position,
    id: f.state.itemId!,
    title: f.state.title,
    kind: f.state.kind ?? 'story',
    status: f.state.status as RankedItemView['status'],
    rank: f.state.rank,
    estimate: f.state.estimate,
    objectiveId: f.state.objectiveId,
    requestedBy: f.state.requestedBy,
    revision: f.revision,
    lastProgressAt: f.lastProgressAt,
    scoring: f.state.lastScore ? { model: f.state.lastScore.model, inputs: f.state.lastScore.inputs, score: f.state.lastScore.score } : null,
  });
  if (status !== 'ranked') return all.filter(([, f]) => f.state.status === status).sort((a, b) => b[1].lastPosition - a[1].lastPosition).map((x) => view(x, null));
  return all
    .filter(([, f]) => isRanked(f.state) && f.state.rank !== null)
    .sort(([sa, a], [sb, b]) => (a.state.rank! !== b.state.rank! ? (a.state.rank! < b.state.rank! ? -1 : 1) : a.state.itemId !== b.state.itemId ? (a.state.itemId! < b.state.itemId! ? -1 : 1) : sa < sb ? -1 : 1))
    .map((x, i) => view(x, i + 1));
}

/** Every instant that can make a difference, and the ones just before and after each. */
function instantsOf(events: RecordedEvent[]): string[] {
  const all = new Set<string>([instant(-1), instant(1000)]);
  for (const e of events) {
    const t = Date.parse(occurredAt(e));
    for (const d of [-1, 0, 1]) all.add(new Date(t + d).toISOString());
  }
  return [...all].sort();
}

/** Applies the events in commits of the given sizes (cycled). */
function applyInCommits(index: SqliteLedgerIndex, events: RecordedEvent[], sizes: number[]): void {
  for (let i = 0, k = 0; i < events.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]);
    index.apply(events.slice(i, i + n));
    i += n;
  }
}

function dumpAsOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      tracks: db.prepare('SELECT * FROM as_of_tracks ORDER BY track').all(),
      versions: db.prepare('SELECT * FROM as_of_versions ORDER BY track, occurred_at, position').all(),
    };
  } finally {
    db.close();
  }
}

/** A read model written by an earlier release: its version is older, so the next open empties and re-projects it. */
function markOlderVersion(file: string): void {
  const db = new Database(file);
  db.pragma(`user_version = ${READ_MODEL_VERSION - 1}`);
  db.close();
}

describe('as-of index (real SQLite read model)', () => {
  let dir: string;
  let n = 0;
  const file = () => join(dir, `rm-${++n}.sqlite`);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-as-of-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every instant exactly like the plain fold of the events up to it, backdated events included', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 80 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }), (specs, commits) => {
        const events = history(specs);
        const index = new SqliteLedgerIndex(':memory:');
        try {
          applyInCommits(index, events, commits);
          for (const at of instantsOf(events)) {
            for (const backlogId of [B, OTHER]) {
              const versions = index.itemVersionsAt(backlogId, at);
              expect(rankingFromVersions(versions)).toEqual(plainFold(events, backlogId, at));
              for (const status of ['anti-backlog', 'killed', 'delivered'] as const) {
                expect(itemsWithStatusFromVersions(versions, status)).toEqual(plainFold(events, backlogId, at, status));
              }
            }
          }
        } finally {
          index.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a backdated import into an existing item: that track is folded from its events, the others answer from their versions', () => {
    // A fixed history: item 0 added today, then an import adds decisions from last year to it.
    const events = history([
      { stream: 0, type: 'item.added', rank: 4, n: 1, backlog: 'B', occurred: 20, tick: 1 },
      { stream: 1, type: 'item.added', rank: 2, n: 2, backlog: 'B', occurred: 21, tick: 1 },
      { stream: 0, type: 'item.reprioritized', rank: 0, n: 3, backlog: 'B', occurred: 5, tick: 1 },
      { stream: 0, type: 'item.killed', rank: 0, n: 3, backlog: 'B', occurred: 6, tick: 1 },
      { stream: 1, type: 'item.reprioritized', rank: 8, n: 3, backlog: 'B', occurred: 22, tick: 1 },
    ]);
    const f = file();
    const index = new SqliteLedgerIndex(f);
    index.apply(events);
    index.close();
    expect(dumpAsOf(f).tracks.map((t) => (t as { monotone: number }).monotone)).toEqual([0, 1]);
    const reopened = new SqliteLedgerIndex(f);
    try {
      const ids = (at: number) => rankingFromVersions(reopened.itemVersionsAt(B, instant(at))).map((r) => `${r.id}@${r.rank}`);
      expect(ids(4)).toEqual([]);
      expect(ids(5)).toEqual([]); // item 0's add happened "later": a reprioritize of nothing yet ranks nothing
      expect(ids(6)).toEqual([]);
      expect(ids(20)).toEqual([]); // added, but the backdated kill is folded after it in position order
      expect(ids(21)).toEqual(['i1@a']);
      expect(ids(22)).toEqual(['i1@z']);
      for (const at of instantsOf(events)) expect(rankingFromVersions(reopened.itemVersionsAt(B, at))).toEqual(plainFold(events, B, at));
    } finally {
      reopened.close();
    }
  });

  it('maintained commit by commit = built in one pass = rebuilt after an upgrade empties the read model', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
        fc.nat(60),
        (specs, commits, cut) => {
          const events = history(specs);
          const incremental = file();
          const onePass = file();
          const upgraded = file();
          const builds: [string, number[]][] = [
            [incremental, commits],
            [onePass, [events.length]],
          ];
          for (const [f, sizes] of builds) {
            const index = new SqliteLedgerIndex(f);
            applyInCommits(index, events, sizes);
            index.close();
          }
          // A file an earlier release wrote up to `cut`: emptied on open (ADR 0032), then projected from 0 again.
          let index = new SqliteLedgerIndex(upgraded);
          applyInCommits(index, events.slice(0, Math.max(1, Math.min(cut, events.length))), [3]);
          index.close();
          markOlderVersion(upgraded);
          index = new SqliteLedgerIndex(upgraded);
          try {
            expect(index.checkpoint()).toBe(0);
            applyInCommits(index, events, commits.slice().reverse());
            for (const at of instantsOf(events)) expect(rankingFromVersions(index.itemVersionsAt(B, at))).toEqual(plainFold(events, B, at));
          } finally {
            index.close();
          }
          const expected = dumpAsOf(onePass);
          expect(expected.versions).toHaveLength(events.filter((e) => typeof (e.data as { itemId?: unknown }).itemId === 'string' && (e.data as { backlogId?: unknown }).backlogId !== undefined).length);
          expect(dumpAsOf(incremental)).toEqual(expected);
          expect(dumpAsOf(upgraded)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applying a commit twice changes nothing', () => {
    const events = history(
      Array.from({ length: 40 }, (_, i): Spec => ({ stream: i % 4, type: ITEM_TYPES[i % ITEM_TYPES.length], rank: i % 9, n: i, backlog: 'B', occurred: (i * 7) % 25, tick: 1 })),
    );
    const once = file();
    const twice = file();
    const a = new SqliteLedgerIndex(once);
    a.apply(events);
    a.close();
    const b = new SqliteLedgerIndex(twice);
    b.apply(events.slice(0, 30));
    b.close();
    // A second instance on the same file (two API processes share one read model) re-applies what it has not seen.
    const c = new SqliteLedgerIndex(twice);
    const d = new SqliteLedgerIndex(twice);
    c.apply(events);
    d.apply(events.slice(10));
    c.close();
    d.close();
    expect(dumpAsOf(twice)).toEqual(dumpAsOf(once));
  });
});
