import type { FrozenScore, ScoreInputs } from '../scoring';
import type { ItemKind, KillThreshold } from './item.events';

export type ItemStatus = 'none' | 'open' | 'in-progress' | 'delivered' | 'killed' | 'anti-backlog';

export interface EscalationState {
  escalationId: string;
  /** Id of the item.escalated event. */
  eventId: string;
  againstEventId: string;
  againstEventType: string;
  /** Events carry no actor: the application layer reads who raised it from the event metadata. */
  raisedBy: string | null;
  wanted: string;
  reason: string;
  addressedTo: string | null;
  status: 'open' | 'upheld' | 'overturned';
  /** Id of the item.escalation-resolved event. */
  resolutionEventId: string | null;
}

/** A decision of this item's stream that one can escalate against. */
export interface DecisionRef {
  eventId: string;
  type: string;
  fromPosition: number | null;
  toPosition: number | null;
}

/**
 * The stream's decisions, newest first, as an immutable linked list: adding one shares the rest, so folding an
 * item with k events costs O(k) (a copied map cost O(k²) and dominated `?at=` reconstruction).
 */
export interface DecisionList {
  readonly head: DecisionRef;
  readonly rest: DecisionList | null;
}

/** The decision with this event id, if it is one of the stream's decisions. */
export function findDecision(state: Pick<ItemState, 'decisions'>, eventId: string): DecisionRef | undefined {
  for (let node = state.decisions; node !== null; node = node.rest) if (node.head.eventId === eventId) return node.head;
  return undefined;
}

/** The stream's decisions, oldest first. */
export function decisionsOf(state: Pick<ItemState, 'decisions'>): DecisionRef[] {
  const out: DecisionRef[] = [];
  for (let node = state.decisions; node !== null; node = node.rest) out.push(node.head);
  return out.reverse();
}

export interface ItemOutcome {
  objectiveId: string;
  observedValue: string;
  moved: boolean;
  /** Id of the item.outcome-recorded event. */
  eventId: string;
}

export interface ItemState {
  status: ItemStatus;
  itemId: string | null;
  backlogId: string | null;
  title: string;
  kind: ItemKind | null;
  hypothesis: string | null;
  objectiveId: string | null;
  estimate: number | null;
  requestedBy: string | null;
  /** Rank key while ranked (open / in-progress); null otherwise. */
  rank: string | null;
  /** `eventId`: the item.kill-criteria-set that set them (one criteria set, ADR 0034); threshold null in v1 or when none. */
  killCriteria: { exitCondition: string; reviewBy: string; threshold: KillThreshold | null; eventId: string } | null;
  /** The current kill (cleared on revival). */
  kill: { reason: string; via: 'owner' | 'forum'; proposalId: string | null; decidedBy: string } | null;
  antiBacklogReason: string | null;
  escalations: Record<string, EscalationState>;
  /** Every event of the stream except item.escalated / item.escalation-resolved, by event id. */
  decisions: DecisionList | null;
  outcomes: ItemOutcome[];
  lastEventId: string | null;
  /** The item's score inputs (from its v2 events; none while it only has v1 events). */
  scoreInputs: ScoreInputs;
  /** The score frozen into its latest v2 event, with that event's id; null before any. */
  lastScore: (FrozenScore & { eventId: string }) | null;
}

export const initialItemState: ItemState = {
  status: 'none',
  itemId: null,
  backlogId: null,
  title: '',
  kind: null,
  hypothesis: null,
  objectiveId: null,
  estimate: null,
  requestedBy: null,
  rank: null,
  killCriteria: null,
  kill: null,
  antiBacklogReason: null,
  escalations: {},
  decisions: null,
  outcomes: [],
  lastEventId: null,
  scoreInputs: {},
  lastScore: null,
};

/** Ranked items take part in the ordered backlog: open or in progress. */
export function isRanked(state: Pick<ItemState, 'status'>): boolean {
  return state.status === 'open' || state.status === 'in-progress';
}
