import fc from 'fast-check';
import { DomainError, type Role } from '@ledger/kernel';
import { fold, type Evolvable } from '../decider';
import { Rank } from '../rank/rank';
import { BACKLOG_ID, ITEM_ID, WHY, actors, backlogCtx } from '../testing/fixtures';
import type { ItemCommand, Placement } from './item.commands';
import { itemDecider } from './item.decider';
import { ITEM_KINDS, ItemEventType, type ItemEvent, type ReprioritizationTrigger } from './item.events';
import { decisionsOf, findDecision, isRanked, type ItemState } from './item.state';

const KEYS = ['0z', '1', 'a', 'b', 'i', 'i5', 'm', 'q', 'y', 'z', 'zz'];

// Mostly valid inputs, sometimes invalid ones, so sequences go deep and still hit refusals.
const role = fc.constantFrom<Role>(
  'product-owner',
  'product-owner',
  'product-owner',
  'product-leader',
  'admin',
  'system',
  'stakeholder',
  'auditor',
);
const text = fc.constantFrom(WHY, WHY, WHY, 'Because the data says so now', '', 'aaaaaaaaaaaa', 'short');
const position = fc.integer({ min: 1, max: 12 });
const neighbour = fc.option(fc.constantFrom(...KEYS), { nil: null });
const placement = fc
  .record({ a: neighbour, b: neighbour, position })
  .map(({ a, b, position }): Placement => {
    // usually ordered, so the decider gets past the rank check
    if (a !== null && b !== null && a > b) return { above: b, below: a, position };
    return { above: a, below: b, position };
  });
const objective = fc.constantFrom('o-1', 'o-2', 'o-retired', 'o-404');
const pick = fc.nat();

