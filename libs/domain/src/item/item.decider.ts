import { DomainError, type Actor } from '@ledger/kernel';
import type { Decider, Decided, Evolvable } from '../decider';
import { DECIDER_ROLES, ESCALATOR_ROLES, ITEM_ADDER_ROLES, requireRole, roleOf } from '../decision-rights';
import { isIsoDate } from '../dates';
import { optionalText, requireText } from '../rationale';
import { Rank } from '../rank/rank';
import {
  NO_SCORING,
  applyScoreInputs,
  checkAgainstScore,
  freezeScore,
  sameScoreInputs,
  scoreInputsOf,
  validateScoreInputs,
  type FrozenScore,
  type PassedCandidate,
  type ScoreCheck,
  type ScoreInputs,
  type ScoringPolicy,
} from '../scoring';
import type {
  AddItem,
  BacklogContext,
  DeliverItem,
  EscalateDecision,
  EstimateItem,
  ItemCommand,
  KillItem,
  LinkToObjective,
  MoveToAntiBacklog,
  Placement,
  RecordOutcome,
  ReopenItem,
  ReprioritizeItem,
  ResolveEscalation,
  ReviveItem,
  SetKillCriteria,
  StartItem,
} from './item.commands';
import {
  ITEM_KINDS,
  MOVE_SCALES,
  REPRIORITIZATION_TRIGGERS,
  THRESHOLD_OPERATORS,
  type ItemEvent,
  type ItemKind,
  type KillThreshold,
  type ReprioritizationMove,
  type ReprioritizationTrigger,
  type ThresholdOperator,
} from './item.events';
import { findDecision, initialItemState, isRanked, type DecisionRef, type EscalationState, type ItemState } from './item.state';

type Out = Decided<ItemEvent>[];

const TITLE_MAX = 200;
const MAX_ESTIMATE = 1000;
const MOVE_LABEL_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Guards

function invalid(code: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, details, 'validation');
}

function rationaleOf(value: unknown): string {
  return requireText(value, 'rationale', 'DECISION.RATIONALE_REQUIRED');
}

/** The error for an item that has left the ranking. */
function notRankedError(state: ItemState): DomainError {
  switch (state.status) {
    case 'killed':
      return new DomainError('ITEM.ALREADY_KILLED', 'The item is killed.', { status: state.status });
    case 'delivered':
      return new DomainError('ITEM.ALREADY_DELIVERED', 'The item is delivered.', { status: state.status });
    case 'anti-backlog':
      return new DomainError('ITEM.IN_ANTI_BACKLOG', 'The item is in the anti-backlog.', { status: state.status });
    default:
      return new DomainError('ITEM.NOT_FOUND', 'No such item.', {}, 'not-found');
  }
}

function requireRanked(state: ItemState): void {
  if (!isRanked(state)) throw notRankedError(state);
}

function requireOpen(state: ItemState): void {
  if (state.status === 'in-progress') {
    throw new DomainError('ITEM.ALREADY_STARTED', 'The item is already in progress.', { status: state.status });
  }
  requireRanked(state);
}

/** Decision rights on an existing item (everything but escalating). */
function requireItemDecider(actor: Actor, decision: string, command: ItemCommand['kind']): void {
  if (command === 'ReprioritizeItem' && roleOf(actor) === 'stakeholder') {
    throw new DomainError(
      'ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE',
      'A stakeholder cannot reprioritize; request or escalate instead.',
      { role: 'stakeholder' },
      'forbidden',
    );
  }
  requireRole(actor, DECIDER_ROLES, decision);
}

function requirePosition(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalid('ITEM.INVALID_POSITION', `${field} must be a position (integer ≥ 1).`, { field, value });
  }
  return value;
}

/** Validates a placement and computes the rank key between its neighbours. */
function placeBetween(placement: Placement | undefined, field = 'placement'): { rank: string; position: number } {
  if (!placement || typeof placement !== 'object') {
    throw invalid('ITEM.PLACEMENT_REQUIRED', `${field} is required.`, { field });
  }
  const position = requirePosition(placement.position, `${field}.position`);
  const rank = Rank.between(placement.above ?? null, placement.below ?? null);
  return { rank, position };
}

function requireEstimate(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_ESTIMATE) {
    throw invalid('ITEM.INVALID_ESTIMATE', `estimate must be a number between 0 and ${MAX_ESTIMATE}.`, {
      field: 'estimate',
      value,
    });
  }
  return value;
}

function requireBacklog(backlog: BacklogContext | undefined): BacklogContext {
  if (!backlog || typeof backlog !== 'object' || !backlog.exists) {
    throw new DomainError('BACKLOG.NOT_FOUND', 'No such backlog.', { backlogId: backlog?.backlogId }, 'not-found');
  }
  return backlog;
}

