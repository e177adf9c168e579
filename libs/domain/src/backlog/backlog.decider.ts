import { DomainError, type Actor } from '@ledger/kernel';
import type { Decider, Decided, Evolvable } from '../decider';
import { DECIDER_ROLES, requireRole } from '../decision-rights';
import { isIsoDate } from '../dates';
import { DEFAULT_POLICY, type BacklogPolicy } from '../policy';
import { optionalText, requireText } from '../rationale';
import { SCORING_MODELS, isScoringModel } from '../scoring';
import type {
  AddObjective,
  BacklogCommand,
  ChangePolicy,
  ChangeProductGoal,
  CreateBacklog,
  RecordSprintVelocity,
  RetireObjective,
} from './backlog.commands';
import type { BacklogEvent } from './backlog.events';
import { initialBacklogState, type BacklogState, type SprintVelocity } from './backlog.state';

const NAME_MAX = 120;
const OBJECTIVE_TITLE_MAX = 200;
const SPRINT_LABEL_MAX = 60;
const MAX_VELOCITY = 10_000;

/** Sane bounds for every policy number (all positive integers). */
const POLICY_BOUNDS = {
  zombieAfterDays: [1, 3650],
  staleAfterDays: [1, 3650],
  reversalWindowDays: [1, 3650],
  reviewCadenceDays: [1, 365],
  'healthySprints.min': [1, 52],
  'healthySprints.max': [1, 52],
  outcomeDueDays: [1, 3650],
} as const;

/** scoreMargin is a share (0.2 = 20 %): any finite number in [0, 10]. */
const SCORE_MARGIN_MAX = 10;

function invalid(code: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, details, 'validation');
}

function rationaleOf(value: unknown): string {
  return requireText(value, 'rationale', 'DECISION.RATIONALE_REQUIRED');
}

function productGoalOf(value: unknown): string {
  return requireText(value, 'productGoal', 'BACKLOG.PRODUCT_GOAL_REQUIRED');
}

function copyPolicy(p: BacklogPolicy): BacklogPolicy {
  return { ...p, healthySprints: { ...p.healthySprints } };
}

/** Overlays the known keys of `partial` on `base` and validates the result (BACKLOG.INVALID_POLICY). */
function resolvePolicy(base: BacklogPolicy, partial: unknown): BacklogPolicy {
  if (partial === undefined || partial === null) return copyPolicy(base);
  if (typeof partial !== 'object' || Array.isArray(partial)) {
    throw invalid('BACKLOG.INVALID_POLICY', 'policy must be an object.', { field: 'policy' });
  }
  const p = partial as Record<string, unknown>;
  const hs = p.healthySprints;
  if (hs !== undefined && (hs === null || typeof hs !== 'object' || Array.isArray(hs))) {
    throw invalid('BACKLOG.INVALID_POLICY', 'healthySprints must be { min, max }.', { field: 'healthySprints' });
  }
  const hsp = (hs ?? {}) as Record<string, unknown>;
  const pick = (v: unknown, fallback: number): unknown => (v === undefined ? fallback : v);
  const merged = {
    zombieAfterDays: pick(p.zombieAfterDays, base.zombieAfterDays),
    staleAfterDays: pick(p.staleAfterDays, base.staleAfterDays),
    reversalWindowDays: pick(p.reversalWindowDays, base.reversalWindowDays),
    reviewCadenceDays: pick(p.reviewCadenceDays, base.reviewCadenceDays),
    'healthySprints.min': pick(hsp.min, base.healthySprints.min),
    'healthySprints.max': pick(hsp.max, base.healthySprints.max),
    outcomeDueDays: pick(p.outcomeDueDays, base.outcomeDueDays),
  };
  for (const [field, [min, max]] of Object.entries(POLICY_BOUNDS)) {
    const value = merged[field as keyof typeof merged];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw invalid('BACKLOG.INVALID_POLICY', `${field} must be an integer between ${min} and ${max}.`, {
        field,
        value,
        min,
        max,
      });
    }
  }
  const scoringModel = p.scoringModel === undefined ? base.scoringModel : p.scoringModel;
  if (!isScoringModel(scoringModel)) {
    throw invalid('BACKLOG.INVALID_POLICY', `scoringModel must be one of ${SCORING_MODELS.join(', ')}.`, {
      field: 'scoringModel',
      value: scoringModel,
    });
  }
  const scoreMargin = p.scoreMargin === undefined ? base.scoreMargin : p.scoreMargin;
  if (typeof scoreMargin !== 'number' || !Number.isFinite(scoreMargin) || scoreMargin < 0 || scoreMargin > SCORE_MARGIN_MAX) {
    throw invalid('BACKLOG.INVALID_POLICY', `scoreMargin must be a share between 0 and ${SCORE_MARGIN_MAX} (0.2 = 20 %).`, {
      field: 'scoreMargin',
      value: scoreMargin,
      min: 0,
      max: SCORE_MARGIN_MAX,
    });
  }
  const policy: BacklogPolicy = {
    zombieAfterDays: merged.zombieAfterDays as number,
    staleAfterDays: merged.staleAfterDays as number,
    reversalWindowDays: merged.reversalWindowDays as number,
    healthySprints: { min: merged['healthySprints.min'] as number, max: merged['healthySprints.max'] as number },
    reviewCadenceDays: merged.reviewCadenceDays as number,
    scoringModel,
    scoreMargin,
    outcomeDueDays: merged.outcomeDueDays as number,
  };
  if (policy.healthySprints.min > policy.healthySprints.max) {
    throw invalid('BACKLOG.INVALID_POLICY', 'healthySprints.min must not exceed healthySprints.max.', {
      field: 'healthySprints',
      value: policy.healthySprints,
    });
  }
  return policy;
}

