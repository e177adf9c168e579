import { fold, type Evolvable } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import { BACKLOG_ID, ITEM_ID, WHY, actors, backlogCtx, itemAdded, itemDelivered, itemKillCriteriaSet, itemReopened, itemStarted, placement, po } from '../testing/fixtures';
import type { ScoringPolicy } from '../scoring';
import type { ItemCommand } from './item.commands';
import { itemDecider } from './item.decider';
import type { ItemEvent } from './item.events';

/** Decision quality on the item decider: scores frozen into every decision, "against the score", self-checking criteria. */
const { given } = deciderSpec(itemDecider);
const VE: ScoringPolicy = { model: 'value-effort', scoreMargin: 0.2 };
const RICE: ScoringPolicy = { model: 'rice', scoreMargin: 0.2 };
const ids = { itemId: ITEM_ID, backlogId: BACKLOG_ID };

/** A v2 event as the decider writes it, with the given frozen score. */
function scored(id: string, type: ItemEvent['type'], data: Record<string, unknown>, scoring: { model: string; inputs: Record<string, number>; score: number | null }): Evolvable<ItemEvent> {
  return { id, type, schemaVersion: 2, data: { ...ids, ...data, scoring } } as unknown as Evolvable<ItemEvent>;
}

const ADDED_SCORED = scored(
  'e-added',
  'item.added',
  { title: 'Scored', kind: 'story', hypothesis: null, objectiveId: null, estimate: null, requestedBy: null, rank: 'i', position: 3, rationale: WHY },
  { model: 'value-effort', inputs: { value: 10, effort: 1 }, score: 10 },
);

const reprioritize = (o: Partial<Extract<ItemCommand, { kind: 'ReprioritizeItem' }>> = {}): ItemCommand => ({
  kind: 'ReprioritizeItem',
  actor: po,
  scoring: VE,
  fromPosition: 5,
  placement: placement(null, 'a', 1),
  rationale: WHY,
  ...o,
});
const cand = (itemId: string, value?: number) => ({ itemId, inputs: value === undefined ? {} : { value, effort: 1 } });