/** The objective must exist in the backlog and not be retired. */
function requireActiveObjective(backlog: BacklogContext, objectiveId: unknown): string {
  const active = Array.isArray(backlog.activeObjectiveIds) ? backlog.activeObjectiveIds : [];
  const known = Array.isArray(backlog.knownObjectiveIds) ? backlog.knownObjectiveIds : [];
  if (typeof objectiveId === 'string' && active.includes(objectiveId)) return objectiveId;
  if (typeof objectiveId === 'string' && known.includes(objectiveId)) {
    throw new DomainError('BACKLOG.OBJECTIVE_RETIRED', 'This objective is retired.', { objectiveId });
  }
  throw new DomainError('BACKLOG.OBJECTIVE_NOT_FOUND', 'No such objective in this backlog.', { objectiveId }, 'not-found');
}

function ids(state: ItemState): { itemId: string; backlogId: string } {
  return { itemId: state.itemId ?? '', backlogId: state.backlogId ?? '' };
}

/** The scoring rules the command brings (its own, else its backlog context's, else none). */
function scoringOf(c: ItemCommand): ScoringPolicy {
  const backlog = (c as { backlog?: BacklogContext }).backlog;
  return c.scoring ?? backlog?.scoring ?? NO_SCORING;
}

/** The item's score inputs after the command (validated: ITEM.INVALID_SCORE_INPUT). */
function inputsAfter(c: ItemCommand, state: ItemState): ScoreInputs {
  const patch = (c as { scoreInputs?: unknown }).scoreInputs;
  return patch === undefined || patch === null ? state.scoreInputs : applyScoreInputs(state.scoreInputs, validateScoreInputs(patch));
}

/** The score the decision freezes: the backlog's model now, the inputs after the decision. */
function frozenFor(c: ItemCommand, state: ItemState): FrozenScore {
  return freezeScore(scoringOf(c), inputsAfter(c, state));
}

/** The against-the-score check of a move of the item (ADR 0033). */
function scoreCheckFor(c: ItemCommand, state: ItemState, passing: PassedCandidate[] | undefined): ScoreCheck | null {
  const candidates = Array.isArray(passing) ? passing.filter((p) => p && typeof p.itemId === 'string' && p.itemId !== state.itemId) : [];
  return checkAgainstScore(scoringOf(c), frozenFor(c, state).score, candidates.map((p) => ({ itemId: p.itemId, inputs: scoreInputsOf(p.inputs) })));
}

// ---------------------------------------------------------------------------------------------
// Decisions

function addItem(c: AddItem, state: ItemState): Out {
  if (state.status !== 'none') {
    throw new DomainError('ITEM.ALREADY_EXISTS', 'This item already exists.', { itemId: state.itemId });
  }
  const role = requireRole(c.actor, ITEM_ADDER_ROLES, 'add an item');
  const backlog = requireBacklog(c.backlog);
  if (role === 'stakeholder' && c.explicitPlacement) {
    throw new DomainError(
      'ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE',
      'A stakeholder requests an item; its place is decided by the product owner.',
      { role },
      'forbidden',
    );
  }
  const title = typeof c.title === 'string' ? c.title.trim() : '';
  if (title.length < 1 || title.length > TITLE_MAX) {
    throw invalid('ITEM.TITLE_REQUIRED', `title is required (1..${TITLE_MAX} characters).`, { field: 'title' });
  }
  if (!(ITEM_KINDS as readonly unknown[]).includes(c.itemKind)) {
    throw invalid('ITEM.INVALID_KIND', `kind must be one of ${ITEM_KINDS.join(', ')}.`, {
      field: 'kind',
      value: c.itemKind,
    });
  }
  const estimate = c.estimate === undefined || c.estimate === null ? null : requireEstimate(c.estimate);
  validateScoreInputs(c.scoreInputs);
  const objectiveId =
    c.objectiveId === undefined || c.objectiveId === null ? null : requireActiveObjective(backlog, c.objectiveId);
  const { rank, position } = placeBetween(c.placement);
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'item.added',
      schemaVersion: 2,
      data: {
        itemId: c.itemId,
        backlogId: backlog.backlogId,
        title,
        kind: c.itemKind as ItemKind,
        hypothesis: optionalText(c.hypothesis),
        objectiveId,
        estimate,
        requestedBy: role === 'stakeholder' ? c.actor.id : optionalText(c.requestedBy),
        rank,
        position,
        rationale,
      },
    },
  ];
}

