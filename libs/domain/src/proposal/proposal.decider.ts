import { DomainError, type Actor, type Role } from '@ledger/kernel';
import type { Decider, Decided, Evolvable } from '../decider';
import { roleOf } from '../decision-rights';
import { holdsAt, isMember } from '../forum/forum.state';
import type { ForumRule } from '../forum/forum.events';
import { isRanked } from '../item/item.state';
import { requireText } from '../rationale';
import type {
  AmendProposalReason,
  CastVote,
  CloseProposal,
  ExtendDeadline,
  OpenProposal,
  ProposalCommand,
  WithdrawProposal,
} from './proposal.commands';
import { VOTE_CHOICES, type ProposalEvent, type Tally, type VoteChoice } from './proposal.events';
import { initialProposalState, type ProposalState } from './proposal.state';
import { tallyVotes } from './tally';

type Out = Decided<ProposalEvent>[];

const DAY_MS = 86_400_000;
/** Roles that govern proposals of any forum: open, withdraw, extend. */
export const PROPOSAL_GOVERNOR_ROLES: readonly Role[] = ['admin', 'product-leader', 'system'];
const MAX_EXTENSION_DAYS = 365;
const MAX_NOMINATION_REASONS = 20;

function invalid(code: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, details, 'validation');
}

function forbidden(code: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, details, 'forbidden');
}

function isGovernor(actor: Actor | undefined): boolean {
  const role = roleOf(actor);
  return role !== null && PROPOSAL_GOVERNOR_ROLES.includes(role);
}

function instant(value: unknown, field: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(t)) throw invalid('PROPOSAL.INVALID_INSTANT', `${field} must be an ISO-8601 instant.`, { field, value });
  return t;
}

/** Open and before the deadline: the only time anything but closing may happen. */
function requireVotingOpen(state: ProposalState, now: string): void {
  if (state.status === 'closed') {
    throw new DomainError('PROPOSAL.VOTING_CLOSED', 'The proposal is closed.', { status: state.status, outcome: state.outcome });
  }
  if (state.status !== 'open') throw new DomainError('PROPOSAL.NOT_OPEN', 'The proposal is not open.', { status: state.status });
  if (instant(now, 'now') >= instant(state.closesAt, 'closesAt')) {
    throw new DomainError('PROPOSAL.VOTING_CLOSED', 'The voting deadline has passed.', { closesAt: state.closesAt });
  }
}

function open(c: OpenProposal, state: ProposalState): Out {
  if (state.status !== 'none') {
    throw new DomainError('PROPOSAL.ALREADY_EXISTS', 'This proposal already exists.', { proposalId: state.proposalId });
  }
  const forum = c.forum;
  if (!forum?.exists) throw new DomainError('FORUM.NOT_FOUND', 'No such forum.', {}, 'not-found');
  const item = c.item;
  if (!item || item.status === 'none' || !item.backlogId) {
    throw new DomainError('ITEM.NOT_FOUND', 'No such item.', { itemId: item?.itemId }, 'not-found');
  }
  const entitled =
    isGovernor(c.actor) ||
    isMember(forum, c.actor?.id ?? '') ||
    (roleOf(c.actor) === 'product-owner' && c.actorOwnsBacklog === true);
  if (!entitled) {
    throw forbidden(
      'PROPOSAL.NOT_ENTITLED',
      "Kill proposals are opened by the forum's members, owners of a backlog in its scope, product leaders and admins.",
      { role: roleOf(c.actor) },
    );
  }
  if (!forum.backlogIds.includes(item.backlogId)) {
    throw invalid('PROPOSAL.ITEM_NOT_IN_SCOPE', "The item's backlog is not in this forum's scope.", {
      field: 'itemId',
      backlogId: item.backlogId,
    });
  }
  if (!isRanked(item)) {
    throw new DomainError('PROPOSAL.ITEM_NOT_OPEN', `The item is ${item.status}: there is nothing to kill.`, { status: item.status });
  }
  const reason = requireText(c.reason, 'reason', 'PROPOSAL.REASON_REQUIRED');
  const nominationReasons = (c.nominationReasons ?? []).filter((r) => typeof r === 'string' && r.trim() !== '').map((r) => r.trim());
  if (nominationReasons.length > MAX_NOMINATION_REASONS) {
    throw invalid('PROPOSAL.TOO_MANY_REASONS', `At most ${MAX_NOMINATION_REASONS} nomination reasons.`, { field: 'nominationReasons' });
  }
  const rule: ForumRule = { ...forum.rule };
  const closesAt = new Date(instant(c.now, 'now') + rule.votingPeriodDays * DAY_MS).toISOString();
  return [
    {
      type: 'proposal.opened',
      schemaVersion: 1,
      data: {
        proposalId: c.proposalId,
        forumId: forum.forumId ?? '',
        itemId: item.itemId,
        backlogId: item.backlogId,
        reason,
        openedBy: c.actor.id,
        closesAt,
        nominatedAutomatically: c.nominatedAutomatically === true,
        nominationReasons,
        rule,
        cadenceIndex: typeof c.cadenceIndex === 'number' ? c.cadenceIndex : null,
      },
    },
  ];
}

