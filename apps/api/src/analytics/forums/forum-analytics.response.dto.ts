import { ApiProperty } from '@nestjs/swagger';
import { PeriodDto } from '../../http/dto';

export class ClosedProposalsDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) kill: number;
  @ApiProperty({ type: 'integer' }) keep: number;
  @ApiProperty({ type: 'integer' }) noQuorum: number;
}

export class ForumReportDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: () => PeriodDto }) period: PeriodDto;
  @ApiProperty({ format: 'uuid' }) forumId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) proposalsOpened: number;
  @ApiProperty({ type: () => ClosedProposalsDto }) closed: ClosedProposalsDto;
  @ApiProperty({ type: Number, nullable: true, description: 'kill ÷ closed' }) killRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'no-quorum ÷ closed' }) noQuorumShare: number | null;
  @ApiProperty({ type: Number, nullable: true }) medianDaysToDecision: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Average votes cast ÷ members at the close' }) participation: number | null;
  @ApiProperty({ type: 'integer' }) withdrawn: number;
  @ApiProperty({ type: 'integer', description: 'Open as of `at`' }) openProposals: number;
  @ApiProperty({ type: 'integer', description: 'Members as of `at`' }) members: number;
  @ApiProperty({ type: 'integer', description: 'Votes that counted for someone else in the proposals closed in the period (ADR 0035)' })
  delegatedVotes: number;
  @ApiProperty({ type: Number, nullable: true, description: 'delegatedVotes ÷ the votes cast in those closes' }) delegatedShare: number | null;
  @ApiProperty({ type: 'integer', description: 'Delegations granted in the period' }) delegationsGranted: number;
  @ApiProperty({ type: 'integer', description: 'Delegations revoked in the period' }) delegationsRevoked: number;
  @ApiProperty({ type: 'integer', description: 'Delegations holding as of `at`' }) activeDelegations: number;
}