function reprioritize(c: ReprioritizeItem, state: ItemState): Out {
  requireItemDecider(c.actor, 'reprioritize an item', c.kind);
  requireRanked(state);
  const trigger: ReprioritizationTrigger = c.trigger ?? 'routine';
  if (!(REPRIORITIZATION_TRIGGERS as readonly unknown[]).includes(trigger)) {
    throw invalid('ITEM.INVALID_TRIGGER', `trigger must be one of ${REPRIORITIZATION_TRIGGERS.join(', ')}.`, {
      field: 'trigger',
      value: trigger,
    });
  }
  if (trigger === 'escalation') {
    throw invalid('ITEM.TRIGGER_RESERVED', "Trigger 'escalation' is recorded by resolving an escalation as overturned.", {
      field: 'trigger',
    });
  }
  const fromPosition = requirePosition(c.fromPosition, 'fromPosition');
  if (c.move !== undefined && c.move !== null) {
    // A move off the ranking (ADR 0025): the ranking stays as it is, the event says what moved. It puts the item
    // above no item it was not above before, so it is judged against the score with none passed over (ADR 0033).
    const move = requireMove(c.move);
    validateScoreInputs(c.scoreInputs);
    const rationale = rationaleOf(c.rationale);
    const rank = state.rank ?? '';
    return [
      {
        type: 'item.reprioritized',
        schemaVersion: 2,
        data: {
          ...ids(state),
          fromRank: rank,
          toRank: rank,
          fromPosition,
          toPosition: fromPosition,
          trigger,
          escalationId: null,
          rationale,
          scoreCheck: scoreCheckFor(c, state, []),
          move,
        },
      },
    ];
  }
  const { rank, position } = placeBetween(c.placement);
  if (position === fromPosition) {
    throw new DomainError('ITEM.NO_CHANGE', 'The item is already at this position.', { position });
  }
  validateScoreInputs(c.scoreInputs);
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'item.reprioritized',
      schemaVersion: 2,
      data: {
        ...ids(state),
        fromRank: state.rank ?? '',
        toRank: rank,
        fromPosition,
        toPosition: position,
        trigger,
        escalationId: null,
        rationale,
        scoreCheck: scoreCheckFor(c, state, c.passing),
      },
    },
  ];
}

function moveLabel(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '' || text.length > MOVE_LABEL_MAX) {
    throw invalid('ITEM.INVALID_MOVE', `move.${field} must be a text of 1..${MOVE_LABEL_MAX} characters, or null.`, { field: `move.${field}` });
  }
  return text;
}

function moveLevel(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalid('ITEM.INVALID_MOVE', `move.${field} must be a level (integer ≥ 1, 1 = highest).`, { field: `move.${field}`, value });
  }
  return value;
}

/**
 * A move off the ranking. `rank` moves are always approximate (an exact move in the ranking is a placement);
 * `schedule` moves know their direction only; `priority` moves know their levels unless marked approximate, and
 * their direction must agree with them.
 */
function requireMove(m: ReprioritizationMove): ReprioritizationMove {
  if (typeof m !== 'object' || !(MOVE_SCALES as readonly unknown[]).includes(m.scale)) {
    throw invalid('ITEM.INVALID_MOVE', `move.scale must be one of ${MOVE_SCALES.join(', ')}.`, { field: 'move.scale' });
  }
  if (m.direction !== 'up' && m.direction !== 'down') {
    throw invalid('ITEM.INVALID_MOVE', "move.direction must be 'up' or 'down'.", { field: 'move.direction' });
  }
  if (typeof m.approximate !== 'boolean') {
    throw invalid('ITEM.INVALID_MOVE', 'move.approximate must be true or false.', { field: 'move.approximate' });
  }
  const from = moveLabel(m.from, 'from');
  const to = moveLabel(m.to, 'to');
  if (m.approximate) {
    if ((m.fromLevel ?? null) !== null || (m.toLevel ?? null) !== null) {
      throw invalid('ITEM.INVALID_MOVE', 'An approximate move knows its direction only: no levels.', { field: 'move.fromLevel' });
    }
    return { scale: m.scale, direction: m.direction, approximate: true, fromLevel: null, toLevel: null, from, to };
  }
  if (m.scale !== 'priority') {
    throw invalid('ITEM.INVALID_MOVE', `A move on the ${m.scale} scale is approximate (its positions are unknown).`, {
      field: 'move.approximate',
    });
  }
  const fromLevel = moveLevel(m.fromLevel, 'fromLevel');
  const toLevel = moveLevel(m.toLevel, 'toLevel');
  if (fromLevel === toLevel) throw new DomainError('ITEM.NO_CHANGE', 'The item already has this priority.', { level: toLevel });
  if ((toLevel < fromLevel ? 'up' : 'down') !== m.direction) {
    throw invalid('ITEM.INVALID_MOVE', `move.direction contradicts the levels (${fromLevel} → ${toLevel}).`, { field: 'move.direction' });
  }
  return { scale: 'priority', direction: m.direction, approximate: false, fromLevel, toLevel, from, to };
}

