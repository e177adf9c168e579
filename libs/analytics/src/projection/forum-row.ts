import type { RecordedEvent } from '@ledger/kernel';
import { chTime } from './decision-row';

/** A row of `forum_events` (migrations/0004_forum_events.sql), as inserted with JSONEachRow. */
export interface ForumRow {
  position: number;
  event_id: string;
  forum_id: string;
  proposal_id: string;
  item_id: string;
  backlog_id: string;
  type: string;
  actor_id: string;
  occurred_at: string;
  decided_at: string;
  member_id: string;
  choice: string;
  outcome: string;
  tally_kill: number;
  tally_keep: number;
  tally_abstain: number;
  votes_cast: number;
  members: number;
  nominated_automatically: number;
  name: string;
  /** proposal.closed: of votes_cast, the delegated ones (ADR 0035). */
  tally_delegated: number;
  /** forum.vote-delegated / forum.delegation-revoked (member_id is the delegator). */
  delegation_id: string;
  delegate_id: string;
  valid_from: string;
  valid_until: string;
}

/** Column order of the compact inserts (same as the interface). */
export const FORUM_COLUMNS: Array<keyof ForumRow> = [
  'position', 'event_id', 'forum_id', 'proposal_id', 'item_id', 'backlog_id', 'type', 'actor_id', 'occurred_at',
  'decided_at', 'member_id', 'choice', 'outcome', 'tally_kill', 'tally_keep', 'tally_abstain', 'votes_cast', 'members',
  'nominated_automatically', 'name', 'tally_delegated', 'delegation_id', 'delegate_id', 'valid_from', 'valid_until',
];
const EPOCH = '1970-01-01 00:00:00.000';

type Data = Record<string, unknown>;
const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.trunc(v) : 0);
const validInstant = (v: unknown): string | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null);

/**
 * Pure: one forum or proposal event → its analytics row, or null for any other event and for forum events that
 * do not name their forum (`proposal.reason-amended` carries only the proposal id; no forum metric needs it).
 * Same event in, same row out — the basis of idempotent (re)projection (ADR 0008).
 */
export function forumRow(e: RecordedEvent): ForumRow | null {
  if (!e.type.startsWith('forum.') && !e.type.startsWith('proposal.')) return null;
  const d = e.data as Data;
  const forumId = s(d.forumId);
  if (!forumId) return null;
  const occurredAt = chTime(validInstant(e.metadata.occurredAt) ?? e.recordedAt);
  const closedAt = e.type === 'proposal.closed' ? validInstant(d.closedAt) : null;
  const tally = (d.tally && typeof d.tally === 'object' ? d.tally : {}) as Data;
  return {
    position: e.position,
    event_id: e.id,
    forum_id: forumId,
    proposal_id: s(d.proposalId),
    item_id: s(d.itemId),
    backlog_id: s(d.backlogId),
    type: e.type,
    actor_id: s(e.metadata.actor?.id),
    occurred_at: occurredAt,
    decided_at: closedAt ? chTime(closedAt) : occurredAt,
    member_id: s(d.memberId) || s(d.delegatorId),
    choice: e.type === 'proposal.vote-cast' ? s(d.choice) : '',
    outcome: e.type === 'proposal.closed' ? s(d.outcome) : '',
    tally_kill: count(tally.kill),
    tally_keep: count(tally.keep),
    tally_abstain: count(tally.abstain),
    votes_cast: count(tally.votesCast),
    members: count(tally.members),
    nominated_automatically: d.nominatedAutomatically === true ? 1 : 0,
    name: e.type === 'forum.created' ? s(d.name) : '',
    tally_delegated: count(tally.delegated),
    delegation_id: s(d.delegationId),
    delegate_id: s(d.delegateId),
    valid_from: validInstant(d.validFrom) ? chTime(d.validFrom as string) : EPOCH,
    valid_until: validInstant(d.validUntil) ? chTime(d.validUntil as string) : EPOCH,
  };
}
