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
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
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
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
    fromRank: string;
    toRank: string;
    fromPosition: number;
    toPosition: number;
    trigger: ReprioritizationTrigger;
    /** Set when the move is the change that an overturned escalation required. */
    escalationId: string | null;
    rationale: string;
    /**
     * Present when the move is not a move in the ranking (ADR 0025): the ranking is left as it is (fromRank =
     * toRank, fromPosition = toPosition = the item's position) and this says what moved.
     */
    move?: ReprioritizationMove;
  };
};

export type ItemEscalated = {
  type: 'item.escalated';
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
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
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
    escalationId: string;
    againstEventId: string;
    outcome: 'upheld' | 'overturned';
    rationale: string;
  };
};

export type ItemKilled = {
  type: 'item.killed';
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
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
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
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
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
    rank: string;
    position: number;
    rationale: string;
  };
};

export type ItemMovedToAntiBacklog = {
  type: 'item.moved-to-anti-backlog';
  schemaVersion: 1;
  data: { itemId: string; backlogId: string; reason: string; fromPosition: number };
};

export type KillCriteriaSet = {
  type: 'item.kill-criteria-set';
  schemaVersion: 1;
  /** reviewBy: ISO date (YYYY-MM-DD). */
  data: { itemId: string; backlogId: string; exitCondition: string; reviewBy: string; rationale: string };
};

export type ItemEstimated = {
  type: 'item.estimated';
  schemaVersion: 1;
  data: { itemId: string; backlogId: string; estimate: number; previousEstimate: number | null; rationale: string };
};

export type ItemLinkedToObjective = {
  type: 'item.linked-to-objective';
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
    objectiveId: string;
    previousObjectiveId: string | null;
    rationale: string;
  };
};

export type ItemStarted = {
  type: 'item.started';
  schemaVersion: 1;
  data: { itemId: string; backlogId: string; rationale: string };
};

export type ItemDelivered = {
  type: 'item.delivered';
  schemaVersion: 1;
  data: { itemId: string; backlogId: string; fromPosition: number; rationale: string };
};

export type OutcomeRecorded = {
  type: 'item.outcome-recorded';
  schemaVersion: 1;
  data: {
    itemId: string;
    backlogId: string;
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