function escalate(c: EscalateDecision, state: ItemState): Out {
  requireRole(c.actor, ESCALATOR_ROLES, 'escalate a decision');
  const escalationId = typeof c.escalationId === 'string' ? c.escalationId : '';
  if (escalationId === '') throw invalid('ESCALATION.ID_REQUIRED', 'escalationId is required.', { field: 'escalationId' });
  if (Object.prototype.hasOwnProperty.call(state.escalations, escalationId)) {
    throw new DomainError('ESCALATION.ALREADY_EXISTS', 'An escalation with this id already exists.', { escalationId });
  }
  const target: DecisionRef | undefined = findDecision(state, c.againstEventId);
  if (!target) {
    throw new DomainError(
      'ESCALATION.TARGET_NOT_FOUND',
      'The challenged decision is not a decision on this item.',
      { againstEventId: c.againstEventId },
      'not-found',
    );
  }
  const open = Object.values(state.escalations).find(
    (e) => e.againstEventId === target.eventId && e.status === 'open',
  );
  if (open) {
    throw new DomainError('ESCALATION.ALREADY_OPEN', 'This decision is already under an open escalation.', {
      againstEventId: target.eventId,
      escalationId: open.escalationId,
    });
  }
  const reason = requireText(c.reason, 'reason', 'ESCALATION.REASON_REQUIRED');
  const wanted = requireText(c.wanted, 'wanted', 'ESCALATION.WANTED_REQUIRED');
  return [
    {
      type: 'item.escalated',
      schemaVersion: 2,
      data: {
        ...ids(state),
        escalationId,
        againstEventId: target.eventId,
        againstEventType: target.type,
        wanted,
        reason,
        addressedTo: optionalText(c.addressedTo),
      },
    },
  ];
}

function resolveEscalation(c: ResolveEscalation, state: ItemState): Out {
  requireItemDecider(c.actor, 'resolve an escalation', c.kind);
  const escalation: EscalationState | undefined = Object.prototype.hasOwnProperty.call(
    state.escalations,
    c.escalationId,
  )
    ? state.escalations[c.escalationId]
    : undefined;
  if (!escalation) {
    throw new DomainError(
      'ESCALATION.NOT_FOUND',
      'No such escalation on this item.',
      { escalationId: c.escalationId },
      'not-found',
    );
  }
  if (escalation.status !== 'open') {
    throw new DomainError('ESCALATION.ALREADY_RESOLVED', 'This escalation is already resolved.', {
      escalationId: escalation.escalationId,
      outcome: escalation.status,
    });
  }
  if (c.outcome !== 'upheld' && c.outcome !== 'overturned') {
    throw invalid('ESCALATION.INVALID_OUTCOME', "outcome must be 'upheld' or 'overturned'.", {
      field: 'outcome',
      value: c.outcome,
    });
  }
  const rationale = rationaleOf(c.rationale);
  const resolution: Decided<ItemEvent> = {
    type: 'item.escalation-resolved',
    schemaVersion: 2,
    data: {
      ...ids(state),
      escalationId: escalation.escalationId,
      againstEventId: escalation.againstEventId,
      outcome: c.outcome,
      rationale,
    },
    causedBy: escalation.eventId,
  };

  if (c.outcome === 'upheld') {
    if (c.placement !== undefined && c.placement !== null) {
      throw invalid('ESCALATION.UPHELD_CANNOT_CHANGE', 'An upheld decision stands: no placement may be given.', {
        field: 'placement',
      });
    }
    return [resolution];
  }

  // Overturned: the resolution, then the change it requires.
  if (state.status === 'delivered') throw notRankedError(state);
  if (c.placement === undefined || c.placement === null) {
    throw invalid('ESCALATION.CHANGE_REQUIRED', 'Overturning requires the placement the item goes to.', {
      field: 'placement',
    });
  }
  if (state.status === 'killed' || state.status === 'anti-backlog') {
    const { rank, position } = placeBetween(c.placement);
    return [
      resolution,
      {
        type: 'item.revived',
        schemaVersion: 2,
        data: {
          ...ids(state),
          rank,
          position,
          trigger: 'escalation',
          escalationId: escalation.escalationId,
          rationale,
        },
      },
    ];
  }
  requireRanked(state);
  const fromPosition = requirePosition(c.fromPosition, 'fromPosition');
  const { rank, position } = placeBetween(c.placement);
  if (position === fromPosition) {
    throw new DomainError('ITEM.NO_CHANGE', 'The item is already at this position.', { position });
  }
  return [
    resolution,
    {
      type: 'item.reprioritized',
      schemaVersion: 2,
      data: {
        ...ids(state),
        fromRank: state.rank ?? '',
        toRank: rank,
        fromPosition,
        toPosition: position,
        trigger: 'escalation',
        escalationId: escalation.escalationId,
        rationale,
        scoreCheck: scoreCheckFor(c, state, c.passing),
      },
    },
  ];
}

