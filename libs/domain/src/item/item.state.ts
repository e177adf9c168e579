import type { ItemKind } from './item.events';

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

export interface ItemOutcome {
  objectiveId: string;
  observedValue: string;
  moved: boolean;
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
  killCriteria: { exitCondition: string; reviewBy: string } | null;
  /** The current kill (cleared on revival). */
  kill: { reason: string; via: 'owner' | 'forum'; proposalId: string | null; decidedBy: string } | null;
  antiBacklogReason: string | null;
  escalations: Record<string, EscalationState>;
  /** Every event of the stream except item.escalated / item.escalation-resolved, by event id. */
  decisions: Record<string, DecisionRef>;
  outcomes: ItemOutcome[];
  lastEventId: string | null;
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
  decisions: {},
  outcomes: [],
  lastEventId: null,
};

/** Ranked items take part in the ordered backlog: open or in progress. */
export function isRanked(state: Pick<ItemState, 'status'>): boolean {
  return state.status === 'open' || state.status === 'in-progress';
}
