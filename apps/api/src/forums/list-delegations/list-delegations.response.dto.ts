import { ApiProperty } from '@nestjs/swagger';

export const DELEGATION_STATUSES = ['scheduled', 'active', 'ended', 'revoked', 'ended-by-leave'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

export class DelegationViewDto {
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty({ description: 'Who delegated their vote' }) delegatorId: string;
  @ApiProperty({ description: 'Who votes for them' }) delegateId: string;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) validUntil: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({
    enum: DELEGATION_STATUSES,
    description:
      'As of `at`: scheduled (not started), active (holds: the delegate votes for the delegator), ended (its period is over), revoked, ended-by-leave (a party left the forum)',
  })
  status: DelegationStatus;
}

export class DelegationListDto {
  @ApiProperty({ format: 'uuid' }) forumId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [DelegationViewDto], description: 'Every delegation ever granted in the forum, in the order granted' })
  delegations: DelegationViewDto[];
}