function kill(c: KillItem, state: ItemState): Out {
  requireItemDecider(c.actor, 'kill an item', c.kind);
  requireRanked(state);
  const reason = requireText(c.reason, 'reason', 'ITEM.KILL_REASON_REQUIRED');
  if (c.via !== 'owner' && c.via !== 'forum') {
    throw invalid('ITEM.INVALID_VIA', "via must be 'owner' or 'forum'.", { field: 'via', value: c.via });
  }
  const proposalId = optionalText(c.proposalId);
  if (c.via === 'forum' && proposalId === null) {
    throw invalid('ITEM.PROPOSAL_REQUIRED', 'A kill via the forum names its kill proposal.', { field: 'proposalId' });
  }
  const fromPosition = requirePosition(c.fromPosition, 'fromPosition');
  return [
    {
      type: 'item.killed',
      schemaVersion: 2,
      data: { ...ids(state), reason, decidedBy: c.actor.id, via: c.via, proposalId, fromPosition },
    },
  ];
}

function revive(c: ReviveItem, state: ItemState): Out {
  requireItemDecider(c.actor, 'revive an item', c.kind);
  if (state.status !== 'killed') {
    throw new DomainError(
      'ITEM.NOT_KILLED',
      state.status === 'anti-backlog'
        ? 'An item leaves the anti-backlog only through an overturned escalation.'
        : 'Only a killed item can be revived.',
      { status: state.status },
    );
  }
  const { rank, position } = placeBetween(c.placement);
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'item.revived',
      schemaVersion: 2,
      data: { ...ids(state), rank, position, trigger: 'decision', escalationId: null, rationale },
    },
  ];
}

/** A delivered item comes back: the delivery did not hold (ADR 0025). A killed item is revived instead. */
function reopen(c: ReopenItem, state: ItemState): Out {
  requireItemDecider(c.actor, 'reopen an item', c.kind);
  if (state.status !== 'delivered') {
    throw new DomainError(
      'ITEM.NOT_DELIVERED',
      state.status === 'killed'
        ? 'Only a delivered item is reopened; a killed item is revived.'
        : 'Only a delivered item can be reopened.',
      { status: state.status },
    );
  }
  const { rank, position } = placeBetween(c.placement);
  const rationale = rationaleOf(c.rationale);
  return [{ type: 'item.reopened', schemaVersion: 2, data: { ...ids(state), rank, position, rationale } }];
}

function moveToAntiBacklog(c: MoveToAntiBacklog, state: ItemState): Out {
  requireItemDecider(c.actor, 'move an item to the anti-backlog', c.kind);
  requireOpen(state);
  const reason = requireText(c.reason, 'reason', 'ITEM.ANTI_BACKLOG_REASON_REQUIRED');
  const fromPosition = requirePosition(c.fromPosition, 'fromPosition');
  return [{ type: 'item.moved-to-anti-backlog', schemaVersion: 2, data: { ...ids(state), reason, fromPosition } }];
}

/** A threshold for kill criteria, validated (ITEM.INVALID_THRESHOLD); its objective must be active. */
function requireThreshold(value: unknown, backlog: BacklogContext | undefined): KillThreshold | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalid('ITEM.INVALID_THRESHOLD', 'threshold must be { objectiveId, operator, value }.', { field: 'threshold' });
  }
  const t = value as Record<string, unknown>;
  if (!(THRESHOLD_OPERATORS as readonly unknown[]).includes(t.operator)) {
    throw invalid('ITEM.INVALID_THRESHOLD', `threshold.operator must be one of ${THRESHOLD_OPERATORS.join(', ')}.`, {
      field: 'threshold.operator',
      value: t.operator,
    });
  }
  if (typeof t.value !== 'number' || !Number.isFinite(t.value)) {
    throw invalid('ITEM.INVALID_THRESHOLD', 'threshold.value must be a number.', { field: 'threshold.value', value: t.value });
  }
  const objectiveId = requireActiveObjective(requireBacklog(backlog), t.objectiveId);
  return { objectiveId, operator: t.operator as ThresholdOperator, value: t.value };
}

function sameThreshold(a: KillThreshold | null, b: KillThreshold | null): boolean {
  return a === b || (!!a && !!b && a.objectiveId === b.objectiveId && a.operator === b.operator && a.value === b.value);
}