describe('item decider: scores frozen into decisions (ADR 0033)', () => {
  it('an add with inputs under RICE freezes the inputs and the score', () => {
    const [e] = given([])
      .when({
        kind: 'AddItem',
        actor: po,
        itemId: ITEM_ID,
        backlog: backlogCtx({ scoring: RICE }),
        title: 'Self-service refunds',
        itemKind: 'story',
        scoreInputs: { reach: 500, impact: 2, confidence: 0.5, effort: 2 },
        explicitPlacement: false,
        placement: placement(null, null, 1),
        rationale: WHY,
      })
      .events();
    expect(e).toMatchObject({ schemaVersion: 2, data: { scoring: { model: 'rice', inputs: { reach: 500, impact: 2, confidence: 0.5, effort: 2 }, score: 250 } } });
  });

  it('an add with incomplete inputs has no score (but keeps the inputs it was given)', () => {
    const [e] = given([])
      .when({
        kind: 'AddItem',
        actor: po,
        itemId: ITEM_ID,
        backlog: backlogCtx({ scoring: RICE }),
        title: 'Half-scored',
        itemKind: 'story',
        scoreInputs: { reach: 500, impact: 2 },
        explicitPlacement: false,
        placement: placement(null, null, 1),
        rationale: WHY,
      })
      .events();
    expect(e.data).toMatchObject({ scoring: { model: 'rice', inputs: { reach: 500, impact: 2 }, score: null } });
  });

  it('refuses an input outside its domain on add, estimate and reprioritize, writing nothing', () => {
    given([])
      .when({
        kind: 'AddItem', actor: po, itemId: ITEM_ID, backlog: backlogCtx({ scoring: RICE }), title: 'x', itemKind: 'story',
        scoreInputs: { impact: 1.5 }, explicitPlacement: false, placement: placement(null, null, 1), rationale: WHY,
      })
      .thenError('ITEM.INVALID_SCORE_INPUT', 'validation');
    given([itemAdded()]).when({ kind: 'EstimateItem', actor: po, scoreInputs: { confidence: 2 }, rationale: WHY }).thenError('ITEM.INVALID_SCORE_INPUT', 'validation');
    given([itemAdded()]).when(reprioritize({ scoreInputs: { effort: 0 } })).thenError('ITEM.INVALID_SCORE_INPUT', 'validation');
  });

  it('every later decision freezes the item\'s inputs with the model in force then — not the model of the add', () => {
    // The item was added under value/effort with value 10, effort 1 (score 10); the backlog now uses RICE.
    const out = given([ADDED_SCORED]).when({ kind: 'StartItem', actor: po, scoring: RICE, rationale: WHY });
    expect(out.events()[0].data).toMatchObject({ scoring: { model: 'rice', inputs: { value: 10, effort: 1 }, score: null } });
    // The add keeps the score it froze: folding does not recompute it.
    const before = fold(itemDecider, [ADDED_SCORED]);
    expect(before.lastScore).toEqual({ model: 'value-effort', inputs: { value: 10, effort: 1 }, score: 10, eventId: 'e-added' });
    expect(out.stateAfter().lastScore).toMatchObject({ model: 'rice', score: null, eventId: 'new-1' });
  });

  it('estimating may change only the score inputs (the estimate stays; null when there is none)', () => {
    const out = given([ADDED_SCORED]).when({ kind: 'EstimateItem', actor: po, scoring: VE, scoreInputs: { effort: 4 }, rationale: WHY });
    out.then([
      {
        type: 'item.estimated',
        schemaVersion: 2,
        data: { ...ids, estimate: null, previousEstimate: null, rationale: WHY, scoring: { model: 'value-effort', inputs: { value: 10, effort: 4 }, score: 2.5 } },
      },
    ]);
    expect(out.stateAfter().scoreInputs).toEqual({ value: 10, effort: 4 });
    expect(out.stateAfter().estimate).toBeNull();
  });

  it('estimating with the same estimate and inputs changes nothing (ITEM.NO_CHANGE); removing an input is a change', () => {
    given([ADDED_SCORED]).when({ kind: 'EstimateItem', actor: po, scoring: VE, scoreInputs: { effort: 1 }, rationale: WHY }).thenError('ITEM.NO_CHANGE');
    const [e] = given([ADDED_SCORED]).when({ kind: 'EstimateItem', actor: po, scoring: VE, scoreInputs: { effort: null }, rationale: WHY }).events();
    expect(e.data).toMatchObject({ scoring: { inputs: { value: 10 }, score: null } });
  });

  it('a version 1 history has no inputs; its first v2 decision starts from none', () => {
    const out = given([itemAdded(), itemStarted()]).when({ kind: 'EstimateItem', actor: po, scoring: VE, scoreInputs: { value: 3 }, rationale: WHY });
    expect(out.state.scoreInputs).toEqual({});
    expect(out.state.lastScore).toBeNull();
    expect(out.events()[0].data).toMatchObject({ scoring: { model: 'value-effort', inputs: { value: 3 }, score: null } });
  });
});

