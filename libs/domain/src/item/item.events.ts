import type { FrozenScore, ScoreCheck } from '../scoring';

/** Stable wire names: never rename; add a new schemaVersion instead. */
export const ItemEventType = {
  Added: 'item.added',
  Reprioritized: 'item.reprioritized',
  Escalated: 'item.escalated',
  EscalationResolved: 'item.escalation-resolved',
  Killed: 'item.killed',
  Revived: 'item.revived',
  Reopened: 'item.reopened',
  MovedToAntiBacklog: 'item.moved-to-anti-backlog',
  KillCriteriaSet: 'item.kill-criteria-set',
  Estimated: 'item.estimated',
  LinkedToObjective: 'item.linked-to-objective',
  Started: 'item.started',
  Delivered: 'item.delivered',
  OutcomeRecorded: 'item.outcome-recorded',
} as const;

export const ITEM_KINDS = ['story', 'bug', 'tech', 'initiative', 'hypothesis'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const REPRIORITIZATION_TRIGGERS = [
  'routine',
  'stakeholder-request',
  'escalation',
  'review',
  'new-evidence',
] as const;
export type ReprioritizationTrigger = (typeof REPRIORITIZATION_TRIGGERS)[number];

/**
 * Schema version 2 (decision quality, ADR 0033): every item event freezes `scoring` — the backlog's scoring model,
 * the item's score inputs after the decision and the resulting score, as the decider saw them. Version 1 events
 * have no `scoring` (evolve leaves the item's inputs as they were: none, for an item that only has v1 events).
 * Further additions of version 2: `item.reprioritized.scoreCheck`, `item.kill-criteria-set.threshold`, and
 * `item.estimated.estimate` may be null (only score inputs changed). `item.reopened` and `item.reprioritized.move`
 * (ADR 0025) exist in both versions: written as version 1 before scores were frozen, as version 2 since.
 */
export type ItemSchemaVersion = 1 | 2;

/** Comparison of a kill-criteria threshold (`observed <operator> value`). */
export const THRESHOLD_OPERATORS = ['<', '<=', '>', '>='] as const;
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number];

/** A self-checking exit condition: kill when an outcome on `objectiveId` observes a value `operator value` (ADR 0034). */
export interface KillThreshold {
  objectiveId: string;
  operator: ThresholdOperator;
  value: number;
}

/**
 * The scales a reprioritization can move an item on (ADR 0025). `rank`: the backlog's ranking; `priority`: an
 * ordinal priority scale (level 1 = highest, e.g. Jira's Highest … Lowest); `schedule`: sprints and releases
 * (down = later, a deferral).
 */
export const MOVE_SCALES = ['rank', 'priority', 'schedule'] as const;
export type MoveScale = (typeof MOVE_SCALES)[number];

/**
 * A move whose place in the ranking the source did not record (imported tracker history): on which scale, which
 * way, and — when known — between which levels. An approximate move knows its direction only, so no reversal is
 * inferred from it (docs/metrics-reversals.md, rule 3).
 */
export interface ReprioritizationMove {
  scale: MoveScale;
  /** up = higher priority / earlier; down = lower priority / later (a deferral). */
  direction: 'up' | 'down';
  /** Only the direction is known (Jira's "Ranked higher", a sprint pushed later): levels are null. */
  approximate: boolean;
  /** priority: the levels on the scale, 1 = highest; null when approximate. */
  fromLevel: number | null;
  toLevel: number | null;
  /** What the source called the two ends ("Medium" → "High", "Sprint 3" → "Sprint 4"); null when unknown. */
  from: string | null;
  to: string | null;
}

export type ItemAdded = {
  type: 'item.added';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    title: string;
    kind: ItemKind;
    hypothesis: string | null;
    objectiveId: string | null;
    estimate: number | null;
    requestedBy: string | null;
    rank: string;
    /** 1-based position among ranked items right after the add, as the decider saw it. */
    position: number;
    rationale: string;
  };
};