function amendReason(c: AmendProposalReason, state: ProposalState): Out {
  requireVotingOpen(state, c.now);
  if (c.actor?.id !== state.openedBy && !isGovernor(c.actor)) {
    throw forbidden('PROPOSAL.NOT_ENTITLED', "Only whoever opened the proposal (or a product leader / admin) amends its reason.");
  }
  if (state.votesEverCast > 0) {
    throw new DomainError('PROPOSAL.REASON_LOCKED', 'The reason cannot change once a vote has been cast.', {
      votesCast: state.votesEverCast,
    });
  }
  const reason = requireText(c.reason, 'reason', 'PROPOSAL.REASON_REQUIRED');
  if (reason === state.reason) throw new DomainError('PROPOSAL.NO_CHANGE', 'The proposal already has this reason.', {});
  return [
    {
      type: 'proposal.reason-amended',
      schemaVersion: 1,
      data: { proposalId: state.proposalId ?? '', reason, previousReason: state.reason },
    },
  ];
}

function castVote(c: CastVote, state: ProposalState): Out {
  if (state.status === 'withdrawn') throw new DomainError('PROPOSAL.NOT_OPEN', 'The proposal was withdrawn.', { status: state.status });
  const memberId = c.actor?.id ?? '';
  if (!c.forum || !isMember(c.forum, memberId)) {
    throw forbidden('PROPOSAL.NOT_A_MEMBER', 'Only members of the forum vote.', { memberId });
  }
  requireVotingOpen(state, c.now);
  if (!(VOTE_CHOICES as readonly unknown[]).includes(c.choice)) {
    throw invalid('PROPOSAL.INVALID_CHOICE', `choice must be one of ${VOTE_CHOICES.join(', ')}.`, { field: 'choice', value: c.choice });
  }
  const reason = requireText(c.reason, 'reason', 'PROPOSAL.VOTE_REASON_REQUIRED');
  const forDelegators = (c.forum.delegations ?? [])
    .filter((d) => d.delegateId === memberId && holdsAt(d, c.now) && isMember(c.forum, d.delegatorId))
    .map((d) => d.delegatorId)
    .filter((m) => !Object.prototype.hasOwnProperty.call(state.votes, m));
  return [
    {
      type: 'proposal.vote-cast',
      schemaVersion: 2,
      data: {
        proposalId: state.proposalId ?? '',
        forumId: state.forumId ?? '',
        memberId,
        choice: c.choice as VoteChoice,
        reason,
        replacesPrevious: Object.prototype.hasOwnProperty.call(state.votes, memberId),
        forDelegators,
      },
    },
  ];
}

function withdraw(c: WithdrawProposal, state: ProposalState): Out {
  requireVotingOpen(state, c.now);
  if (c.actor?.id !== state.openedBy && !isGovernor(c.actor)) {
    throw forbidden('PROPOSAL.NOT_ENTITLED', 'Only whoever opened the proposal (or a product leader / admin) withdraws it.');
  }
  const reason = requireText(c.reason, 'reason', 'PROPOSAL.WITHDRAW_REASON_REQUIRED');
  return [
    {
      type: 'proposal.withdrawn',
      schemaVersion: 1,
      data: { proposalId: state.proposalId ?? '', forumId: state.forumId ?? '', itemId: state.itemId ?? '', reason, withdrawnBy: c.actor.id },
    },
  ];
}