function samePolicy(a: BacklogPolicy, b: BacklogPolicy): boolean {
  return (
    a.zombieAfterDays === b.zombieAfterDays &&
    a.staleAfterDays === b.staleAfterDays &&
    a.reversalWindowDays === b.reversalWindowDays &&
    a.reviewCadenceDays === b.reviewCadenceDays &&
    a.healthySprints.min === b.healthySprints.min &&
    a.healthySprints.max === b.healthySprints.max &&
    a.scoringModel === b.scoringModel &&
    a.scoreMargin === b.scoreMargin &&
    a.outcomeDueDays === b.outcomeDueDays
  );
}

function create(c: CreateBacklog, state: BacklogState): Decided<BacklogEvent>[] {
  if (state.exists) {
    throw new DomainError('BACKLOG.ALREADY_EXISTS', 'This backlog already exists.', { backlogId: state.backlogId });
  }
  requireRole(c.actor, DECIDER_ROLES, 'create a backlog');
  const name = typeof c.name === 'string' ? c.name.trim() : '';
  if (name.length < 1 || name.length > NAME_MAX) {
    throw invalid('BACKLOG.NAME_REQUIRED', `name is required (1..${NAME_MAX} characters).`, { field: 'name' });
  }
  const productGoal = productGoalOf(c.productGoal);
  const policy = resolvePolicy(DEFAULT_POLICY, c.policy);
  const rationale = optionalText(c.rationale) === null ? productGoal : rationaleOf(c.rationale);
  return [
    {
      type: 'backlog.created',
      schemaVersion: 2,
      data: { backlogId: c.backlogId, name, productGoal, policy, rationale },
    },
  ];
}

function changeProductGoal(c: ChangeProductGoal, state: BacklogState, backlogId: string): Decided<BacklogEvent>[] {
  const productGoal = productGoalOf(c.productGoal);
  const rationale = rationaleOf(c.rationale);
  if (productGoal === state.productGoal) {
    throw new DomainError('BACKLOG.NO_CHANGE', 'The product goal is already this text.', { field: 'productGoal' });
  }
  return [
    {
      type: 'backlog.product-goal-changed',
      schemaVersion: 1,
      data: { backlogId, productGoal, previousProductGoal: state.productGoal, rationale },
    },
  ];
}

function addObjective(c: AddObjective, state: BacklogState, backlogId: string): Decided<BacklogEvent>[] {
  const objectiveId = typeof c.objectiveId === 'string' ? c.objectiveId.trim() : '';
  if (objectiveId === '') {
    throw invalid('BACKLOG.OBJECTIVE_ID_REQUIRED', 'objectiveId is required.', { field: 'objectiveId' });
  }
  if (Object.prototype.hasOwnProperty.call(state.objectives, objectiveId)) {
    throw new DomainError('BACKLOG.OBJECTIVE_ALREADY_EXISTS', 'An objective with this id already exists.', {
      objectiveId,
    });
  }
  const title = typeof c.title === 'string' ? c.title.trim() : '';
  if (title.length < 1 || title.length > OBJECTIVE_TITLE_MAX) {
    throw invalid('BACKLOG.OBJECTIVE_TITLE_REQUIRED', `title is required (1..${OBJECTIVE_TITLE_MAX} characters).`, {
      field: 'title',
    });
  }
  const metric = optionalText(c.metric);
  if (metric === null) {
    throw invalid('BACKLOG.OBJECTIVE_METRIC_REQUIRED', 'An objective needs a metric.', { field: 'metric' });
  }
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'backlog.objective-added',
      schemaVersion: 1,
      data: { backlogId, objectiveId, title, metric, target: optionalText(c.target), rationale },
    },
  ];
}

