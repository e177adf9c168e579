import type { Actor, Role } from '@ledger/kernel';
import { fold, type Decided, type Evolvable } from '../decider';
import type { FrozenScore } from '../scoring';
import { deciderSpec } from '../testing/decider-spec';
import {
  BACKLOG_ID,
  ITEM_ID,
  WHY,
  actors,
  backlogCtx,
  itemAdded,
  itemDelivered,
  itemEscalated,
  itemEscalationResolved,
  itemEstimated,
  itemKillCriteriaSet,
  itemKilled,
  itemLinked,
  itemMovedToAntiBacklog,
  itemReopened,
  itemReprioritized,
  itemRevived,
  itemStarted,
  placement,
  po,
} from '../testing/fixtures';
import type { ItemCommand } from './item.commands';
import { itemDecider } from './item.decider';
import type { ItemEvent } from './item.events';
import { decisionsOf, findDecision, isRanked, type DecisionRef, type ItemState } from './item.state';

const { given } = deciderSpec(itemDecider);

/** The score every decision freezes on a backlog without a scoring model. */
const UNSCORED = { model: 'none' as const, inputs: {}, score: null };
/** Expected events as the decider emits them (schema version 2): each freezes `scoring` (default: unscored). */
const v2 = (events: Decided<ItemEvent>[], scoring: FrozenScore = UNSCORED): Decided<ItemEvent>[] =>
  events.map((e) => ({ ...e, schemaVersion: 2, data: { ...e.data, scoring } }) as Decided<ItemEvent>);
const ids = { itemId: ITEM_ID, backlogId: BACKLOG_ID };

type Cmd<K extends ItemCommand['kind']> = Extract<ItemCommand, { kind: K }>;
/** Any field of the command, with any value (validation tests pass wrong types on purpose). */
type Over<K extends ItemCommand['kind']> = { [P in Exclude<keyof Cmd<K>, 'kind'>]?: unknown };

/** Valid commands with defaults; override any field (including invalid values for validation tests). */
const cmd = {
  add: (o: Over<'AddItem'> = {}) =>
    ({
      kind: 'AddItem',
      actor: po,
      itemId: ITEM_ID,
      backlog: backlogCtx(),
      title: '  One-click checkout  ',
      itemKind: 'story',
      explicitPlacement: true,
      placement: placement('a', 'c', 2),
      rationale: WHY,
      ...o,
    }) as Cmd<'AddItem'>,
  reprioritize: (o: Over<'ReprioritizeItem'> = {}) =>
    ({ kind: 'ReprioritizeItem', actor: po, fromPosition: 3, placement: placement(null, 'a', 1), rationale: WHY, ...o }) as Cmd<'ReprioritizeItem'>,
  escalate: (o: Over<'EscalateDecision'> = {}) =>
    ({
      kind: 'EscalateDecision',
      actor: actors.stakeholder,
      escalationId: 'esc-1',
      againstEventId: 'e-added',
      wanted: 'Put it back at the top of the backlog',
      reason: 'Our biggest customer renews next month',
      addressedTo: ' product-leader ',
      ...o,
    }) as Cmd<'EscalateDecision'>,
  resolve: (o: Over<'ResolveEscalation'> = {}) =>
    ({ kind: 'ResolveEscalation', actor: actors['product-leader'], escalationId: 'esc-1', outcome: 'upheld', fromPosition: 3, rationale: WHY, ...o }) as Cmd<'ResolveEscalation'>,
  kill: (o: Over<'KillItem'> = {}) =>
    ({ kind: 'KillItem', actor: po, reason: '  No customer asked for it in a year ', via: 'owner', fromPosition: 3, ...o }) as Cmd<'KillItem'>,
  revive: (o: Over<'ReviveItem'> = {}) =>
    ({ kind: 'ReviveItem', actor: po, placement: placement('a', 'c', 2), rationale: WHY, ...o }) as Cmd<'ReviveItem'>,
  reopen: (o: Over<'ReopenItem'> = {}) =>
    ({ kind: 'ReopenItem', actor: po, placement: placement('a', 'c', 2), rationale: WHY, ...o }) as Cmd<'ReopenItem'>,
  antiBacklog: (o: Over<'MoveToAntiBacklog'> = {}) =>
    ({ kind: 'MoveToAntiBacklog', actor: po, reason: ' Outside the product goal ', fromPosition: 3, ...o }) as Cmd<'MoveToAntiBacklog'>,
  killCriteria: (o: Over<'SetKillCriteria'> = {}) =>
    ({
      kind: 'SetKillCriteria',
      actor: po,
      exitCondition: ' Conversion up 2% within a quarter ',
      reviewBy: '2025-06-30',
      today: '2025-03-01',
      rationale: WHY,
      ...o,
    }) as Cmd<'SetKillCriteria'>,
  estimate: (o: Over<'EstimateItem'> = {}) => ({ kind: 'EstimateItem', actor: po, estimate: 5, rationale: WHY, ...o }) as Cmd<'EstimateItem'>,
  link: (o: Over<'LinkToObjective'> = {}) =>
    ({ kind: 'LinkToObjective', actor: po, objectiveId: 'o-1', backlog: backlogCtx(), rationale: WHY, ...o }) as Cmd<'LinkToObjective'>,
  start: (o: Over<'StartItem'> = {}) => ({ kind: 'StartItem', actor: po, rationale: WHY, ...o }) as Cmd<'StartItem'>,
  deliver: (o: Over<'DeliverItem'> = {}) => ({ kind: 'DeliverItem', actor: po, fromPosition: 1, rationale: WHY, ...o }) as Cmd<'DeliverItem'>,
  outcome: (o: Over<'RecordOutcome'> = {}) =>
    ({
      kind: 'RecordOutcome',
      actor: po,
      objectiveId: 'o-1',
      observedValue: ' conversion +1.2% ',
      moved: true,
      backlog: backlogCtx(),
      rationale: WHY,
      ...o,
    }) as Cmd<'RecordOutcome'>,
};

const OPEN = [itemAdded()];
const IN_PROGRESS = [itemAdded(), itemStarted()];
const KILLED = [itemAdded(), itemKilled()];
const DELIVERED = [itemAdded(), itemDelivered()];
const ANTI = [itemAdded(), itemMovedToAntiBacklog()];

const stateOf = (events: Evolvable<ItemEvent>[]): ItemState => fold(itemDecider, events);

