import { ApiProperty } from '@nestjs/swagger';
import { NO_QUORUM_FOLLOW_UPS, VOTE_CHOICES, type NoQuorumFollowUp, type ProposalOutcome, type VoteChoice } from '@ledger/domain';
import { ActorDto, FreeFormObject } from '../../http/dto';
import { ForumRuleViewDto } from '../../forums/forum-rule.dto';

export const PROPOSAL_OUTCOMES = ['kill', 'keep', 'no-quorum'] as const;

export class TallyDto {
  @ApiProperty({ type: 'integer' }) kill: number;
  @ApiProperty({ type: 'integer' }) keep: number;
  @ApiProperty({ type: 'integer' }) abstain: number;
  @ApiProperty({ type: 'integer', description: 'kill + keep + abstain (the quorum counts all three)' }) votesCast: number;
  @ApiProperty({ type: 'integer', description: 'Forum members when the tally was taken' }) members: number;
  @ApiProperty({ type: 'integer', description: 'Of votesCast, how many counted for a member through their delegate (ADR 0035; 0 for closes before delegation)' })
  delegated: number;
}

/** A vote that counted for someone else: the delegate's own vote, counted for the delegator (ADR 0035). */
export class DelegatedVoteDto {
  @ApiProperty({ description: 'The delegator, for whom the vote counted' }) memberId: string;
  @ApiProperty({ description: 'Who cast the vote' }) delegateId: string;
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice: VoteChoice;
  @ApiProperty({ format: 'uuid', description: "The delegate's proposal.vote-cast event" }) voteEventId: string;
}

export class VoteDto {
  @ApiProperty({ format: 'uuid', description: 'The proposal.vote-cast event' }) eventId: string;
  @ApiProperty() memberId: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice: VoteChoice;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) castAt: string;
  @ApiProperty({ description: 'The member had voted before' }) replacesPrevious: boolean;
  @ApiProperty({ description: 'False once the same member voted again' }) latest: boolean;
  @ApiProperty({ description: "Counts in the tally: the member's latest vote, cast by a (then) member" }) counts: boolean;
  @ApiProperty({ type: [String], description: 'Members this vote counts for through their delegation (judged at the deadline, or now while voting runs)' })
  countsFor: string[];
  @ApiProperty({ type: [String], description: 'Members whose delegation to the voter held when it was cast (recorded with the vote)' })
  forDelegators: string[];
}

export class ProposalHistoryEntryDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'proposal.vote-cast' }) type: string;
  @ApiProperty({ type: () => ActorDto }) actor: ActorDto;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'uuid' }) correlationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) causationId: string | null;
  @FreeFormObject('The event data as recorded') data: Record<string, unknown>;
}

/** A kill proposal: deadline, rule, tally, outcome and every vote (without the event history). */
export class ProposalSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) forumId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ enum: ['open', 'closed', 'withdrawn'] }) status: 'open' | 'closed' | 'withdrawn';
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true }) openedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Voting ends here (exclusive)' }) closesAt: string | null;
  @ApiProperty() extended: boolean;
  @ApiProperty({ description: 'Nominated by the review cadence (a zombie, or kill criteria due)' }) nominatedAutomatically: boolean;
  @ApiProperty({ type: [String] }) nominationReasons: string[];
  @ApiProperty({ type: () => ForumRuleViewDto, description: 'The rule the proposal closes under' }) rule: ForumRuleViewDto;
  @ApiProperty({ type: () => TallyDto, description: 'Final once closed; so far while open' }) tally: TallyDto;
  @ApiProperty({ type: [DelegatedVoteDto], description: 'Every vote that counted (counts, while open) for someone else through a delegation' })
  delegatedVotes: DelegatedVoteDto[];
  @ApiProperty({ enum: PROPOSAL_OUTCOMES, nullable: true }) outcome: ProposalOutcome | null;
  @ApiProperty({ enum: PROPOSAL_OUTCOMES, nullable: true, description: 'What the outcome would be if it closed now (open proposals only)' })
  outcomeIfClosedNow: ProposalOutcome | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ enum: NO_QUORUM_FOLLOW_UPS, nullable: true, description: 'After a no-quorum close' }) followUp: NoQuorumFollowUp | null;
  @ApiProperty({ type: [VoteDto], description: 'Every vote cast, in order (a replaced vote included)' }) votes: VoteDto[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'Stream revision (the ETag)' }) revision: number | null;
}

export class ProposalViewDto extends ProposalSummaryDto {
  @ApiProperty({ type: [ProposalHistoryEntryDto], description: "Every event of the proposal's stream" }) history: ProposalHistoryEntryDto[];
}