export type ItemReprioritized = {
  type: 'item.reprioritized';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    fromRank: string;
    toRank: string;
    fromPosition: number;
    toPosition: number;
    trigger: ReprioritizationTrigger;
    /** Set when the move is the change that an overturned escalation required. */
    escalationId: string | null;
    rationale: string;
    /**
     * v2: the open items this move put the item above that it was not above before, whose score exceeded the item's
     * by more than the policy's margin at the decision's time; null when the item had no score (ADR 0033). A move
     * off the ranking (`move`) puts the item above no item it was not above: judged with none passed over.
     */
    scoreCheck?: ScoreCheck | null;
    /**
     * Present when the move is not a move in the ranking (ADR 0025): the ranking is left as it is (fromRank =
     * toRank, fromPosition = toPosition = the item's position) and this says what moved.
     */
    move?: ReprioritizationMove;
  };
};

export type ItemEscalated = {
  type: 'item.escalated';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    escalationId: string;
    /** The decision (event id, same item stream) being challenged. */
    againstEventId: string;
    againstEventType: string;
    wanted: string;
    reason: string;
    /** Whom the escalation goes to (a person or a body), when named. */
    addressedTo: string | null;
  };
};

export type EscalationResolved = {
  type: 'item.escalation-resolved';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    escalationId: string;
    againstEventId: string;
    outcome: 'upheld' | 'overturned';
    rationale: string;
  };
};

export type ItemKilled = {
  type: 'item.killed';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    reason: string;
    decidedBy: string;
    via: 'owner' | 'forum';
    proposalId: string | null;
    /** Position the item held when it left the ranking. */
    fromPosition: number;
  };
};

export type ItemRevived = {
  type: 'item.revived';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    rank: string;
    position: number;
    trigger: 'decision' | 'escalation';
    escalationId: string | null;
    rationale: string;
  };
};

/** A delivered item back in the ranking: the delivery did not hold (ADR 0025). Not a revival, not a reversal. */
export type ItemReopened = {
  type: 'item.reopened';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    rank: string;
    position: number;
    rationale: string;
  };
};

export type ItemMovedToAntiBacklog = {
  type: 'item.moved-to-anti-backlog';
  schemaVersion: ItemSchemaVersion;
  data: { itemId: string; backlogId: string; reason: string; fromPosition: number; scoring?: FrozenScore };
};

export type KillCriteriaSet = {
  type: 'item.kill-criteria-set';
  schemaVersion: ItemSchemaVersion;
  /** reviewBy: ISO date (YYYY-MM-DD); with a threshold it is the date by which the threshold is checked. */
  data: {
    itemId: string;
    backlogId: string;
    exitCondition: string;
    reviewBy: string;
    /** v2: the machine-checked form of the exit condition, or null (absent in v1 events). */
    threshold?: KillThreshold | null;
    rationale: string;
    scoring?: FrozenScore;
  };
};

export type ItemEstimated = {
  type: 'item.estimated';
  schemaVersion: ItemSchemaVersion;
  /** v2: estimate is null when the item has none and only its score inputs changed. */
  data: { itemId: string; backlogId: string; estimate: number | null; previousEstimate: number | null; rationale: string; scoring?: FrozenScore };
};

export type ItemLinkedToObjective = {
  type: 'item.linked-to-objective';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    objectiveId: string;
    previousObjectiveId: string | null;
    rationale: string;
  };
};

export type ItemStarted = {
  type: 'item.started';
  schemaVersion: ItemSchemaVersion;
  data: { itemId: string; backlogId: string; rationale: string; scoring?: FrozenScore };
};

export type ItemDelivered = {
  type: 'item.delivered';
  schemaVersion: ItemSchemaVersion;
  data: { itemId: string; backlogId: string; fromPosition: number; rationale: string; scoring?: FrozenScore };
};

export type OutcomeRecorded = {
  type: 'item.outcome-recorded';
  schemaVersion: ItemSchemaVersion;
  data: {
    itemId: string;
    backlogId: string;
    /** v2: the score as the decider saw it (absent in v1 events). */
    scoring?: FrozenScore;
    objectiveId: string;
    observedValue: string;
    moved: boolean;
    rationale: string;
  };
};

export type ItemEvent =
  | ItemAdded
  | ItemReprioritized
  | ItemEscalated
  | EscalationResolved
  | ItemKilled
  | ItemRevived
  | ItemReopened
  | ItemMovedToAntiBacklog
  | KillCriteriaSet
  | ItemEstimated
  | ItemLinkedToObjective
  | ItemStarted
  | ItemDelivered
  | OutcomeRecorded;