function retireObjective(c: RetireObjective, state: BacklogState, backlogId: string): Decided<BacklogEvent>[] {
  const objective = Object.prototype.hasOwnProperty.call(state.objectives, c.objectiveId)
    ? state.objectives[c.objectiveId]
    : undefined;
  if (!objective) {
    throw new DomainError(
      'BACKLOG.OBJECTIVE_NOT_FOUND',
      'No such objective in this backlog.',
      { objectiveId: c.objectiveId },
      'not-found',
    );
  }
  if (objective.retired) {
    throw new DomainError('BACKLOG.OBJECTIVE_ALREADY_RETIRED', 'This objective is already retired.', {
      objectiveId: c.objectiveId,
    });
  }
  const rationale = rationaleOf(c.rationale);
  return [
    { type: 'backlog.objective-retired', schemaVersion: 1, data: { backlogId, objectiveId: c.objectiveId, rationale } },
  ];
}

function recordSprintVelocity(
  c: RecordSprintVelocity,
  state: BacklogState,
  backlogId: string,
): Decided<BacklogEvent>[] {
  const sprint = typeof c.sprint === 'string' ? c.sprint.trim() : '';
  if (sprint.length < 1 || sprint.length > SPRINT_LABEL_MAX) {
    throw invalid('BACKLOG.SPRINT_REQUIRED', `sprint label is required (1..${SPRINT_LABEL_MAX} characters).`, {
      field: 'sprint',
    });
  }
  if (!isIsoDate(c.endedOn)) {
    throw invalid('BACKLOG.INVALID_DATE', 'endedOn must be a date (YYYY-MM-DD).', {
      field: 'endedOn',
      value: c.endedOn,
    });
  }
  if (typeof c.points !== 'number' || !Number.isFinite(c.points) || c.points < 0 || c.points > MAX_VELOCITY) {
    throw invalid('BACKLOG.INVALID_VELOCITY', `points must be a number between 0 and ${MAX_VELOCITY}.`, {
      field: 'points',
      value: c.points,
    });
  }
  if (state.velocities.some((v) => v.sprint === sprint)) {
    throw new DomainError('BACKLOG.SPRINT_ALREADY_RECORDED', 'A velocity is already recorded for this sprint.', {
      sprint,
    });
  }
  const rationale = rationaleOf(c.rationale);
  return [
    {
      type: 'backlog.sprint-velocity-recorded',
      schemaVersion: 1,
      data: { backlogId, sprint, endedOn: c.endedOn, points: c.points, rationale },
    },
  ];
}

function changePolicy(c: ChangePolicy, state: BacklogState, backlogId: string): Decided<BacklogEvent>[] {
  if (c.policy === undefined || c.policy === null) {
    throw invalid('BACKLOG.INVALID_POLICY', 'policy is required.', { field: 'policy' });
  }
  const policy = resolvePolicy(state.policy, c.policy);
  const rationale = rationaleOf(c.rationale);
  if (samePolicy(policy, state.policy)) {
    throw new DomainError('BACKLOG.NO_CHANGE', 'The policy already has these values.', { field: 'policy' });
  }
  return [
    {
      type: 'backlog.policy-changed',
      schemaVersion: 2,
      data: { backlogId, policy, previousPolicy: copyPolicy(state.policy), rationale },
    },
  ];
}

