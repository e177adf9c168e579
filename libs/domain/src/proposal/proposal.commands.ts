import type { Actor } from '@ledger/kernel';
import type { ForumState } from '../forum/forum.state';
import type { ItemStatus } from '../item/item.state';
import type { ProposalOpened, VoteChoice } from './proposal.events';

interface Base {
  actor: Actor;
  /** The current instant (ISO-8601), from the injected clock. */
  now: string;
}

/** The item as the application layer loaded it. */
export interface ProposalItemContext {
  itemId: string;
  backlogId: string | null;
  status: ItemStatus;
}

export type OpenProposal = Base & {
  kind: 'OpenProposal';
  proposalId: string;
  forum: ForumState;
  item: ProposalItemContext;
  reason: string;
  /** True when the caller's token names the item's backlog (product owners of a backlog in scope may open). */
  actorOwnsBacklog: boolean;
  nominatedAutomatically?: boolean;
  nominationReasons?: string[];
  cadenceIndex?: number | null;
};

export type AmendProposalReason = Base & { kind: 'AmendProposalReason'; reason: string };

export type CastVote = Base & {
  kind: 'CastVote';
  /** The forum as it stands now: only its current members vote. */
  forum: ForumState;
  choice: VoteChoice;
  reason: string;
};

export type WithdrawProposal = Base & { kind: 'WithdrawProposal'; reason: string };

export type ExtendDeadline = Base & { kind: 'ExtendDeadline'; closesAt: string; reason: string };

export type CloseProposal = Base & {
  kind: 'CloseProposal';
  /** The forum at close time: votes of people who left no longer count. */
  forum: ForumState;
};

export type ProposalCommand = OpenProposal | AmendProposalReason | CastVote | WithdrawProposal | ExtendDeadline | CloseProposal;

/** Claim of the item's proposal slot; `holder` is the latest claim's proposal as loaded (null: never claimed). */
export type ClaimProposalSlot = {
  kind: 'ClaimProposalSlot';
  opened: ProposalOpened['data'];
  holder: { proposalId: string; status: 'none' | 'open' | 'closed' | 'withdrawn' } | null;
};