function setKillCriteria(c: SetKillCriteria, state: ItemState): Out {
  requireItemDecider(c.actor, 'set kill criteria', c.kind);
  requireRanked(state);
  const exitCondition = requireText(c.exitCondition, 'exitCondition', 'ITEM.EXIT_CONDITION_REQUIRED');
  if (!isIsoDate(c.reviewBy)) {
    throw invalid('ITEM.INVALID_DATE', 'reviewBy must be a date (YYYY-MM-DD).', { field: 'reviewBy', value: c.reviewBy });
  }
  if (!isIsoDate(c.today)) {
    throw invalid('ITEM.INVALID_DATE', 'today must be a date (YYYY-MM-DD).', { field: 'today', value: c.today });
  }
  if (c.reviewBy < c.today) {
    throw invalid('ITEM.REVIEW_DATE_IN_PAST', 'reviewBy may not lie in the past.', {
      field: 'reviewBy',
      reviewBy: c.reviewBy,
      today: c.today,
    });
  }
  const threshold = requireThreshold(c.threshold, c.backlog);
  const rationale = rationaleOf(c.rationale);
  const current = state.killCriteria;
  if (current?.exitCondition === exitCondition && current.reviewBy === c.reviewBy && sameThreshold(current.threshold, threshold)) {
    throw new DomainError('ITEM.NO_CHANGE', 'These kill criteria are already set.', {});
  }
  return [
    {
      type: 'item.kill-criteria-set',
      schemaVersion: 2,
      data: { ...ids(state), exitCondition, reviewBy: c.reviewBy, threshold, rationale },
    },
  ];
}

function estimate(c: EstimateItem, state: ItemState): Out {
  requireItemDecider(c.actor, 'estimate an item', c.kind);
  requireRanked(state);
  const hasEstimate = c.estimate !== undefined && c.estimate !== null;
  const hasInputs = c.scoreInputs !== undefined && c.scoreInputs !== null;
  if (!hasEstimate && !hasInputs) {
    throw invalid('ITEM.ESTIMATE_REQUIRED', 'Give an estimate, score inputs, or both.', { field: 'estimate' });
  }
  const value = hasEstimate ? requireEstimate(c.estimate) : state.estimate;
  const inputs = hasInputs ? applyScoreInputs(state.scoreInputs, validateScoreInputs(c.scoreInputs)) : state.scoreInputs;
  if (value === state.estimate && sameScoreInputs(inputs, state.scoreInputs)) {
    throw new DomainError(
      'ITEM.NO_CHANGE',
      hasInputs ? 'The item already has this estimate and these score inputs.' : 'The item already has this estimate.',
      { estimate: value },
    );
  }
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'item.estimated',
      schemaVersion: 2,
      data: { ...ids(state), estimate: value, previousEstimate: state.estimate, rationale },
    },
  ];
}

function linkToObjective(c: LinkToObjective, state: ItemState): Out {
  requireItemDecider(c.actor, 'link an item to an objective', c.kind);
  requireRanked(state);
  const objectiveId = requireActiveObjective(requireBacklog(c.backlog), c.objectiveId);
  if (objectiveId === state.objectiveId) {
    throw new DomainError('ITEM.NO_CHANGE', 'The item is already linked to this objective.', { objectiveId });
  }
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'item.linked-to-objective',
      schemaVersion: 2,
      data: { ...ids(state), objectiveId, previousObjectiveId: state.objectiveId, rationale },
    },
  ];
}

function start(c: StartItem, state: ItemState): Out {
  requireItemDecider(c.actor, 'start an item', c.kind);
  requireOpen(state);
  const rationale = rationaleOf(c.rationale);
  return [{ type: 'item.started', schemaVersion: 2, data: { ...ids(state), rationale } }];
}

function deliver(c: DeliverItem, state: ItemState): Out {
  requireItemDecider(c.actor, 'deliver an item', c.kind);
  requireRanked(state);
  const fromPosition = requirePosition(c.fromPosition, 'fromPosition');
  const rationale = rationaleOf(c.rationale);
  return [{ type: 'item.delivered', schemaVersion: 2, data: { ...ids(state), fromPosition, rationale } }];
}