describe('item decider: against the score (DOMAIN.md "Against the score")', () => {
  it('records the passed-over items whose score exceeds the item\'s by more than the margin', () => {
    const [e] = given([ADDED_SCORED])
      .when(reprioritize({ passing: [cand('j-margin', 12), cand('j-above', 12.5), cand('j-low', 3), cand('j-unscored')] }))
      .events();
    expect(e.data).toMatchObject({
      scoring: { model: 'value-effort', score: 10 },
      scoreCheck: { scoreMargin: 0.2, count: 1, items: [{ itemId: 'j-above', score: 12.5 }] },
    });
  });

  it('exactly at the margin is not against the score', () => {
    const [e] = given([ADDED_SCORED]).when(reprioritize({ passing: [cand('j', 12)] })).events();
    expect(e.data).toMatchObject({ scoreCheck: { count: 0, items: [] } });
  });

  it('an unscored item is never judged (scoreCheck null), whatever it passes', () => {
    const [e] = given([itemAdded()]).when(reprioritize({ passing: [cand('j', 1000)] })).events();
    expect(e.data).toMatchObject({ scoreCheck: null, scoring: { model: 'value-effort', score: null } });
  });

  it('a backlog without a model judges nothing', () => {
    const [e] = given([ADDED_SCORED]).when(reprioritize({ scoring: { model: 'none', scoreMargin: 0.2 }, passing: [cand('j', 1000)] })).events();
    expect(e.data).toMatchObject({ scoreCheck: null, scoring: { model: 'none', score: null } });
  });

  it('judges the move with the inputs it brings (new evidence lowers the effort first)', () => {
    const [e] = given([ADDED_SCORED]).when(reprioritize({ trigger: 'new-evidence', scoreInputs: { value: 30 }, passing: [cand('j', 20)] })).events();
    expect(e.data).toMatchObject({ scoring: { inputs: { value: 30, effort: 1 }, score: 30 }, scoreCheck: { count: 0 } });
  });

  it('uses the margin of the policy in force (a zero margin counts any higher score)', () => {
    const [e] = given([ADDED_SCORED]).when(reprioritize({ scoring: { ...VE, scoreMargin: 0 }, passing: [cand('j', 10.5)] })).events();
    expect(e.data).toMatchObject({ scoreCheck: { scoreMargin: 0, count: 1 } });
  });

  it('never counts the item itself among the passed', () => {
    const [e] = given([ADDED_SCORED]).when(reprioritize({ passing: [cand(ITEM_ID, 99)] })).events();
    expect(e.data).toMatchObject({ scoreCheck: { count: 0 } });
  });

  it('a move off the ranking (imported priority, ADR 0025) passes no item: judged, never against the score, whatever the caller passes', () => {
    const move = { scale: 'priority' as const, direction: 'up' as const, approximate: false, fromLevel: 3, toLevel: 1, from: 'Medium', to: 'Highest' };
    const [e] = given([ADDED_SCORED]).when(reprioritize({ fromPosition: 3, placement: undefined, move, passing: [cand('j', 1000)] })).events();
    expect(e).toMatchObject({
      schemaVersion: 2,
      data: { fromPosition: 3, toPosition: 3, move, scoring: { model: 'value-effort', score: 10 }, scoreCheck: { scoreMargin: 0.2, count: 0, items: [] } },
    });
    // Unscored: not judged at all; the inputs it brings are validated like any move's.
    const [u] = given([itemAdded()]).when(reprioritize({ fromPosition: 3, placement: undefined, move })).events();
    expect(u.data).toMatchObject({ scoreCheck: null, scoring: { model: 'value-effort', score: null } });
    given([ADDED_SCORED]).when(reprioritize({ placement: undefined, move, scoreInputs: { effort: 0 } })).thenError('ITEM.INVALID_SCORE_INPUT', 'validation');
  });

  it('a reopened item (ADR 0025) freezes its score like every decision; a v1 reopening keeps the inputs as they were', () => {
    const delivered = [ADDED_SCORED, itemStarted(), itemDelivered()];
    const out = given(delivered).when({ kind: 'ReopenItem', actor: po, scoring: VE, placement: placement(null, 'a', 1), rationale: WHY });
    expect(out.events()[0]).toMatchObject({ type: 'item.reopened', schemaVersion: 2, data: { scoring: { model: 'value-effort', inputs: { value: 10, effort: 1 }, score: 10 } } });
    expect(out.stateAfter().lastScore).toMatchObject({ score: 10, eventId: 'new-1' });
    const v1 = fold(itemDecider, [...delivered, itemReopened('e-reopened', 'b', 2)]);
    expect(v1).toMatchObject({ status: 'open', scoreInputs: { value: 10, effort: 1 }, lastScore: { score: 10, eventId: 'e-added' } });
  });

  it('an overturned escalation that moves the item records the check too', () => {
    const moved = scored(
      'e-moved',
      'item.reprioritized',
      { fromRank: 'c', toRank: 'q', fromPosition: 1, toPosition: 5, trigger: 'routine', escalationId: null, rationale: WHY, scoreCheck: null },
      { model: 'value-effort', inputs: { value: 10, effort: 1 }, score: 10 },
    );
    const escalated = scored(
      'e-esc',
      'item.escalated',
      { escalationId: 'esc-1', againstEventId: 'e-moved', againstEventType: 'item.reprioritized', wanted: 'Back to the top please', reason: 'The biggest customer needs it', addressedTo: null },
      { model: 'value-effort', inputs: { value: 10, effort: 1 }, score: 10 },
    );
    const events = given([ADDED_SCORED, moved, escalated])
      .when({
        kind: 'ResolveEscalation',
        actor: actors['product-leader'],
        scoring: VE,
        escalationId: 'esc-1',
        outcome: 'overturned',
        fromPosition: 5,
        placement: placement(null, 'c', 1),
        passing: [cand('j', 15)],
        rationale: WHY,
      })
      .events();
    expect(events.map((e) => e.type)).toEqual(['item.escalation-resolved', 'item.reprioritized']);
    expect(events[1].data).toMatchObject({ trigger: 'escalation', scoreCheck: { count: 1, items: [{ itemId: 'j', score: 15 }] } });
    expect(events[0].data).toMatchObject({ scoring: { score: 10 } });
  });
});