function decide(command: BacklogCommand, state: BacklogState): Decided<BacklogEvent>[] {
  if (command.kind === 'CreateBacklog') return create(command, state);
  if (!state.exists || state.backlogId === null) {
    throw new DomainError('BACKLOG.NOT_FOUND', 'No such backlog.', {}, 'not-found');
  }
  const backlogId = state.backlogId;
  requireRole(command.actor as Actor, DECIDER_ROLES, 'decide on a backlog');
  switch (command.kind) {
    case 'ChangeProductGoal':
      return changeProductGoal(command, state, backlogId);
    case 'AddObjective':
      return addObjective(command, state, backlogId);
    case 'RetireObjective':
      return retireObjective(command, state, backlogId);
    case 'RecordSprintVelocity':
      return recordSprintVelocity(command, state, backlogId);
    case 'ChangePolicy':
      return changePolicy(command, state, backlogId);
    default:
      throw invalid('BACKLOG.UNKNOWN_COMMAND', 'Unknown backlog command.', {
        kind: (command as { kind?: unknown }).kind,
      });
  }
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function isPolicy(v: unknown): v is BacklogPolicy {
  const p = v as BacklogPolicy | null;
  return (
    !!p &&
    typeof p === 'object' &&
    typeof p.zombieAfterDays === 'number' &&
    typeof p.staleAfterDays === 'number' &&
    typeof p.reversalWindowDays === 'number' &&
    typeof p.reviewCadenceDays === 'number' &&
    !!p.healthySprints &&
    typeof p.healthySprints.min === 'number' &&
    typeof p.healthySprints.max === 'number'
  );
}

/**
 * The policy an event records. Schema version 1 predates the decision-quality fields (scoringModel, scoreMargin,
 * outcomeDueDays): they take their defaults, so an old backlog scores nothing and keeps the default due days.
 */
function policyOf(v: BacklogPolicy): BacklogPolicy {
  const p = v as Partial<BacklogPolicy>;
  return {
    ...copyPolicy(v),
    scoringModel: isScoringModel(p.scoringModel) ? p.scoringModel : DEFAULT_POLICY.scoringModel,
    scoreMargin: typeof p.scoreMargin === 'number' && Number.isFinite(p.scoreMargin) ? p.scoreMargin : DEFAULT_POLICY.scoreMargin,
    outcomeDueDays: typeof p.outcomeDueDays === 'number' && Number.isFinite(p.outcomeDueDays) ? p.outcomeDueDays : DEFAULT_POLICY.outcomeDueDays,
  };
}

function insertVelocity(list: SprintVelocity[], v: SprintVelocity): SprintVelocity[] {
  const next = list.filter((x) => x.sprint !== v.sprint);
  let i = next.length;
  while (i > 0 && next[i - 1].endedOn > v.endedOn) i -= 1;
  next.splice(i, 0, v);
  return next;
}

/** Total and tolerant: unknown or malformed events leave the state unchanged; never throws. */
function evolve(state: BacklogState, event: Evolvable<BacklogEvent>): BacklogState {
  if (!event || typeof event !== 'object') return state;
  const d = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  switch (event.type) {
    case 'backlog.created':
      return {
        ...state,
        exists: true,
        backlogId: str(d.backlogId, state.backlogId ?? ''),
        name: str(d.name, state.name),
        productGoal: str(d.productGoal, state.productGoal),
        policy: isPolicy(d.policy) ? policyOf(d.policy) : state.policy,
      };
    case 'backlog.product-goal-changed':
      return { ...state, productGoal: str(d.productGoal, state.productGoal) };
    case 'backlog.objective-added': {
      if (typeof d.objectiveId !== 'string') return state;
      return {
        ...state,
        objectives: {
          ...state.objectives,
          [d.objectiveId]: {
            objectiveId: d.objectiveId,
            title: str(d.title, ''),
            metric: str(d.metric, ''),
            target: typeof d.target === 'string' ? d.target : null,
            retired: false,
          },
        },
      };
    }
    case 'backlog.objective-retired': {
      const id = d.objectiveId;
      if (typeof id !== 'string' || !Object.prototype.hasOwnProperty.call(state.objectives, id)) return state;
      return { ...state, objectives: { ...state.objectives, [id]: { ...state.objectives[id], retired: true } } };
    }
    case 'backlog.sprint-velocity-recorded': {
      if (typeof d.sprint !== 'string' || typeof d.points !== 'number') return state;
      const v: SprintVelocity = { sprint: d.sprint, endedOn: str(d.endedOn, ''), points: d.points };
      return { ...state, velocities: insertVelocity(state.velocities, v) };
    }
    case 'backlog.policy-changed':
      return isPolicy(d.policy) ? { ...state, policy: policyOf(d.policy) } : state;
    default:
      return state;
  }
}

export const backlogDecider: Decider<BacklogCommand, BacklogState, BacklogEvent> = {
  decide,
  evolve,
  initialState: initialBacklogState,
};
