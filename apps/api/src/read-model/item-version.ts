import type { RecordedEvent } from '@ledger/kernel';
import { initialItemState, isRanked, itemDecider, type ItemState } from '@ledger/domain';
import { PROGRESS_EVENT_TYPES } from '@ledger/analytics';

/** The fields of an item's state that the ranked view shows, and every field `evolve` reads to compute them. */
const VIEW_FIELDS = ['status', 'itemId', 'title', 'kind', 'objectiveId', 'estimate', 'requestedBy', 'rank', 'lastScore'] as const;

export type ItemViewState = Pick<ItemState, (typeof VIEW_FIELDS)[number]>;

/**
 * An item stream folded up to one of its events, as far as the ranked view needs it: the state's view fields,
 * the revision and position of that event, and when the item last progressed. The "as of" index (ADR 0030)
 * keeps one per item event.
 */
export interface ItemVersion {
  streamId: string;
  state: ItemViewState;
  revision: number;
  /** Global position of the last event folded (the lists of items that left the ranking sort by it). */
  position: number;
  lastProgressAt: string;
}

const PROGRESS = new Set<string>(PROGRESS_EVENT_TYPES);
const occurredAt = (e: RecordedEvent): string => (typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt);

/**
 * When the item last progressed after `e` (DOMAIN.md "Progress event", or its add), starting from the first
 * event folded: the latest occurredAt among them.
 */
function nextProgressAt(previous: string | null, e: RecordedEvent): string {
  const at = occurredAt(e);
  if (previous === null) return at;
  return (PROGRESS.has(e.type) || e.type === 'item.added') && at > previous ? at : previous;
}

function viewOf(state: ItemState): ItemViewState {
  return {
    status: state.status,
    itemId: state.itemId,
    title: state.title,
    kind: state.kind,
    objectiveId: state.objectiveId,
    estimate: state.estimate,
    requestedBy: state.requestedBy,
    rank: state.rank,
    lastScore: state.lastScore,
  };
}

/**
 * Pure: the next version of a stream. The item decider's own `evolve` does the work, on the view fields only:
 * none of them depends on anything else of the state (decisions, escalations, kill details; the frozen score,
 * ADR 0033, is the event's own `scoring` whenever the event changes the state), so this equals
 * folding the full state and keeping its view fields (property-tested against the plain fold).
 */
export function evolveItemVersion(previous: ItemVersion | null, event: RecordedEvent): ItemVersion {
  const state = itemDecider.evolve(previous ? { ...initialItemState, ...previous.state } : initialItemState, event as never);
  return {
    streamId: event.streamId,
    state: viewOf(state),
    revision: event.revision,
    position: event.position,
    lastProgressAt: nextProgressAt(previous ? previous.lastProgressAt : null, event),
  };
}

/** Whether the item takes part in the ranking in this version (what the ranked list shows). */
export function inRanking(v: ItemVersion): boolean {
  return isRanked(v.state) && v.state.rank !== null && v.state.itemId !== null;
}