/** A step is materialized against the current state (to escalate against real event ids). */
type Step = (state: ItemState) => ItemCommand;

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ r: role, p: placement, k: fc.constantFrom(...ITEM_KINDS), t: text, sp: fc.boolean() }).map(
    ({ r, p, k, t, sp }): Step =>
      () => ({
        kind: 'AddItem',
        actor: actors[r],
        itemId: ITEM_ID,
        backlog: backlogCtx(),
        title: 'An item',
        itemKind: k,
        explicitPlacement: sp,
        placement: p,
        rationale: t,
      }),
  ),
  fc
    .record({
      r: role,
      from: position,
      p: placement,
      t: text,
      trig: fc.constantFrom<ReprioritizationTrigger>('routine', 'review', 'new-evidence', 'stakeholder-request', 'escalation'),
    })
    .map(
      ({ r, from, p, t, trig }): Step =>
        () => ({ kind: 'ReprioritizeItem', actor: actors[r], fromPosition: from, placement: p, trigger: trig, rationale: t }),
    ),
  fc.record({ r: role, i: pick, e: fc.nat(3), t: text }).map(
    ({ r, i, e, t }): Step =>
      (s) => {
        const targets = decisionsOf(s).map((d) => d.eventId);
        return {
          kind: 'EscalateDecision',
          actor: actors[r],
          escalationId: `esc-${e}`,
          againstEventId: targets.length ? targets[i % targets.length] : 'nothing',
          wanted: 'Put it back where it was before',
          reason: t,
        };
      },
  ),
  fc
    .record({ r: role, i: pick, o: fc.constantFrom<'upheld' | 'overturned'>('upheld', 'overturned'), p: fc.option(placement, { nil: undefined }), from: fc.option(position, { nil: null }), t: text })
    .map(
      ({ r, i, o, p, from, t }): Step =>
        (s) => {
          const escs = Object.keys(s.escalations);
          return {
            kind: 'ResolveEscalation',
            actor: actors[r],
            escalationId: escs.length ? escs[i % escs.length] : 'esc-none',
            outcome: o,
            placement: p,
            fromPosition: from,
            rationale: t,
          };
        },
    ),
  fc.record({ r: role, via: fc.constantFrom<'owner' | 'forum'>('owner', 'forum'), prop: fc.option(fc.constant('kp-1'), { nil: undefined }), from: position, t: text }).map(
    ({ r, via, prop, from, t }): Step =>
      () => ({ kind: 'KillItem', actor: actors[r], reason: t, via, proposalId: prop, fromPosition: from }),
  ),
  fc.record({ r: role, p: placement, t: text }).map(
    ({ r, p, t }): Step =>
      () => ({ kind: 'ReviveItem', actor: actors[r], placement: p, rationale: t }),
  ),
  fc.record({ r: role, p: placement, t: text }).map(
    ({ r, p, t }): Step =>
      () => ({ kind: 'ReopenItem', actor: actors[r], placement: p, rationale: t }),
  ),
  fc
    .record({
      r: role,
      from: position,
      t: text,
      move: fc.oneof(
        fc.record({ a: fc.integer({ min: 1, max: 5 }), b: fc.integer({ min: 1, max: 5 }) }).map(({ a, b }) => ({
          scale: 'priority' as const,
          direction: b < a ? ('up' as const) : ('down' as const),
          approximate: false,
          fromLevel: a,
          toLevel: b,
          from: null,
          to: null,
        })),
        fc.record({ scale: fc.constantFrom('rank' as const, 'schedule' as const), direction: fc.constantFrom('up' as const, 'down' as const) }).map(
          (m) => ({ ...m, approximate: true, fromLevel: null, toLevel: null, from: null, to: null }),
        ),
      ),
    })
    .map(
      ({ r, from, t, move }): Step =>
        () => ({ kind: 'ReprioritizeItem', actor: actors[r], fromPosition: from, move, rationale: t }),
    ),
  fc.record({ r: role, from: position, t: text }).map(
    ({ r, from, t }): Step =>
      () => ({ kind: 'MoveToAntiBacklog', actor: actors[r], reason: t, fromPosition: from }),
  ),
  fc.record({ r: role, t: text, d: fc.constantFrom('2025-01-01', '2025-06-30', '2025-02-30') }).map(
    ({ r, t, d }): Step =>
      () => ({ kind: 'SetKillCriteria', actor: actors[r], exitCondition: 'Conversion up 2% in Q3', reviewBy: d, today: '2025-03-01', rationale: t }),
  ),
  fc.record({ r: role, est: fc.oneof(fc.integer({ min: -2, max: 13 }), fc.constant(Number.NaN)), t: text }).map(
    ({ r, est, t }): Step =>
      () => ({ kind: 'EstimateItem', actor: actors[r], estimate: est, rationale: t }),
  ),
  fc.record({ r: role, o: objective, t: text }).map(
    ({ r, o, t }): Step =>
      () => ({ kind: 'LinkToObjective', actor: actors[r], objectiveId: o, backlog: backlogCtx(), rationale: t }),
  ),
  fc.record({ r: role, t: text }).map(({ r, t }): Step => () => ({ kind: 'StartItem', actor: actors[r], rationale: t })),
  fc.record({ r: role, from: position, t: text }).map(
    ({ r, from, t }): Step =>
      () => ({ kind: 'DeliverItem', actor: actors[r], fromPosition: from, rationale: t }),
  ),
  fc.record({ r: role, o: objective, v: fc.constantFrom('+2%', ' ', 'flat'), m: fc.boolean(), t: text }).map(
    ({ r, o, v, m, t }): Step =>
      () => ({ kind: 'RecordOutcome', actor: actors[r], objectiveId: o, observedValue: v, moved: m, backlog: backlogCtx(), rationale: t }),
  ),
);

/** The item.added a valid AddItem emits (most sequences start from an existing item, to go deep). */
function validAdd(): ItemEvent {
  const [added] = itemDecider.decide(
    {
      kind: 'AddItem',
      actor: actors['product-owner'],
      itemId: ITEM_ID,
      backlog: backlogCtx(),
      title: 'An item',
      itemKind: 'story',
      explicitPlacement: true,
      placement: { above: 'a', below: 'z', position: 5 },
      rationale: WHY,
    },
    itemDecider.initialState,
  );
  return added;
}

function placementOf(command: ItemCommand): Placement | undefined {
  return 'placement' in command ? command.placement : undefined;
}

