import { randomUUID } from 'node:crypto';
import type { RecordedEvent, Role } from '@ledger/kernel';
import type { History } from './history';

export type ProposalOutcome = 'kill' | 'keep' | 'no-quorum';

const DEFAULT_RULE = { quorum: 0.5, killThreshold: 0.5, votingPeriodDays: 7, reviewCadenceDays: 14, onNoQuorum: 'reopen-next-cadence' };

/**
 * Forum and kill-proposal events (the pinned schema of issue 4: `forum-<id>` / `proposal-<id>` streams, schemaVersion 1),
 * appended to a History so positions stay global. Time is in days from the history's start, like History.
 * The forum/proposal deciders live elsewhere; this only writes the facts they record.
 */
export class ForumHistory {
  private readonly revisions = new Map<string, number>();

  constructor(
    readonly history: History,
    readonly forumId: string = randomUUID(),
  ) {}

  private push(streamId: string, type: string, data: Record<string, unknown>, day: number, actor: { id: string; role: Role }, occurredAt?: string): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const at = this.history.at(day);
    const e: RecordedEvent = {
      id: randomUUID(),
      streamId,
      revision,
      position: this.history.events.length + 1,
      type,
      schemaVersion: 1,
      data,
      metadata: { actor, correlationId: randomUUID(), causationId: null, occurredAt: occurredAt ?? at },
      recordedAt: at,
      hash: '0'.repeat(64),
      prevHash: '0'.repeat(64),
    };
    this.history.events.push(e);
    return e;
  }

  static leader = { id: 'lena', role: 'product-leader' as Role };
  static system = { id: 'scheduler', role: 'system' as Role };

  created(day: number, name = 'Portfolio review', backlogIds: string[] = [this.history.backlogId]): RecordedEvent {
    return this.push(`forum-${this.forumId}`, 'forum.created', {
      forumId: this.forumId, name, backlogIds, rule: DEFAULT_RULE, rationale: 'A place to stop what nobody wants',
    }, day, ForumHistory.leader);
  }

  join(day: number, memberId: string): RecordedEvent {
    return this.push(`forum-${this.forumId}`, 'forum.member-joined', { forumId: this.forumId, memberId, rationale: 'Owns a product area' }, day, ForumHistory.leader);
  }

  leave(day: number, memberId: string): RecordedEvent {
    return this.push(`forum-${this.forumId}`, 'forum.member-left', { forumId: this.forumId, memberId, rationale: 'Moved to another team' }, day, ForumHistory.leader);
  }

  /** Opens a proposal on `itemId` (a new id when omitted); returns the proposal id. */
  open(day: number, opts: { itemId?: string; proposalId?: string; votingDays?: number; automatic?: boolean } = {}): string {
    const proposalId = opts.proposalId ?? randomUUID();
    this.push(`proposal-${proposalId}`, 'proposal.opened', {
      proposalId, forumId: this.forumId, itemId: opts.itemId ?? randomUUID(), backlogId: this.history.backlogId,
      reason: 'A zombie for half a year', openedBy: opts.automatic ? 'scheduler' : 'lena',
      closesAt: this.history.at(day + (opts.votingDays ?? 7)), nominatedAutomatically: opts.automatic ?? false,
      nominationReasons: opts.automatic ? ['no-progress'] : [],
    }, day, opts.automatic ? ForumHistory.system : ForumHistory.leader);
    return proposalId;
  }

  vote(day: number, proposalId: string, memberId: string, choice: 'kill' | 'keep' | 'abstain', replacesPrevious = false): RecordedEvent {
    return this.push(`proposal-${proposalId}`, 'proposal.vote-cast', {
      proposalId, forumId: this.forumId, memberId, choice, reason: 'My honest view on it', replacesPrevious,
    }, day, { id: memberId, role: 'forum-member' });
  }

  amend(day: number, proposalId: string): RecordedEvent {
    return this.push(`proposal-${proposalId}`, 'proposal.reason-amended', { proposalId, reason: 'Better reason', previousReason: 'Old reason' }, day, ForumHistory.leader);
  }

  withdraw(day: number, proposalId: string): RecordedEvent {
    return this.push(`proposal-${proposalId}`, 'proposal.withdrawn', {
      proposalId, forumId: this.forumId, itemId: randomUUID(), reason: 'The item got a sponsor', withdrawnBy: 'lena',
    }, day, ForumHistory.leader);
  }

  /**
   * Closes a proposal with the given tally; `closedAtDay` (default `day`) is the close's own closedAt, while the
   * event is recorded on `day` (a scheduler may record a close after its deadline).
   */
  close(day: number, proposalId: string, outcome: ProposalOutcome, tally: { kill?: number; keep?: number; abstain?: number; members: number; delegated?: number }, closedAtDay = day): RecordedEvent {
    const kill = tally.kill ?? 0;
    const keep = tally.keep ?? 0;
    const abstain = tally.abstain ?? 0;
    return this.push(`proposal-${proposalId}`, 'proposal.closed', {
      proposalId, forumId: this.forumId, itemId: randomUUID(), backlogId: this.history.backlogId, outcome,
      tally: { kill, keep, abstain, votesCast: kill + keep + abstain, members: tally.members, ...(tally.delegated === undefined ? {} : { delegated: tally.delegated }) },
      closedAt: this.history.at(closedAtDay), followUp: outcome === 'kill' ? 'item-killed' : 'none',
    }, day, ForumHistory.system);
  }

  /** A member delegates their vote for [fromDay, untilDay) (ADR 0035); returns the delegation id. */
  delegate(day: number, delegatorId: string, delegateId: string, fromDay: number, untilDay: number): string {
    const delegationId = randomUUID();
    this.push(`forum-${this.forumId}`, 'forum.vote-delegated', {
      forumId: this.forumId, delegationId, delegatorId, delegateId, validFrom: this.history.at(fromDay), validUntil: this.history.at(untilDay),
      rationale: 'Away for a while',
    }, day, { id: delegatorId, role: 'forum-member' });
    return delegationId;
  }

  revoke(day: number, delegationId: string, delegatorId: string, delegateId: string): RecordedEvent {
    return this.push(`forum-${this.forumId}`, 'forum.delegation-revoked', {
      forumId: this.forumId, delegationId, delegatorId, delegateId, revokedAt: this.history.at(day), revokedBy: delegatorId, rationale: 'Back early',
    }, day, { id: delegatorId, role: 'forum-member' });
  }
}
