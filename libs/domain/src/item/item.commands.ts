import type { Actor } from '@ledger/kernel';
import type { ItemKind, ReprioritizationMove, ReprioritizationTrigger } from './item.events';

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
}

interface Base {
  actor: Actor;
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
  /** Today (YYYY-MM-DD, injected clock): the review date may not lie before it. */
  today: string;
  rationale: string;
};

export type EstimateItem = Base & { kind: 'EstimateItem'; estimate: number; rationale: string };

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
