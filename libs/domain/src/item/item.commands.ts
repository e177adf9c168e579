import type { Actor } from '@ledger/kernel';
import type { PassedCandidate, ScoreInputName, ScoringPolicy } from '../scoring';
import type { ItemKind, ReprioritizationMove, ReprioritizationTrigger, ThresholdOperator } from './item.events';

/** A patch to the item's score inputs: a number sets one, null removes it, an absent name leaves it. */
export type ScoreInputsPatch = Partial<Record<ScoreInputName, number | null>>;

/**
 * Where an item goes in the ranking, resolved by the application layer from the ranked view
 * (`toPosition` or `before`/`after` another item) into the neighbours' rank keys. The decider
 * computes the new key between them and records `position` as the position it sees.
 */
export interface Placement {
  /** Rank key of the item that will be directly above (null = top). */
  above: string | null;
  /** Rank key of the item that will be directly below (null = bottom). */
  below: string | null;
  /** 1-based position the item will have after the move. */
  position: number;
}

/** Facts about the backlog the item belongs to, loaded by the application layer. */
export interface BacklogContext {
  backlogId: string;
  exists: boolean;
  /** Objective ids that exist and are not retired. */
  activeObjectiveIds: string[];
  /** Objective ids that ever existed (retired included). */
  knownObjectiveIds: string[];
  /** The backlog's scoring model and margin now (absent: no scoring). */
  scoring?: ScoringPolicy;
}

interface Base {
  actor: Actor;
  /**
   * The backlog's scoring rules now, loaded by the application layer for every decision on the item; the decider
   * freezes the item's score with them into each event (absent: the backlog context's, else no scoring).
   */
  scoring?: ScoringPolicy;
}

export type AddItem = Base & {
  kind: 'AddItem';
  itemId: string;
  backlog: BacklogContext;
  title: string;
  itemKind: ItemKind;
  hypothesis?: string;
  objectiveId?: string;
  estimate?: number;
  requestedBy?: string;
  scoreInputs?: ScoreInputsPatch;
  /** True when the request named a position (stakeholders may not). */
  explicitPlacement: boolean;
  placement: Placement;
  rationale: string;
};

export type ReprioritizeItem = Base & {
  kind: 'ReprioritizeItem';
  /** Current position as the ranked view shows it. */
  fromPosition: number;
  /** Where the item goes in the ranking; not used (the ranking stays as it is) when `move` is given. */
  placement?: Placement;
  /** A move on another scale, or one whose positions are unknown (imported history, ADR 0025). */
  move?: ReprioritizationMove;
  trigger?: ReprioritizationTrigger;
  /** New evidence may come with the move: the item's inputs change with it (the score is judged after the change). */
  scoreInputs?: ScoreInputsPatch;
  /**
   * The open items the move puts the item above that it was not above right before (with their inputs now),
   * resolved by the application layer from the same rank order the placement comes from (ADR 0033).
   */
  passing?: PassedCandidate[];
  rationale: string;
};

export type EscalateDecision = Base & {
  kind: 'EscalateDecision';
  escalationId: string;
  againstEventId: string;
  wanted: string;
  reason: string;
  addressedTo?: string;
};

export type ResolveEscalation = Base & {
  kind: 'ResolveEscalation';
  escalationId: string;
  outcome: 'upheld' | 'overturned';
  /**
   * For an overturn that moves or revives the item: where it goes. Absent for `upheld`; for an overturn
   * of a reprioritization the application layer defaults it to the contested move's fromPosition.
   */
  placement?: Placement;
  /** Current position (null when the item is not ranked, e.g. killed). */
  fromPosition: number | null;
  /** For an overturn that moves the item: the open items the move puts it above (see ReprioritizeItem.passing). */
  passing?: PassedCandidate[];
  rationale: string;
};

export type KillItem = Base & {
  kind: 'KillItem';
  reason: string;
  via: 'owner' | 'forum';
  proposalId?: string;
  fromPosition: number;
};

export type ReviveItem = Base & { kind: 'ReviveItem'; placement: Placement; rationale: string };

export type ReopenItem = Base & { kind: 'ReopenItem'; placement: Placement; rationale: string };

export type MoveToAntiBacklog = Base & { kind: 'MoveToAntiBacklog'; reason: string; fromPosition: number };

export type SetKillCriteria = Base & {
  kind: 'SetKillCriteria';
  exitCondition: string;
  reviewBy: string;
  /** A threshold on an objective checked by `reviewBy` (ADR 0034); its objective must be active in the backlog. */
  threshold?: { objectiveId: string; operator: ThresholdOperator; value: number } | null;
  /** Needed with a threshold (active objectives). */
  backlog?: BacklogContext;
  /** Today (YYYY-MM-DD, injected clock): the review date may not lie before it. */
  today: string;
  rationale: string;
};

/** Estimating sets the estimate, the score inputs, or both (at least one). */
export type EstimateItem = Base & { kind: 'EstimateItem'; estimate?: number; scoreInputs?: ScoreInputsPatch; rationale: string };

export type LinkToObjective = Base & {
  kind: 'LinkToObjective';
  objectiveId: string;
  backlog: BacklogContext;
  rationale: string;
};

export type StartItem = Base & { kind: 'StartItem'; rationale: string };
export type DeliverItem = Base & { kind: 'DeliverItem'; fromPosition: number; rationale: string };

export type RecordOutcome = Base & {
  kind: 'RecordOutcome';
  objectiveId: string;
  observedValue: string;
  moved: boolean;
  backlog: BacklogContext;
  rationale: string;
};

export type ItemCommand =
  | AddItem
  | ReprioritizeItem
  | EscalateDecision
  | ResolveEscalation
  | KillItem
  | ReviveItem
  | ReopenItem
  | MoveToAntiBacklog
  | SetKillCriteria
  | EstimateItem
  | LinkToObjective
  | StartItem
  | DeliverItem
  | RecordOutcome;