function recordOutcome(c: RecordOutcome, state: ItemState): Out {
  requireItemDecider(c.actor, 'record an outcome', c.kind);
  // In progress too (ADR 0034): a running experiment is measured before delivery, which is what kill criteria check.
  if (state.status !== 'delivered' && state.status !== 'in-progress') {
    throw new DomainError('ITEM.NOT_DELIVERED', 'Outcomes are recorded for items in progress or delivered.', { status: state.status });
  }
  const backlog = requireBacklog(c.backlog);
  const known = Array.isArray(backlog.knownObjectiveIds) ? backlog.knownObjectiveIds : [];
  if (typeof c.objectiveId !== 'string' || !known.includes(c.objectiveId)) {
    throw new DomainError(
      'BACKLOG.OBJECTIVE_NOT_FOUND',
      'No such objective in this backlog.',
      { objectiveId: c.objectiveId },
      'not-found',
    );
  }
  const observedValue = optionalText(c.observedValue);
  if (observedValue === null) {
    throw invalid('ITEM.OBSERVED_VALUE_REQUIRED', 'observedValue is required.', { field: 'observedValue' });
  }
  if (typeof c.moved !== 'boolean') {
    throw invalid('ITEM.MOVED_REQUIRED', 'moved must be true or false.', { field: 'moved', value: c.moved });
  }
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'item.outcome-recorded',
      schemaVersion: 2,
      data: { ...ids(state), objectiveId: c.objectiveId, observedValue, moved: c.moved, rationale },
    },
  ];
}

/**
 * Every event of a decision freezes the score as the decider saw it (ADR 0033): the backlog's model now, the item's
 * inputs after the decision, and the resulting score (null without a model or with incomplete inputs).
 */
function decide(command: ItemCommand, state: ItemState): Out {
  const events = decideFacts(command, state);
  const scoring = frozenFor(command, state);
  return events.map((e) => ({ ...e, data: { ...e.data, scoring: { ...scoring, inputs: { ...scoring.inputs } } } }) as Decided<ItemEvent>);
}

function decideFacts(command: ItemCommand, state: ItemState): Out {
  if (command.kind === 'AddItem') return addItem(command, state);
  if (state.status === 'none') throw new DomainError('ITEM.NOT_FOUND', 'No such item.', {}, 'not-found');
  switch (command.kind) {
    case 'ReprioritizeItem':
      return reprioritize(command, state);
    case 'EscalateDecision':
      return escalate(command, state);
    case 'ResolveEscalation':
      return resolveEscalation(command, state);
    case 'KillItem':
      return kill(command, state);
    case 'ReviveItem':
      return revive(command, state);
    case 'ReopenItem':
      return reopen(command, state);
    case 'MoveToAntiBacklog':
      return moveToAntiBacklog(command, state);
    case 'SetKillCriteria':
      return setKillCriteria(command, state);
    case 'EstimateItem':
      return estimate(command, state);
    case 'LinkToObjective':
      return linkToObjective(command, state);
    case 'StartItem':
      return start(command, state);
    case 'DeliverItem':
      return deliver(command, state);
    case 'RecordOutcome':
      return recordOutcome(command, state);
    default:
      throw invalid('ITEM.UNKNOWN_COMMAND', 'Unknown item command.', { kind: (command as { kind?: unknown }).kind });
  }
}

// ---------------------------------------------------------------------------------------------
// Evolve: total and tolerant (unknown types leave the state unchanged; malformed data never throws).

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function withDecision(state: ItemState, id: string, type: string, from: unknown, to: unknown): ItemState {
  return {
    ...state,
    decisions: { head: { eventId: id, type, fromPosition: num(from), toPosition: num(to) }, rest: state.decisions },
    lastEventId: id,
  };
}

/**
 * Schema version 2 events freeze `scoring`: the item's inputs become the event's, and its last score is the event's.
 * Version 1 events carry none and leave both as they were (an item with only v1 events has no inputs, no score).
 */
function withScoring(state: ItemState, id: string, d: Record<string, unknown>): ItemState {
  const scoring = d.scoring;
  if (!scoring || typeof scoring !== 'object' || Array.isArray(scoring)) return state;
  const f = scoring as Record<string, unknown>;
  const inputs = scoreInputsOf(f.inputs);
  const model = typeof f.model === 'string' ? (f.model as FrozenScore['model']) : 'none';
  const score = typeof f.score === 'number' && Number.isFinite(f.score) ? f.score : null;
  return { ...state, scoreInputs: inputs, lastScore: { model, inputs, score, eventId: id } };
}

function evolve(state: ItemState, event: Evolvable<ItemEvent>): ItemState {
  if (!event || typeof event !== 'object') return state;
  const next = evolveFacts(state, event);
  if (next === state) return state;
  const id = typeof event.id === 'string' ? event.id : typeof event.id === 'number' ? String(event.id) : '';
  return withScoring(next, id, (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>);
}

function threshold(v: unknown): KillThreshold | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const t = v as Record<string, unknown>;
  if (typeof t.objectiveId !== 'string' || !(THRESHOLD_OPERATORS as readonly unknown[]).includes(t.operator) || typeof t.value !== 'number') return null;
  return { objectiveId: t.objectiveId, operator: t.operator as ThresholdOperator, value: t.value };
}