describe('item decider: kill criteria with a threshold (ADR 0034)', () => {
  const set = (o: Partial<Extract<ItemCommand, { kind: 'SetKillCriteria' }>> = {}): ItemCommand => ({
    kind: 'SetKillCriteria',
    actor: po,
    exitCondition: 'Observed conversion below 2 % by March',
    reviewBy: '2026-03-01',
    today: '2026-01-10',
    threshold: { objectiveId: 'o-1', operator: '<', value: 2 },
    backlog: backlogCtx(),
    rationale: WHY,
    ...o,
  });

  it('records the threshold, checked by the review date', () => {
    const out = given([itemAdded()]).when(set());
    expect(out.events()[0]).toMatchObject({
      type: 'item.kill-criteria-set',
      schemaVersion: 2,
      data: { exitCondition: 'Observed conversion below 2 % by March', reviewBy: '2026-03-01', threshold: { objectiveId: 'o-1', operator: '<', value: 2 } },
    });
    expect(out.stateAfter().killCriteria).toEqual({
      exitCondition: 'Observed conversion below 2 % by March',
      reviewBy: '2026-03-01',
      threshold: { objectiveId: 'o-1', operator: '<', value: 2 },
      eventId: 'new-1',
    });
  });

  it.each([
    [{ objectiveId: 'o-1', operator: '≠', value: 2 }, 'ITEM.INVALID_THRESHOLD', 'validation'],
    [{ objectiveId: 'o-1', operator: '<', value: '2' }, 'ITEM.INVALID_THRESHOLD', 'validation'],
    [{ objectiveId: 'o-1', operator: '<', value: Number.NaN }, 'ITEM.INVALID_THRESHOLD', 'validation'],
    ['below 2', 'ITEM.INVALID_THRESHOLD', 'validation'],
    [{ objectiveId: 'o-retired', operator: '<', value: 2 }, 'BACKLOG.OBJECTIVE_RETIRED', 'invariant'],
    [{ objectiveId: 'o-404', operator: '<', value: 2 }, 'BACKLOG.OBJECTIVE_NOT_FOUND', 'not-found'],
  ] as const)('refuses the threshold %j (%s)', (threshold, code, kind) => {
    given([itemAdded()]).when(set({ threshold: threshold as never })).thenError(code, kind);
  });

  it('the same text and date with a different threshold is a new criteria set; the same all over is no change', () => {
    const first = { ...itemKillCriteriaSet('e-kc', 'Observed conversion below 2 % by March', '2026-03-01') };
    const withThreshold = { ...first, schemaVersion: 2 as const, data: { ...first.data, threshold: { objectiveId: 'o-1', operator: '<' as const, value: 2 } } };
    expect(given([itemAdded(), first]).when(set()).events()).toHaveLength(1);
    given([itemAdded(), withThreshold as Evolvable<ItemEvent>]).when(set()).thenError('ITEM.NO_CHANGE');
    expect(given([itemAdded(), withThreshold as Evolvable<ItemEvent>]).when(set({ threshold: null })).events()[0].data).toMatchObject({ threshold: null });
  });
});
