import { ApiProperty } from '@nestjs/swagger';
import { ForumRuleViewDto } from '../forum-rule.dto';

export class OpenProposalRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
}

/** A delegation holding now: the delegate's vote counts for the delegator (ADR 0035). */
export class ActiveDelegationDto {
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty({ description: 'Who delegated their vote' }) delegatorId: string;
  @ApiProperty({ description: 'Who votes for them' }) delegateId: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) validUntil: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class ForumViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' } }) backlogIds: string[];
  @ApiProperty({ type: () => ForumRuleViewDto }) rule: ForumRuleViewDto;
  @ApiProperty({ type: [String], description: 'Current members (token subjects), in joining order' }) members: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The next automatic nomination' }) nextCadenceAt: string | null;
  @ApiProperty({ type: [OpenProposalRefDto] }) openProposals: OpenProposalRefDto[];
  @ApiProperty({ type: [ActiveDelegationDto], description: 'Delegations holding now (every one: GET /forums/{forumId}/delegations)' })
  activeDelegations: ActiveDelegationDto[];
  @ApiProperty({ type: 'integer', description: 'Stream revision (the ETag)' }) revision: number;
}