function checkInvariants(state: ItemState, emittedIds: Set<string>): void {
  // the rank exists exactly while the item is ranked
  expect(state.rank !== null).toBe(isRanked(state));
  if (state.rank !== null) expect(Rank.isValid(state.rank)).toBe(true);
  expect(state.status === 'killed').toBe(state.kill !== null);
  expect(state.status === 'anti-backlog').toBe(state.antiBacklogReason !== null);
  if (state.status !== 'none') expect(state).toMatchObject({ itemId: ITEM_ID, backlogId: BACKLOG_ID });
  // decisions are events of this stream, escalations excluded
  for (const d of decisionsOf(state)) {
    expect(emittedIds.has(d.eventId)).toBe(true);
    expect(['item.escalated', 'item.escalation-resolved']).not.toContain(d.type);
  }
  // at most one open escalation per decision; resolved ones point at their resolution
  const open = Object.values(state.escalations).filter((e) => e.status === 'open');
  expect(new Set(open.map((e) => e.againstEventId)).size).toBe(open.length);
  for (const e of Object.values(state.escalations)) {
    expect(e.status === 'open').toBe(e.resolutionEventId === null);
    expect(findDecision(state, e.againstEventId)).toBeDefined();
  }
}

/** Killed and delivered items refuse reprioritization, whoever asks and however. */
function checkRefusesReprioritization(state: ItemState): void {
  if (state.status !== 'killed' && state.status !== 'delivered') return;
  const expected = state.status === 'killed' ? 'ITEM.ALREADY_KILLED' : 'ITEM.ALREADY_DELIVERED';
  for (const r of ['product-owner', 'admin', 'system', 'stakeholder'] as Role[]) {
    const command: ItemCommand = {
      kind: 'ReprioritizeItem',
      actor: actors[r],
      fromPosition: 4,
      placement: { above: null, below: 'a', position: 1 },
      rationale: WHY,
    };
    let error: unknown;
    try {
      itemDecider.decide(command, state);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    if (r !== 'stakeholder') expect((error as DomainError).code).toBe(expected);
  }
}

describe('item decider (properties)', () => {
  it('random command sequences: decide only refuses with DomainError, evolve never throws, invariants hold', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), (startAdded, steps) => {
        let state = startAdded ? fold(itemDecider, [{ ...validAdd(), id: 'ev-0' }]) : itemDecider.initialState;
        const emittedIds = new Set<string>(startAdded ? ['ev-0'] : []);
        let n = 0;
        for (const make of steps) {
          const command = make(state);
          let events: ReturnType<typeof itemDecider.decide>;
          try {
            events = itemDecider.decide(command, state);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            continue;
          }
          expect(events.length).toBeGreaterThan(0);
          const p = placementOf(command);
          for (const e of events) {
            expect(e.data).toMatchObject({ itemId: ITEM_ID, backlogId: BACKLOG_ID });
            const rank = (e.data as { rank?: string; toRank?: string }).rank ?? (e.data as { toRank?: string }).toRank;
            if (rank !== undefined && p) {
              if (p.above !== null) expect(rank > p.above).toBe(true);
              if (p.below !== null) expect(rank < p.below).toBe(true);
            }
            seen.add(e.type === 'item.escalation-resolved' ? `${e.type}:${(e.data as { outcome: string }).outcome}` : e.type);
            n += 1;
            const id = `ev-${n}`;
            emittedIds.add(id);
            state = itemDecider.evolve(state, { ...e, id } as Evolvable<ItemEvent>);
            expect(state.lastEventId).toBe(id);
          }
          checkInvariants(state, emittedIds);
          checkRefusesReprioritization(state);
        }
      }),
      { numRuns: 300 },
    );
    // the generator reaches every kind of decision, both resolutions included
    expect([...seen].sort()).toEqual(
      [
        ...Object.values(ItemEventType).filter((t) => t !== 'item.escalation-resolved'),
        'item.escalation-resolved:overturned',
        'item.escalation-resolved:upheld',
      ].sort(),
    );
  });

  it('evolve never throws, whatever the event looks like', () => {
    const types = fc.constantFrom(
      'item.added',
      'item.reprioritized',
      'item.escalated',
      'item.escalation-resolved',
      'item.killed',
      'item.revived',
      'item.reopened',
      'item.moved-to-anti-backlog',
      'item.kill-criteria-set',
      'item.estimated',
      'item.linked-to-objective',
      'item.started',
      'item.delivered',
      'item.outcome-recorded',
      'item.unknown',
    );
    const event = fc.record({
      id: fc.oneof(fc.string(), fc.anything()),
      type: fc.oneof(types, fc.anything()),
      schemaVersion: fc.anything(),
      data: fc.oneof(fc.dictionary(fc.constantFrom('itemId', 'escalationId', 'rank', 'toRank', 'outcome', 'kind', 'position'), fc.anything()), fc.anything()),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let state = itemDecider.initialState;
        for (const e of events) state = itemDecider.evolve(state, e as never);
        expect(state).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
