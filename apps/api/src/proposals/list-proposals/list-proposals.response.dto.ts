import { ApiProperty } from '@nestjs/swagger';
import type { ProposalOutcome } from '@ledger/domain';
import { PROPOSAL_OUTCOMES } from '../get-proposal/get-proposal.response.dto';
import { PROPOSAL_STATUSES } from './list-proposals.request.dto';

export class ProposalRowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) forumId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: (typeof PROPOSAL_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time', description: 'Voting ends here (exclusive)' }) closesAt: string;
  @ApiProperty({ enum: PROPOSAL_OUTCOMES, nullable: true }) outcome: ProposalOutcome | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty() nominatedAutomatically: boolean;
}

export class ProposalListDto {
  @ApiProperty({ type: [ProposalRowDto] }) proposals: ProposalRowDto[];
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
}