function extend(c: ExtendDeadline, state: ProposalState): Out {
  requireVotingOpen(state, c.now);
  if (!isGovernor(c.actor)) {
    throw forbidden('PROPOSAL.NOT_ENTITLED', 'Only product leaders and admins extend a voting deadline.', { role: roleOf(c.actor) });
  }
  if (state.extended) {
    throw new DomainError('PROPOSAL.ALREADY_EXTENDED', 'The deadline was already extended once; it may not be extended again.', {
      closesAt: state.closesAt,
    });
  }
  const current = instant(state.closesAt, 'closesAt');
  const next = instant(c.closesAt, 'closesAt');
  if (next <= current) {
    throw invalid('PROPOSAL.INVALID_DEADLINE', 'The new deadline must lie after the current one.', {
      field: 'closesAt',
      closesAt: state.closesAt,
    });
  }
  if (next > current + MAX_EXTENSION_DAYS * DAY_MS) {
    throw invalid('PROPOSAL.INVALID_DEADLINE', `A deadline moves by at most ${MAX_EXTENSION_DAYS} days.`, { field: 'closesAt' });
  }
  const reason = requireText(c.reason, 'reason', 'PROPOSAL.EXTENSION_REASON_REQUIRED');
  return [
    {
      type: 'proposal.deadline-extended',
      schemaVersion: 1,
      data: {
        proposalId: state.proposalId ?? '',
        forumId: state.forumId ?? '',
        previousClosesAt: state.closesAt ?? '',
        closesAt: new Date(next).toISOString(),
        reason,
      },
    },
  ];
}

function close(c: CloseProposal, state: ProposalState): Out {
  if (state.status !== 'open') {
    throw new DomainError('PROPOSAL.NOT_OPEN', 'The proposal is not open.', { status: state.status, outcome: state.outcome });
  }
  const now = instant(c.now, 'now');
  if (now < instant(state.closesAt, 'closesAt')) {
    throw new DomainError('PROPOSAL.NOT_DUE', 'The voting deadline has not passed yet.', { closesAt: state.closesAt });
  }
  const rule = state.rule ?? c.forum.rule;
  // Delegations are judged at the deadline: whatever held when voting ended counts, however late the close runs.
  const { tally, outcome, delegatedVotes } = tallyVotes(state.votes, c.forum?.members ?? [], rule, {
    delegations: c.forum?.delegations ?? [],
    at: new Date(instant(state.closesAt, 'closesAt')).toISOString(),
  });
  return [
    {
      type: 'proposal.closed',
      schemaVersion: 2,
      data: {
        proposalId: state.proposalId ?? '',
        forumId: state.forumId ?? '',
        itemId: state.itemId ?? '',
        backlogId: state.backlogId ?? '',
        outcome,
        tally,
        closedAt: new Date(now).toISOString(),
        followUp: outcome === 'no-quorum' ? rule.onNoQuorum : null,
        delegatedVotes,
      },
    },
  ];
}

function decide(command: ProposalCommand, state: ProposalState): Out {
  if (command.kind === 'OpenProposal') return open(command, state);
  if (state.status === 'none') throw new DomainError('PROPOSAL.NOT_FOUND', 'No such proposal.', {}, 'not-found');
  switch (command.kind) {
    case 'AmendProposalReason':
      return amendReason(command, state);
    case 'CastVote':
      return castVote(command, state);
    case 'WithdrawProposal':
      return withdraw(command, state);
    case 'ExtendDeadline':
      return extend(command, state);
    case 'CloseProposal':
      return close(command, state);
    default:
      throw invalid('PROPOSAL.UNKNOWN_COMMAND', 'Unknown proposal command.', {});
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function evolve(state: ProposalState, event: Evolvable<ProposalEvent>): ProposalState {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'proposal.opened':
      return {
        ...initialProposalState,
        status: 'open',
        proposalId: str(d.proposalId),
        forumId: str(d.forumId),
        itemId: str(d.itemId),
        backlogId: str(d.backlogId),
        reason: str(d.reason) ?? '',
        openedBy: str(d.openedBy),
        closesAt: str(d.closesAt),
        rule: d.rule ? { ...(d.rule as ForumRule) } : null,
        nominatedAutomatically: d.nominatedAutomatically === true,
      };
    case 'proposal.reason-amended':
      return { ...state, reason: str(d.reason) ?? state.reason };
    case 'proposal.vote-cast': {
      const memberId = str(d.memberId) ?? '';
      const vote = { memberId, choice: d.choice as VoteChoice, reason: str(d.reason) ?? '', eventId: event.id };
      return { ...state, votes: { ...state.votes, [memberId]: vote }, votesEverCast: state.votesEverCast + 1 };
    }
    case 'proposal.withdrawn':
      return { ...state, status: 'withdrawn' };
    case 'proposal.deadline-extended':
      return { ...state, closesAt: str(d.closesAt) ?? state.closesAt, extended: true };
    case 'proposal.closed':
      return { ...state, status: 'closed', outcome: d.outcome as ProposalState['outcome'], tally: d.tally as Tally };
    default:
      return state;
  }
}

export const proposalDecider: Decider<ProposalCommand, ProposalState, ProposalEvent> = {
  decide,
  evolve,
  initialState: initialProposalState,
};