function evolveFacts(state: ItemState, event: Evolvable<ItemEvent>): ItemState {
  const id = typeof event.id === 'string' ? event.id : typeof event.id === 'number' ? String(event.id) : '';
  const d = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  const type = event.type;
  switch (type) {
    case 'item.added': {
      const kind = (ITEM_KINDS as readonly unknown[]).includes(d.kind) ? (d.kind as ItemKind) : null;
      const next: ItemState = {
        ...state,
        status: 'open',
        itemId: str(d.itemId) ?? state.itemId,
        backlogId: str(d.backlogId) ?? state.backlogId,
        title: str(d.title) ?? '',
        kind,
        hypothesis: str(d.hypothesis),
        objectiveId: str(d.objectiveId),
        estimate: num(d.estimate),
        requestedBy: str(d.requestedBy),
        rank: str(d.rank),
      };
      return withDecision(next, id, type, null, d.position);
    }
    case 'item.reprioritized':
      return withDecision({ ...state, rank: str(d.toRank) ?? state.rank }, id, type, d.fromPosition, d.toPosition);
    case 'item.escalated': {
      const escalationId = str(d.escalationId);
      if (escalationId === null) return { ...state, lastEventId: id };
      const escalation: EscalationState = {
        escalationId,
        eventId: id,
        againstEventId: str(d.againstEventId) ?? '',
        againstEventType: str(d.againstEventType) ?? '',
        raisedBy: null,
        wanted: str(d.wanted) ?? '',
        reason: str(d.reason) ?? '',
        addressedTo: str(d.addressedTo),
        status: 'open',
        resolutionEventId: null,
      };
      return { ...state, escalations: { ...state.escalations, [escalationId]: escalation }, lastEventId: id };
    }
    case 'item.escalation-resolved': {
      const escalationId = str(d.escalationId);
      const existing =
        escalationId !== null && Object.prototype.hasOwnProperty.call(state.escalations, escalationId)
          ? state.escalations[escalationId]
          : undefined;
      if (!existing || (d.outcome !== 'upheld' && d.outcome !== 'overturned')) return { ...state, lastEventId: id };
      return {
        ...state,
        escalations: {
          ...state.escalations,
          [existing.escalationId]: { ...existing, status: d.outcome, resolutionEventId: id },
        },
        lastEventId: id,
      };
    }
    case 'item.killed': {
      const via = d.via === 'forum' ? 'forum' : 'owner';
      const next: ItemState = {
        ...state,
        status: 'killed',
        rank: null,
        kill: { reason: str(d.reason) ?? '', via, proposalId: str(d.proposalId), decidedBy: str(d.decidedBy) ?? '' },
      };
      return withDecision(next, id, type, d.fromPosition, null);
    }
    case 'item.revived':
      return withDecision(
        { ...state, status: 'open', rank: str(d.rank), kill: null, antiBacklogReason: null },
        id,
        type,
        null,
        d.position,
      );
    case 'item.reopened':
      return withDecision({ ...state, status: 'open', rank: str(d.rank) }, id, type, null, d.position);
    case 'item.moved-to-anti-backlog':
      return withDecision(
        { ...state, status: 'anti-backlog', rank: null, antiBacklogReason: str(d.reason) ?? '' },
        id,
        type,
        d.fromPosition,
        null,
      );
    case 'item.kill-criteria-set':
      return withDecision(
        {
          ...state,
          killCriteria: { exitCondition: str(d.exitCondition) ?? '', reviewBy: str(d.reviewBy) ?? '', threshold: threshold(d.threshold), eventId: id },
        },
        id,
        type,
        null,
        null,
      );
    case 'item.estimated':
      return withDecision({ ...state, estimate: num(d.estimate) }, id, type, null, null);
    case 'item.linked-to-objective':
      return withDecision({ ...state, objectiveId: str(d.objectiveId) ?? state.objectiveId }, id, type, null, null);
    case 'item.started':
      return withDecision({ ...state, status: 'in-progress' }, id, type, null, null);
    case 'item.delivered':
      return withDecision({ ...state, status: 'delivered', rank: null }, id, type, d.fromPosition, null);
    case 'item.outcome-recorded': {
      const outcome = { objectiveId: str(d.objectiveId) ?? '', observedValue: str(d.observedValue) ?? '', moved: d.moved === true, eventId: id };
      return withDecision({ ...state, outcomes: [...state.outcomes, outcome] }, id, type, null, null);
    }
    default:
      return state;
  }
}

export const itemDecider: Decider<ItemCommand, ItemState, ItemEvent> = {
  decide,
  evolve,
  initialState: initialItemState,
};
