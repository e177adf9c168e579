import type { components } from '../../api/schema';

/** One line of GET /audit/events (NDJSON): the event as stored, with its place in the hash chain. */
export type AuditEvent = components['schemas']['AuditEventDto'];

/**
 * Every event type the ledger records, with how the explorer names it (the type filter offers them). The catalog is
 * libs/domain's *EventType constants; a test (apps/web/test/event-types-parity.unit.spec.ts) keeps the two equal.
 */
export const EVENT_TYPES: Readonly<Record<string, string>> = {
  'backlog.created': 'Backlog created',
  'backlog.product-goal-changed': 'Product goal changed',
  'backlog.objective-added': 'Objective added',
  'backlog.objective-retired': 'Objective retired',
  'backlog.policy-changed': 'Policy changed',
  'backlog.sprint-velocity-recorded': 'Sprint velocity recorded',
  'item.added': 'Item added',
  'item.reprioritized': 'Reprioritized',
  'item.escalated': 'Escalated',
  'item.escalation-resolved': 'Escalation resolved',
  'item.killed': 'Killed',
  'item.revived': 'Revived',
  'item.reopened': 'Reopened',
  'item.moved-to-anti-backlog': 'Moved to the anti-backlog',
  'item.kill-criteria-set': 'Kill criteria set',
  'item.estimated': 'Estimated',
  'item.linked-to-objective': 'Linked to an objective',
  'item.started': 'Started',
  'item.delivered': 'Delivered',
  'item.outcome-recorded': 'Outcome recorded',
  'forum.created': 'Forum set up',
  'forum.member-joined': 'Member joined a forum',
  'forum.member-left': 'Member left a forum',
  'forum.rule-changed': 'Forum rule changed',
  'forum.vote-delegated': 'Vote delegated',
  'forum.delegation-revoked': 'Delegation revoked',
  'proposal.opened': 'Kill proposal opened',
  'proposal.vote-cast': 'Vote cast',
  'proposal.reason-amended': 'Proposal reason amended',
  'proposal.deadline-extended': 'Proposal deadline extended',
  'proposal.withdrawn': 'Proposal withdrawn',
  'proposal.closed': 'Proposal closed',
  'invitation.created': 'Invitation created',
  'invitation.redeemed': 'Invitation redeemed',
  'invitation.revoked': 'Invitation revoked',
  'session.started': 'Session started',
  'session.signed-out': 'Signed out',
  'session.revoked': 'Session revoked',
};

/** What the explorer shows of an event: who (and in which role), when, why, what, and where it belongs. */
export interface EventSummary {
  label: string;
  who: string;
  role: string;
  /** When it was decided (an import's original time), else when it was recorded. */
  when: string;
  /** Recorded at another instant than decided (imports): that instant, else null. */
  recordedAt: string | null;
  why: string | null;
  /** An escalation's "what was wanted". */
  wanted: string | null;
  itemId: string | null;
  backlogId: string | null;
  proposalId: string | null;
  forumId: string | null;
  /** "#3 → #1", "→ #7", or null. */
  positions: string | null;
  /** The detail of the decision besides the above (trigger, outcome, choice, estimate…), as short "key: value" chips. */
  details: string[];
}

const SHOWN = new Set(['itemId', 'backlogId', 'proposalId', 'forumId', 'rationale', 'reason', 'wanted', 'fromPosition', 'toPosition', 'position']);
/** Ids say nothing to a reader (the row links what they point at); ranks are internal sort keys. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HIDDEN = new Set(['rank', 'fromRank', 'toRank']);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

export function summarize(e: AuditEvent): EventSummary {
  const d = e.data;
  const from = int(d.fromPosition);
  const to = int(d.toPosition) ?? int(d.position);
  const details = Object.entries(d)
    .filter(([k, v]) => !SHOWN.has(k) && !HIDDEN.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && String(v).length <= 80)
    .filter(([, v]) => !(typeof v === 'string' && UUID.test(v)))
    .map(([k, v]) => `${k}: ${String(v)}`);
  const occurred = str(e.metadata.occurredAt);
  return {
    label: EVENT_TYPES[e.type] ?? e.type,
    who: e.metadata.actor.id,
    role: e.metadata.actor.role,
    when: occurred ?? e.recordedAt,
    recordedAt: occurred !== null && occurred !== e.recordedAt ? e.recordedAt : null,
    why: str(d.rationale) ?? str(d.reason),
    wanted: str(d.wanted),
    itemId: str(d.itemId),
    backlogId: str(d.backlogId),
    proposalId: str(d.proposalId),
    forumId: str(d.forumId),
    positions: from === null && to === null ? null : `${from !== null ? `#${from} → ` : '→ '}${to !== null ? `#${to}` : 'out of the ranking'}`,
    details,
  };
}

/** Parses an NDJSON page (one event per line; a trailing newline). */
export function parseNdjson(text: string): AuditEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditEvent);
}