/** The three ways an item leaves the ranking, with the code a ranked-only decision answers. */
const UNRANKED: Array<[string, Evolvable<ItemEvent>[], string]> = [
  ['killed', KILLED, 'ITEM.ALREADY_KILLED'],
  ['delivered', DELIVERED, 'ITEM.ALREADY_DELIVERED'],
  ['in the anti-backlog', ANTI, 'ITEM.IN_ANTI_BACKLOG'],
];

describe('item decider', () => {
  describe('AddItem', () => {
    it('adds the item with a rank between its neighbours and the position it takes', () => {
      given([])
        .when(cmd.add({ hypothesis: '  Fewer steps, more orders ', estimate: 8, objectiveId: 'o-1', requestedBy: ' u-sales ' }))
        .then(v2([
          {
            type: 'item.added',
            schemaVersion: 2,
            data: {
              ...ids,
              title: 'One-click checkout',
              kind: 'story',
              hypothesis: 'Fewer steps, more orders',
              objectiveId: 'o-1',
              estimate: 8,
              requestedBy: 'u-sales',
              rank: 'b',
              position: 2,
              rationale: WHY,
            },
          },
        ]));
    });

    it('defaults optional fields to null', () => {
      const [e] = given([]).when(cmd.add()).events();
      expect(e.data).toMatchObject({ hypothesis: null, objectiveId: null, estimate: null, requestedBy: null });
    });

    it('ranks at the top, at the bottom and in an empty backlog', () => {
      const top = given([]).when(cmd.add({ placement: placement(null, 'a', 1) })).events()[0].data as { rank: string };
      const bottom = given([]).when(cmd.add({ placement: placement('x', null, 9) })).events()[0].data as { rank: string };
      const first = given([]).when(cmd.add({ placement: placement(null, null, 1) })).events()[0].data as { rank: string };
      expect(top.rank < 'a').toBe(true);
      expect(bottom.rank > 'x').toBe(true);
      expect(first.rank).toBe('i');
    });

    it('refuses an item that already exists', () => {
      given(OPEN).when(cmd.add()).then('ITEM.ALREADY_EXISTS', 'invariant');
    });

    it('refuses a backlog that does not exist', () => {
      given([]).when(cmd.add({ backlog: backlogCtx({ exists: false }) })).then('BACKLOG.NOT_FOUND', 'not-found');
    });

    it.each(['', '   ', 'x'.repeat(201), undefined])('requires a title of 1..200 chars (%j)', (title) => {
      given([]).when(cmd.add({ title })).then('ITEM.TITLE_REQUIRED', 'validation');
    });

    it('accepts a 200-char title', () => {
      expect(given([]).when(cmd.add({ title: 'x'.repeat(200) })).events()).toHaveLength(1);
    });

    it.each(['epic', '', undefined])('refuses the kind %j', (itemKind) => {
      given([]).when(cmd.add({ itemKind })).then('ITEM.INVALID_KIND', 'validation');
    });

    it.each(['story', 'bug', 'tech', 'initiative', 'hypothesis'])('accepts the kind %s', (itemKind) => {
      expect(given([]).when(cmd.add({ itemKind })).events()[0].data).toMatchObject({ kind: itemKind });
    });

    it.each([-1, 1000.5, Number.NaN, Number.POSITIVE_INFINITY, '3'])('refuses the estimate %p', (estimate) => {
      given([]).when(cmd.add({ estimate })).then('ITEM.INVALID_ESTIMATE', 'validation');
    });

    it('accepts estimates 0 and 1000', () => {
      expect(given([]).when(cmd.add({ estimate: 0 })).events()[0].data).toMatchObject({ estimate: 0 });
      expect(given([]).when(cmd.add({ estimate: 1000 })).events()[0].data).toMatchObject({ estimate: 1000 });
    });

    it('requires a linked objective to exist in the backlog', () => {
      given([]).when(cmd.add({ objectiveId: 'o-unknown' })).then('BACKLOG.OBJECTIVE_NOT_FOUND', 'not-found');
    });

    it('refuses a retired objective', () => {
      given([]).when(cmd.add({ objectiveId: 'o-retired' })).then('BACKLOG.OBJECTIVE_RETIRED', 'invariant');
    });

    it('requires a rationale', () => {
      given([]).when(cmd.add({ rationale: '' })).then('DECISION.RATIONALE_REQUIRED', 'validation');
      given([]).when(cmd.add({ rationale: '..........' })).then('DECISION.RATIONALE_REQUIRED', 'validation');
    });

    it('records the stakeholder as requester, whatever the body says', () => {
      const [e] = given([])
        .when(cmd.add({ actor: actors.stakeholder, explicitPlacement: false, requestedBy: 'someone-else' }))
        .events();
      expect(e.data).toMatchObject({ requestedBy: actors.stakeholder.id });
    });

    it('a stakeholder may not choose the position', () => {
      given([])
        .when(cmd.add({ actor: actors.stakeholder, explicitPlacement: true }))
        .then('ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE', 'forbidden');
    });

    it.each<Role>(['auditor', 'forum-member'])('%s may not add items', (role) => {
      given([]).when(cmd.add({ actor: actors[role] })).then('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    });

    it.each<Role>(['admin', 'product-leader', 'product-owner', 'system'])('%s may add items', (role) => {
      expect(given([]).when(cmd.add({ actor: actors[role] })).events()).toHaveLength(1);
    });

    it('refuses neighbours in the wrong order', () => {
      given([]).when(cmd.add({ placement: placement('c', 'a', 2) })).then('RANK.INVALID_NEIGHBOURS', 'invariant');
    });

    it('refuses a missing placement or a bad position', () => {
      given([]).when(cmd.add({ placement: undefined })).then('ITEM.PLACEMENT_REQUIRED', 'validation');
      given([]).when(cmd.add({ placement: placement('a', 'c', 0) })).then('ITEM.INVALID_POSITION', 'validation');
      given([]).when(cmd.add({ placement: placement('a', 'c', 1.5) })).then('ITEM.INVALID_POSITION', 'validation');
    });
  });

  describe('on an item that does not exist', () => {
    it.each<ItemCommand>([
      cmd.reprioritize(),
      cmd.escalate(),
      cmd.resolve(),
      cmd.kill(),
      cmd.revive(),
      cmd.reopen(),
      cmd.antiBacklog(),
      cmd.killCriteria(),
      cmd.estimate(),
      cmd.link(),
      cmd.start(),
      cmd.deliver(),
      cmd.outcome(),
    ])('$kind → ITEM.NOT_FOUND', (command) => {
      given([]).when(command).then('ITEM.NOT_FOUND', 'not-found');
    });
  });

  describe('decision rights', () => {
    const scenarios: Array<[string, Evolvable<ItemEvent>[], (actor: Actor) => ItemCommand]> = [
      ['ReprioritizeItem', OPEN, (actor) => cmd.reprioritize({ actor })],
      ['ResolveEscalation', [...OPEN, itemEscalated('e-esc', 'esc-1', 'e-added', 'item.added')], (actor) => cmd.resolve({ actor })],
      ['KillItem', OPEN, (actor) => cmd.kill({ actor })],
      ['ReviveItem', KILLED, (actor) => cmd.revive({ actor })],
      ['ReopenItem', DELIVERED, (actor) => cmd.reopen({ actor })],
      ['MoveToAntiBacklog', OPEN, (actor) => cmd.antiBacklog({ actor })],
      ['SetKillCriteria', OPEN, (actor) => cmd.killCriteria({ actor })],
      ['EstimateItem', OPEN, (actor) => cmd.estimate({ actor })],
      ['LinkToObjective', OPEN, (actor) => cmd.link({ actor })],
      ['StartItem', OPEN, (actor) => cmd.start({ actor })],
      ['DeliverItem', OPEN, (actor) => cmd.deliver({ actor })],
      ['RecordOutcome', DELIVERED, (actor) => cmd.outcome({ actor })],
    ];

    describe.each(scenarios)('%s', (kind, history, make) => {
      it.each<Role>(['admin', 'product-leader', 'product-owner', 'system'])('%s may decide', (role) => {
        expect(given(history).when(make(actors[role])).events().length).toBeGreaterThan(0);
      });
      it.each<Role>(['auditor', 'forum-member'])('%s may not', (role) => {
        const err = given(history).when(make(actors[role])).thenError('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
        expect(err.details).toMatchObject({ role });
      });
      it('a stakeholder may not', () => {
        const code = kind === 'ReprioritizeItem' ? 'ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE' : 'DECISION.NOT_ALLOWED_FOR_ROLE';
        given(history).when(make(actors.stakeholder)).then(code, 'forbidden');
      });
    });

    describe('EscalateDecision', () => {
      it.each<Role>(['stakeholder', 'product-owner', 'product-leader', 'admin'])('%s may escalate', (role) => {
        expect(given(OPEN).when(cmd.escalate({ actor: actors[role] })).events()).toHaveLength(1);
      });
      it.each<Role>(['auditor', 'forum-member', 'system'])('%s may not escalate', (role) => {
        given(OPEN).when(cmd.escalate({ actor: actors[role] })).then('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
      });
    });
  });

  describe('ReprioritizeItem', () => {
    it('moves the item to the top, recording ranks and positions', () => {
      const [e] = given(OPEN).when(cmd.reprioritize()).then(v2([
        {
          type: 'item.reprioritized',
          schemaVersion: 2,
          data: {
            ...ids,
            fromRank: 'i',
            toRank: expect.any(String),
            fromPosition: 3,
            toPosition: 1,
            trigger: 'routine',
            escalationId: null,
            rationale: WHY,
            // Unscored: the move is never judged against the score.
            scoreCheck: null,
          },
        },
      ]));
      expect((e.data as { toRank: string }).toRank < 'a').toBe(true);
    });

    it('moves the item down between two neighbours', () => {
      const out = given(OPEN).when(cmd.reprioritize({ fromPosition: 3, placement: placement('m', 'n', 7) }));
      const data = out.events()[0].data as { toRank: string; toPosition: number };
      expect(data.toRank > 'm' && data.toRank < 'n').toBe(true);
      expect(data.toPosition).toBe(7);
      expect(out.stateAfter().rank).toBe(data.toRank);
    });

    it('keeps the trigger given', () => {
      const [e] = given(OPEN).when(cmd.reprioritize({ trigger: 'stakeholder-request' })).events();
      expect(e.data).toMatchObject({ trigger: 'stakeholder-request' });
    });

    it('works on an item in progress', () => {
      expect(given(IN_PROGRESS).when(cmd.reprioritize()).events()).toHaveLength(1);
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.reprioritize()).then(code, 'invariant');
    });

    it('refuses a move to the same position (ITEM.NO_CHANGE)', () => {
      given(OPEN).when(cmd.reprioritize({ fromPosition: 1, placement: placement(null, 'a', 1) })).then('ITEM.NO_CHANGE', 'invariant');
    });

    it("reserves the trigger 'escalation' for overturned escalations", () => {
      given(OPEN).when(cmd.reprioritize({ trigger: 'escalation' })).then('ITEM.TRIGGER_RESERVED', 'validation');
    });

    it('refuses an unknown trigger', () => {
      given(OPEN).when(cmd.reprioritize({ trigger: 'whim' })).then('ITEM.INVALID_TRIGGER', 'validation');
    });

    it('requires a rationale', () => {
      given(OPEN).when(cmd.reprioritize({ rationale: 'because' })).then('DECISION.RATIONALE_REQUIRED', 'validation');
    });

    it('refuses neighbours in the wrong order and bad positions', () => {
      given(OPEN).when(cmd.reprioritize({ placement: placement('n', 'm', 1) })).then('RANK.INVALID_NEIGHBOURS');
      given(OPEN).when(cmd.reprioritize({ fromPosition: 0 })).then('ITEM.INVALID_POSITION', 'validation');
    });
  });

  describe('EscalateDecision', () => {
    it('challenges a decision of this item, naming its type', () => {
      given(OPEN).when(cmd.escalate()).then(v2([
        {
          type: 'item.escalated',
          schemaVersion: 2,
          data: {
            ...ids,
            escalationId: 'esc-1',
            againstEventId: 'e-added',
            againstEventType: 'item.added',
            wanted: 'Put it back at the top of the backlog',
            reason: 'Our biggest customer renews next month',
            addressedTo: 'product-leader',
          },
        },
      ]));
    });

    it('records the open escalation in the state, without an actor', () => {
      const s = given([...OPEN, itemReprioritized('e-moved', 'i', 'x', 3, 9)])
        .when(cmd.escalate({ againstEventId: 'e-moved', addressedTo: undefined }))
        .stateAfter();
      expect(s.escalations['esc-1']).toEqual({
        escalationId: 'esc-1',
        eventId: 'new-1',
        againstEventId: 'e-moved',
        againstEventType: 'item.reprioritized',
        raisedBy: null,
        wanted: 'Put it back at the top of the backlog',
        reason: 'Our biggest customer renews next month',
        addressedTo: null,
        status: 'open',
        resolutionEventId: null,
      });
    });

    it('can challenge the kill of a killed item', () => {
      const [e] = given(KILLED).when(cmd.escalate({ againstEventId: 'e-killed' })).events();
      expect(e.data).toMatchObject({ againstEventType: 'item.killed' });
    });

    it('refuses an event that is not a decision of this item', () => {
      given(OPEN).when(cmd.escalate({ againstEventId: 'e-elsewhere' })).then('ESCALATION.TARGET_NOT_FOUND', 'not-found');
      given([...OPEN, itemEscalated('e-esc', 'esc-0', 'e-added', 'item.added')])
        .when(cmd.escalate({ againstEventId: 'e-esc' }))
        .then('ESCALATION.TARGET_NOT_FOUND', 'not-found');
    });

    it('allows one open escalation per decision', () => {
      const history = [...OPEN, itemEscalated('e-esc', 'esc-0', 'e-added', 'item.added')];
      given(history).when(cmd.escalate()).then('ESCALATION.ALREADY_OPEN', 'invariant');
      // once resolved, the decision can be challenged again
      expect(given([...history, itemEscalationResolved('e-res', 'esc-0', 'e-added', 'upheld')]).when(cmd.escalate()).events()).toHaveLength(1);
    });

    it('refuses a reused escalation id', () => {
      given([...OPEN, itemEstimated('e-est', 3), itemEscalated('e-esc', 'esc-1', 'e-added', 'item.added')])
        .when(cmd.escalate({ againstEventId: 'e-est' }))
        .then('ESCALATION.ALREADY_EXISTS', 'invariant');
    });

    it('requires a reason and what is wanted', () => {
      given(OPEN).when(cmd.escalate({ reason: '  ' })).then('ESCALATION.REASON_REQUIRED', 'validation');
      given(OPEN).when(cmd.escalate({ wanted: 'zzzzzzzzzzzz' })).then('ESCALATION.WANTED_REQUIRED', 'validation');
    });
  });

  describe('ResolveEscalation', () => {
    /** Moved from 1 down to 5 (rank 'b' → 'q'), then escalated by a stakeholder. */
    const MOVED_DOWN = [
      itemAdded('e-added', { rank: 'b', position: 1 }),
      itemReprioritized('e-moved', 'b', 'q', 1, 5),
      itemEscalated('e-esc', 'esc-1', 'e-moved', 'item.reprioritized'),
    ];

    it('upheld: records only the resolution, caused by the escalation', () => {
      const out = given(MOVED_DOWN).when(cmd.resolve());
      out.then(v2([
        {
          type: 'item.escalation-resolved',
          schemaVersion: 2,
          data: { ...ids, escalationId: 'esc-1', againstEventId: 'e-moved', outcome: 'upheld', rationale: WHY },
          causedBy: 'e-esc',
        },
      ]));
      const s = out.stateAfter();
      expect(s.escalations['esc-1']).toMatchObject({ status: 'upheld', resolutionEventId: 'new-1' });
      expect(s.rank).toBe('q');
    });

    it('upheld: refuses a placement', () => {
      given(MOVED_DOWN).when(cmd.resolve({ placement: placement(null, 'b', 1) })).then('ESCALATION.UPHELD_CANNOT_CHANGE', 'validation');
    });

    it('upheld works on a delivered item', () => {
      const history = [...DELIVERED, itemEscalated('e-esc', 'esc-1', 'e-delivered', 'item.delivered')];
      expect(given(history).when(cmd.resolve()).events()).toHaveLength(1);
    });

    it('overturned on a ranked item: the resolution, then the move back, triggered by the escalation', () => {
      const out = given(MOVED_DOWN).when(
        cmd.resolve({ outcome: 'overturned', fromPosition: 5, placement: placement(null, 'c', 1) }),
      );
      const events = out.then(v2([
        {
          type: 'item.escalation-resolved',
          schemaVersion: 2,
          data: { ...ids, escalationId: 'esc-1', againstEventId: 'e-moved', outcome: 'overturned', rationale: WHY },
          causedBy: 'e-esc',
        },
        {
          type: 'item.reprioritized',
          schemaVersion: 2,
          data: {
            ...ids,
            fromRank: 'q',
            toRank: expect.any(String),
            fromPosition: 5,
            toPosition: 1,
            trigger: 'escalation',
            escalationId: 'esc-1',
            rationale: WHY,
            scoreCheck: null,
          },
        },
      ]));
      expect(events[1].causedBy).toBeUndefined();
      const toRank = (events[1].data as { toRank: string }).toRank;
      expect(toRank < 'c').toBe(true);
      const s = out.stateAfter();
      expect(s.escalations['esc-1']).toMatchObject({ status: 'overturned', resolutionEventId: 'new-1' });
      expect(s.rank).toBe(toRank);
      expect(findDecision(s, 'new-2')).toEqual({ eventId: 'new-2', type: 'item.reprioritized', fromPosition: 5, toPosition: 1 });
      expect(findDecision(s, 'new-1')).toBeUndefined();
    });

    it('overturned on a ranked item requires the placement', () => {
      given(MOVED_DOWN).when(cmd.resolve({ outcome: 'overturned', fromPosition: 5 })).then('ESCALATION.CHANGE_REQUIRED', 'validation');
    });

    it('overturned on a ranked item refuses the same position', () => {
      given(MOVED_DOWN)
        .when(cmd.resolve({ outcome: 'overturned', fromPosition: 5, placement: placement('p', 'r', 5) }))
        .then('ITEM.NO_CHANGE', 'invariant');
    });

    it('overturned on a ranked item needs its current position', () => {
      given(MOVED_DOWN)
        .when(cmd.resolve({ outcome: 'overturned', fromPosition: null, placement: placement(null, 'c', 1) }))
        .then('ITEM.INVALID_POSITION', 'validation');
    });

    it('overturned on a killed item: the resolution, then its revival', () => {
      const history = [...KILLED, itemEscalated('e-esc', 'esc-1', 'e-killed', 'item.killed')];
      const out = given(history).when(cmd.resolve({ outcome: 'overturned', fromPosition: null, placement: placement('d', 'f', 4) }));
      out.then(v2([
        {
          type: 'item.escalation-resolved',
          schemaVersion: 2,
          data: { ...ids, escalationId: 'esc-1', againstEventId: 'e-killed', outcome: 'overturned', rationale: WHY },
          causedBy: 'e-esc',
        },
        {
          type: 'item.revived',
          schemaVersion: 2,
          data: { ...ids, rank: 'e', position: 4, trigger: 'escalation', escalationId: 'esc-1', rationale: WHY },
        },
      ]));
      expect(out.stateAfter()).toMatchObject({ status: 'open', rank: 'e', kill: null });
    });

    it('overturned on an anti-backlog item: the resolution, then its revival', () => {
      const history = [...ANTI, itemEscalated('e-esc', 'esc-1', 'e-anti', 'item.moved-to-anti-backlog')];
      const out = given(history).when(cmd.resolve({ outcome: 'overturned', fromPosition: null, placement: placement(null, null, 1) }));
      const events = out.events();
      expect(events.map((e) => e.type)).toEqual(['item.escalation-resolved', 'item.revived']);
      expect(events[1].data).toMatchObject({ rank: 'i', position: 1, trigger: 'escalation', escalationId: 'esc-1' });
      expect(out.stateAfter()).toMatchObject({ status: 'open', antiBacklogReason: null });
    });

    it('overturned on a killed item requires the placement', () => {
      const history = [...KILLED, itemEscalated('e-esc', 'esc-1', 'e-killed', 'item.killed')];
      given(history).when(cmd.resolve({ outcome: 'overturned', fromPosition: null })).then('ESCALATION.CHANGE_REQUIRED', 'validation');
    });

    it('overturned on a delivered item is refused', () => {
      const history = [...DELIVERED, itemEscalated('e-esc', 'esc-1', 'e-delivered', 'item.delivered')];
      given(history)
        .when(cmd.resolve({ outcome: 'overturned', placement: placement(null, null, 1) }))
        .then('ITEM.ALREADY_DELIVERED', 'invariant');
    });

    it('refuses an unknown escalation', () => {
      given(MOVED_DOWN).when(cmd.resolve({ escalationId: 'esc-404' })).then('ESCALATION.NOT_FOUND', 'not-found');
    });

    it('refuses to resolve twice', () => {
      given([...MOVED_DOWN, itemEscalationResolved('e-res', 'esc-1', 'e-moved', 'upheld')])
        .when(cmd.resolve({ outcome: 'overturned', placement: placement(null, 'b', 1), fromPosition: 5 }))
        .then('ESCALATION.ALREADY_RESOLVED', 'invariant');
    });

    it('requires a rationale and a known outcome', () => {
      given(MOVED_DOWN).when(cmd.resolve({ rationale: undefined })).then('DECISION.RATIONALE_REQUIRED', 'validation');
      given(MOVED_DOWN).when(cmd.resolve({ outcome: 'partly' })).then('ESCALATION.INVALID_OUTCOME', 'validation');
    });
  });

  describe('KillItem', () => {
    it('kills the item, recording who, how and from where', () => {
      const out = given(OPEN).when(cmd.kill());
      out.then(v2([
        {
          type: 'item.killed',
          schemaVersion: 2,
          data: { ...ids, reason: 'No customer asked for it in a year', decidedBy: po.id, via: 'owner', proposalId: null, fromPosition: 3 },
        },
      ]));
      expect(out.stateAfter()).toMatchObject({
        status: 'killed',
        rank: null,
        kill: { reason: 'No customer asked for it in a year', via: 'owner', proposalId: null, decidedBy: po.id },
      });
    });

    it('kills via the forum with its proposal', () => {
      const [e] = given(IN_PROGRESS).when(cmd.kill({ actor: actors.system, via: 'forum', proposalId: 'kp-7' })).events();
      expect(e.data).toMatchObject({ via: 'forum', proposalId: 'kp-7', decidedBy: 'system' });
    });

    it('a kill via the forum names the proposal', () => {
      given(OPEN).when(cmd.kill({ via: 'forum' })).then('ITEM.PROPOSAL_REQUIRED', 'validation');
      given(OPEN).when(cmd.kill({ via: 'forum', proposalId: ' ' })).then('ITEM.PROPOSAL_REQUIRED', 'validation');
    });

    it('refuses an unknown channel', () => {
      given(OPEN).when(cmd.kill({ via: 'email' })).then('ITEM.INVALID_VIA', 'validation');
    });

    it.each([undefined, '', 'dead', '!!!!!!!!!!!!'])('needs a reason (%j)', (reason) => {
      given(OPEN).when(cmd.kill({ reason })).then('ITEM.KILL_REASON_REQUIRED', 'validation');
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.kill()).then(code, 'invariant');
    });

    it('needs the current position', () => {
      given(OPEN).when(cmd.kill({ fromPosition: undefined })).then('ITEM.INVALID_POSITION', 'validation');
    });
  });

  describe('ReviveItem', () => {
    it('revives a killed item at the given place', () => {
      const out = given(KILLED).when(cmd.revive());
      out.then(v2([
        {
          type: 'item.revived',
          schemaVersion: 2,
          data: { ...ids, rank: 'b', position: 2, trigger: 'decision', escalationId: null, rationale: WHY },
        },
      ]));
      expect(out.stateAfter()).toMatchObject({ status: 'open', rank: 'b', kill: null });
    });

    it.each<[string, Evolvable<ItemEvent>[]]>([
      ['open', OPEN],
      ['in progress', IN_PROGRESS],
      ['delivered', DELIVERED],
      ['in the anti-backlog (only an overturned escalation brings it back)', ANTI],
    ])('refuses an item that is %s (ITEM.NOT_KILLED)', (_label, history) => {
      given(history).when(cmd.revive()).then('ITEM.NOT_KILLED', 'invariant');
    });

    it('requires a rationale and a placement', () => {
      given(KILLED).when(cmd.revive({ rationale: 'aaaaaaaaaaaaaa' })).then('DECISION.RATIONALE_REQUIRED', 'validation');
      given(KILLED).when(cmd.revive({ placement: undefined })).then('ITEM.PLACEMENT_REQUIRED', 'validation');
    });
  });

  describe('ReprioritizeItem with a move off the ranking (imported history, ADR 0025)', () => {
    const priority = (o: object = {}) => ({
      scale: 'priority',
      direction: 'up',
      approximate: false,
      fromLevel: 3,
      toLevel: 1,
      from: 'Medium',
      to: 'Highest',
      ...o,
    });

    it('records a priority change with its levels and leaves the ranking as it is', () => {
      const out = given(OPEN).when(cmd.reprioritize({ fromPosition: 4, placement: undefined, move: priority() }));
      out.then(v2([
        {
          type: 'item.reprioritized',
          schemaVersion: 2,
          data: {
            ...ids,
            fromRank: 'i',
            toRank: 'i',
            fromPosition: 4,
            toPosition: 4,
            trigger: 'routine',
            escalationId: null,
            rationale: WHY,
            // Unscored: never judged (a scored item's move off the ranking passes none: item.scoring.unit.spec.ts).
            scoreCheck: null,
            move: { scale: 'priority', direction: 'up', approximate: false, fromLevel: 3, toLevel: 1, from: 'Medium', to: 'Highest' },
          },
        },
      ]));
      expect(out.stateAfter()).toMatchObject({ status: 'open', rank: 'i' });
    });

    it('records a direction-only move (Jira "Ranked lower") and a deferral (sprint pushed later) as approximate', () => {
      const [rank] = given(OPEN)
        .when(cmd.reprioritize({ move: { scale: 'rank', direction: 'down', approximate: true, to: 'Ranked lower' } }))
        .events();
      expect((rank.data as { move: unknown }).move).toEqual({
        scale: 'rank',
        direction: 'down',
        approximate: true,
        fromLevel: null,
        toLevel: null,
        from: null,
        to: 'Ranked lower',
      });
      const [later] = given(IN_PROGRESS)
        .when(cmd.reprioritize({ move: { scale: 'schedule', direction: 'down', approximate: true, from: 'Sprint 3', to: 'Sprint 4' } }))
        .events();
      expect(later.data).toMatchObject({ fromPosition: 3, toPosition: 3, move: { scale: 'schedule', direction: 'down', from: 'Sprint 3' } });
    });

    it('refuses a priority change to the same level (ITEM.NO_CHANGE)', () => {
      given(OPEN).when(cmd.reprioritize({ move: priority({ toLevel: 3 }) })).then('ITEM.NO_CHANGE', 'invariant');
    });

    it.each<[string, object]>([
      ['a direction that contradicts the levels', priority({ direction: 'down' })],
      ['an exact move on the ranking (that is a placement)', { scale: 'rank', direction: 'up', approximate: false, fromLevel: 2, toLevel: 1 }],
      ['an exact deferral (schedules have no levels)', { scale: 'schedule', direction: 'down', approximate: false, fromLevel: 1, toLevel: 2 }],
      ['an approximate move with levels', priority({ approximate: true })],
      ['an unknown scale', priority({ scale: 'severity' })],
      ['an unknown direction', priority({ direction: 'sideways' })],
      ['a level that is not a positive integer', priority({ fromLevel: 0 })],
      ['a label that is blank', priority({ from: '  ' })],
    ])('refuses %s (ITEM.INVALID_MOVE)', (_label, move) => {
      given(OPEN).when(cmd.reprioritize({ move })).then('ITEM.INVALID_MOVE', 'validation');
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.reprioritize({ move: priority() })).then(code, 'invariant');
    });

    it('keeps the decision rights: a stakeholder may not', () => {
      given(OPEN).when(cmd.reprioritize({ actor: actors.stakeholder, move: priority() })).then('ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE', 'forbidden');
    });
  });

  describe('ReopenItem (a delivery that did not hold, ADR 0025)', () => {
    it('brings a delivered item back into the ranking at the given place', () => {
      const out = given(DELIVERED).when(cmd.reopen());
      out.then(v2([{ type: 'item.reopened', schemaVersion: 2, data: { ...ids, rank: 'b', position: 2, rationale: WHY } }]));
      expect(out.stateAfter()).toMatchObject({ status: 'open', rank: 'b' });
    });

    it('leaves the item open for the usual decisions: start, reprioritize, deliver again; outcomes wait for the delivery', () => {
      const reopened = [...DELIVERED, itemReopened('e-reopened', 'b', 2)];
      expect(given(reopened).when(cmd.start()).events()).toHaveLength(1);
      expect(given(reopened).when(cmd.reprioritize()).events()).toHaveLength(1);
      expect(given(reopened).when(cmd.deliver()).events()).toHaveLength(1);
      given(reopened).when(cmd.outcome()).then('ITEM.NOT_DELIVERED', 'invariant');
      given(reopened).when(cmd.reopen()).then('ITEM.NOT_DELIVERED', 'invariant');
    });

    it('is not a revival: a killed item is revived, not reopened', () => {
      const err = given(KILLED).when(cmd.reopen()).thenError('ITEM.NOT_DELIVERED', 'invariant');
      expect(err.message).toContain('revived');
      given([...DELIVERED, itemReopened('e-reopened', 'b', 2)]).when(cmd.revive()).then('ITEM.NOT_KILLED', 'invariant');
    });

    it.each<[string, Evolvable<ItemEvent>[]]>([
      ['open', OPEN],
      ['in progress', IN_PROGRESS],
      ['in the anti-backlog', ANTI],
    ])('refuses an item that is %s (ITEM.NOT_DELIVERED)', (_label, history) => {
      given(history).when(cmd.reopen()).then('ITEM.NOT_DELIVERED', 'invariant');
    });

    it('requires a rationale and a placement', () => {
      given(DELIVERED).when(cmd.reopen({ rationale: 'bla bla bla' })).then('DECISION.RATIONALE_REQUIRED', 'validation');
      given(DELIVERED).when(cmd.reopen({ placement: undefined })).then('ITEM.PLACEMENT_REQUIRED', 'validation');
    });

    it('is a decision of the stream (one can escalate against it)', () => {
      const state = given([...DELIVERED, itemReopened('e-reopened', 'b', 2)]).state;
      expect(findDecision(state, 'e-reopened')).toEqual({ eventId: 'e-reopened', type: 'item.reopened', fromPosition: null, toPosition: 2 });
    });
  });

  describe('MoveToAntiBacklog', () => {
    it('moves an open item out of the backlog, with the reason', () => {
      const out = given(OPEN).when(cmd.antiBacklog());
      out.then(v2([
        { type: 'item.moved-to-anti-backlog', schemaVersion: 2, data: { ...ids, reason: 'Outside the product goal', fromPosition: 3 } },
      ]));
      expect(out.stateAfter()).toMatchObject({ status: 'anti-backlog', rank: null, antiBacklogReason: 'Outside the product goal' });
    });

    it('refuses an item in progress', () => {
      given(IN_PROGRESS).when(cmd.antiBacklog()).then('ITEM.ALREADY_STARTED', 'invariant');
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.antiBacklog()).then(code, 'invariant');
    });

    it('needs a reason', () => {
      given(OPEN).when(cmd.antiBacklog({ reason: 'nope' })).then('ITEM.ANTI_BACKLOG_REASON_REQUIRED', 'validation');
    });
  });

  describe('SetKillCriteria', () => {
    it('sets the exit condition and review date', () => {
      const out = given(OPEN).when(cmd.killCriteria());
      out.then(v2([
        {
          type: 'item.kill-criteria-set',
          schemaVersion: 2,
          data: { ...ids, exitCondition: 'Conversion up 2% within a quarter', reviewBy: '2025-06-30', threshold: null, rationale: WHY },
        },
      ]));
      expect(out.stateAfter().killCriteria).toEqual({ exitCondition: 'Conversion up 2% within a quarter', reviewBy: '2025-06-30', threshold: null, eventId: 'new-1' });
    });

    it('accepts a review date of today, on an item in progress', () => {
      expect(given(IN_PROGRESS).when(cmd.killCriteria({ reviewBy: '2025-03-01' })).events()).toHaveLength(1);
    });

    it('needs a real exit condition', () => {
      given(OPEN).when(cmd.killCriteria({ exitCondition: 'meh' })).then('ITEM.EXIT_CONDITION_REQUIRED', 'validation');
    });

    it.each(['2025-02-29', '30/06/2025', '', undefined])('refuses the review date %j', (reviewBy) => {
      given(OPEN).when(cmd.killCriteria({ reviewBy })).then('ITEM.INVALID_DATE', 'validation');
    });

    it('refuses a review date in the past', () => {
      given(OPEN).when(cmd.killCriteria({ reviewBy: '2025-02-28' })).then('ITEM.REVIEW_DATE_IN_PAST', 'validation');
    });

    it('refuses the same criteria again', () => {
      given([...OPEN, itemKillCriteriaSet('e-kc', 'Conversion up 2% within a quarter', '2025-06-30')])
        .when(cmd.killCriteria())
        .then('ITEM.NO_CHANGE', 'invariant');
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.killCriteria()).then(code, 'invariant');
    });

    it('requires a rationale', () => {
      given(OPEN).when(cmd.killCriteria({ rationale: '' })).then('DECISION.RATIONALE_REQUIRED');
    });
  });

  describe('EstimateItem', () => {
    it('estimates, recording the previous estimate', () => {
      given([...OPEN, itemEstimated('e-est', 3)])
        .when(cmd.estimate({ estimate: 5 }))
        .then(v2([
          { type: 'item.estimated', schemaVersion: 2, data: { ...ids, estimate: 5, previousEstimate: 3, rationale: WHY } },
        ]));
      expect(given(OPEN).when(cmd.estimate({ estimate: 0 })).events()[0].data).toMatchObject({ estimate: 0, previousEstimate: null });
    });

    it.each([-0.5, 1001, Number.NaN, '8'])('refuses the estimate %p', (estimate) => {
      given(OPEN).when(cmd.estimate({ estimate })).then('ITEM.INVALID_ESTIMATE', 'validation');
    });

    it('needs an estimate, score inputs, or both', () => {
      given(OPEN).when(cmd.estimate({ estimate: undefined })).then('ITEM.ESTIMATE_REQUIRED', 'validation');
    });

    it('refuses the same estimate', () => {
      given([...OPEN, itemEstimated('e-est', 5)]).when(cmd.estimate({ estimate: 5 })).then('ITEM.NO_CHANGE', 'invariant');
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.estimate()).then(code, 'invariant');
    });

    it('requires a rationale', () => {
      given(OPEN).when(cmd.estimate({ rationale: 'x' })).then('DECISION.RATIONALE_REQUIRED');
    });
  });

  describe('LinkToObjective', () => {
    it('links, recording the previous objective', () => {
      given([...OPEN, itemLinked('e-link', 'o-2')])
        .when(cmd.link())
        .then(v2([
          {
            type: 'item.linked-to-objective',
            schemaVersion: 2,
            data: { ...ids, objectiveId: 'o-1', previousObjectiveId: 'o-2', rationale: WHY },
          },
        ]));
    });

    it('refuses an unknown objective, a retired one, and a missing backlog', () => {
      given(OPEN).when(cmd.link({ objectiveId: 'o-404' })).then('BACKLOG.OBJECTIVE_NOT_FOUND', 'not-found');
      given(OPEN).when(cmd.link({ objectiveId: 'o-retired' })).then('BACKLOG.OBJECTIVE_RETIRED', 'invariant');
      given(OPEN).when(cmd.link({ backlog: backlogCtx({ exists: false }) })).then('BACKLOG.NOT_FOUND', 'not-found');
    });

    it('refuses the objective it is already linked to', () => {
      given([...OPEN, itemLinked('e-link', 'o-1')]).when(cmd.link()).then('ITEM.NO_CHANGE', 'invariant');
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.link()).then(code, 'invariant');
    });

    it('requires a rationale', () => {
      given(OPEN).when(cmd.link({ rationale: undefined })).then('DECISION.RATIONALE_REQUIRED');
    });
  });

  describe('StartItem', () => {
    it('starts an open item; it stays ranked', () => {
      const out = given(OPEN).when(cmd.start());
      out.then(v2([{ type: 'item.started', schemaVersion: 2, data: { ...ids, rationale: WHY } }]));
      const s = out.stateAfter();
      expect(s.status).toBe('in-progress');
      expect(isRanked(s)).toBe(true);
      expect(s.rank).toBe('i');
    });

    it('refuses an item already in progress', () => {
      given(IN_PROGRESS).when(cmd.start()).then('ITEM.ALREADY_STARTED', 'invariant');
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.start()).then(code, 'invariant');
    });

    it('requires a rationale', () => {
      given(OPEN).when(cmd.start({ rationale: '  ' })).then('DECISION.RATIONALE_REQUIRED');
    });
  });

  describe('DeliverItem', () => {
    it.each([
      ['open', OPEN],
      ['in progress', IN_PROGRESS],
    ])('delivers an item that is %s', (_label, history) => {
      const out = given(history).when(cmd.deliver({ fromPosition: 2 }));
      out.then(v2([{ type: 'item.delivered', schemaVersion: 2, data: { ...ids, fromPosition: 2, rationale: WHY } }]));
      expect(out.stateAfter()).toMatchObject({ status: 'delivered', rank: null });
    });

    it.each(UNRANKED)('refuses an item that is %s', (_label, history, code) => {
      given(history).when(cmd.deliver()).then(code, 'invariant');
    });

    it('requires a rationale and the position', () => {
      given(OPEN).when(cmd.deliver({ rationale: '' })).then('DECISION.RATIONALE_REQUIRED');
      given(OPEN).when(cmd.deliver({ fromPosition: -1 })).then('ITEM.INVALID_POSITION', 'validation');
    });
  });

  describe('RecordOutcome', () => {
    it('records what the objective did after delivery', () => {
      const out = given(DELIVERED).when(cmd.outcome());
      out.then(v2([
        {
          type: 'item.outcome-recorded',
          schemaVersion: 2,
          data: { ...ids, objectiveId: 'o-1', observedValue: 'conversion +1.2%', moved: true, rationale: WHY },
        },
      ]));
      expect(out.stateAfter().outcomes).toEqual([{ objectiveId: 'o-1', observedValue: 'conversion +1.2%', moved: true, eventId: 'new-1' }]);
    });

    it('accepts a retired objective (it existed) and an outcome that did not move', () => {
      const [e] = given(DELIVERED).when(cmd.outcome({ objectiveId: 'o-retired', moved: false })).events();
      expect(e.data).toMatchObject({ objectiveId: 'o-retired', moved: false });
    });

    it.each<[string, Evolvable<ItemEvent>[]]>([
      ['open', OPEN],
      ['killed', KILLED],
      ['in the anti-backlog', ANTI],
    ])('refuses an item that is %s (ITEM.NOT_DELIVERED)', (_label, history) => {
      given(history).when(cmd.outcome()).then('ITEM.NOT_DELIVERED', 'invariant');
    });

    it('records an outcome while the item is in progress (a running experiment, ADR 0034)', () => {
      const out = given(IN_PROGRESS).when(cmd.outcome({ observedValue: '1.8 %', moved: false }));
      expect(out.events()[0]).toMatchObject({ type: 'item.outcome-recorded', data: { observedValue: '1.8 %', moved: false } });
      expect(out.stateAfter().status).toBe('in-progress');
    });

    it('refuses an objective the backlog never had', () => {
      given(DELIVERED).when(cmd.outcome({ objectiveId: 'o-404' })).then('BACKLOG.OBJECTIVE_NOT_FOUND', 'not-found');
    });

    it('needs an observed value, whether it moved, and a rationale', () => {
      given(DELIVERED).when(cmd.outcome({ observedValue: '  ' })).then('ITEM.OBSERVED_VALUE_REQUIRED', 'validation');
      given(DELIVERED).when(cmd.outcome({ moved: 'yes' })).then('ITEM.MOVED_REQUIRED', 'validation');
      given(DELIVERED).when(cmd.outcome({ rationale: undefined })).then('DECISION.RATIONALE_REQUIRED');
    });
  });

  describe('state (evolve)', () => {
    const history: Evolvable<ItemEvent>[] = [
      itemAdded('e1', { objectiveId: 'o-1', requestedBy: 'u-sh', hypothesis: 'Fewer steps, more orders' }),
      itemReprioritized('e2', 'i', 'c', 3, 1),
      itemEscalated('e3', 'esc-1', 'e2', 'item.reprioritized'),
      itemEscalationResolved('e4', 'esc-1', 'e2', 'upheld'),
      itemEstimated('e5', 8),
      itemKilled('e6', 1),
      itemRevived('e7', 'd', 2),
      itemStarted('e8'),
      itemDelivered('e9', 2),
    ];

    it('folds the whole life of an item', () => {
      const folded = stateOf(history);
      expect({ ...folded, decisions: decisionsOf(folded) }).toEqual<Omit<ItemState, 'decisions'> & { decisions: DecisionRef[] }>({
        status: 'delivered',
        itemId: ITEM_ID,
        backlogId: BACKLOG_ID,
        title: 'One-click checkout',
        kind: 'story',
        hypothesis: 'Fewer steps, more orders',
        objectiveId: 'o-1',
        estimate: 8,
        requestedBy: 'u-sh',
        rank: null,
        killCriteria: null,
        kill: null,
        antiBacklogReason: null,
        escalations: {
          'esc-1': {
            escalationId: 'esc-1',
            eventId: 'e3',
            againstEventId: 'e2',
            againstEventType: 'item.reprioritized',
            raisedBy: null,
            wanted: 'Put it back at the top of the backlog',
            reason: 'Our biggest customer renews next month',
            addressedTo: 'product-leader',
            status: 'upheld',
            resolutionEventId: 'e4',
          },
        },
        decisions: [
          { eventId: 'e1', type: 'item.added', fromPosition: null, toPosition: 3 },
          { eventId: 'e2', type: 'item.reprioritized', fromPosition: 3, toPosition: 1 },
          { eventId: 'e5', type: 'item.estimated', fromPosition: null, toPosition: null },
          { eventId: 'e6', type: 'item.killed', fromPosition: 1, toPosition: null },
          { eventId: 'e7', type: 'item.revived', fromPosition: null, toPosition: 2 },
          { eventId: 'e8', type: 'item.started', fromPosition: null, toPosition: null },
          { eventId: 'e9', type: 'item.delivered', fromPosition: 2, toPosition: null },
        ],
        outcomes: [],
        lastEventId: 'e9',
        // Version 1 events freeze no score: the item has no inputs and no score.
        scoreInputs: {},
        lastScore: null,
      });
    });

    it('isRanked is true only while open or in progress', () => {
      expect(isRanked(stateOf(OPEN))).toBe(true);
      expect(isRanked(stateOf(IN_PROGRESS))).toBe(true);
      for (const h of [[], KILLED, DELIVERED, ANTI]) expect(isRanked(stateOf(h))).toBe(false);
    });

    it('leaves the state unchanged for unknown event types', () => {
      const s = stateOf(OPEN);
      expect(itemDecider.evolve(s, { id: 'x', type: 'item.renamed', schemaVersion: 2, data: {} } as never)).toBe(s);
    });

    it('never throws on malformed events', () => {
      const s = stateOf(OPEN);
      const weird = [
        null,
        undefined,
        42,
        { id: 'a', type: 'item.killed' },
        { id: 'b', type: 'item.escalation-resolved', data: { escalationId: 'nope', outcome: 'upheld' } },
        { id: 'c', type: 'item.escalated', data: null },
        { id: { toString: null }, type: 'item.added', data: { kind: 'epic', position: 'first' } },
        { id: 'd', type: 'item.outcome-recorded', data: [] },
      ];
      for (const e of weird) expect(() => itemDecider.evolve(s, e as never)).not.toThrow();
    });

    it('does not mutate the state it is given', () => {
      const s = stateOf(OPEN);
      const snapshot = JSON.parse(JSON.stringify(s));
      fold(itemDecider, history);
      itemDecider.evolve(s, itemEscalated('z', 'esc-z', 'e-added', 'item.added'));
      expect(s).toEqual(snapshot);
      expect(itemDecider.initialState.status).toBe('none');
      expect(decisionsOf(itemDecider.initialState)).toEqual([]);
    });
  });
});
