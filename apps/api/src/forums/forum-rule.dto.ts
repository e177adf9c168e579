import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { NO_QUORUM_FOLLOW_UPS, type NoQuorumFollowUp } from '@ledger/domain';

/** A forum's voting rule; fields not given keep their current value (defaults on creation). */
export class ForumRuleDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, description: 'Minimum votes cast (kill + keep + abstain); default 3' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  quorum?: number;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 1,
    description: 'Share of kill among kill + keep needed to kill (0 < t ≤ 1); default 0.5',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  killThreshold?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 365, description: 'Days a proposal stays open for votes; default 7' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  votingPeriodDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 365, description: 'Days between automatic nominations; default 14' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  reviewCadenceDays?: number;

  @ApiPropertyOptional({ enum: NO_QUORUM_FOLLOW_UPS, description: "After a no-quorum close: nominate again at the next cadence point, or hand back to the owner; default 'reopen-next-cadence'" })
  @IsOptional()
  @IsIn(NO_QUORUM_FOLLOW_UPS)
  onNoQuorum?: NoQuorumFollowUp;
}

/** A forum's voting rule as it is (or was, when a proposal opened). */
export class ForumRuleViewDto {
  @ApiProperty({ type: 'integer', description: 'Minimum votes cast (kill + keep + abstain)' }) quorum: number;
  @ApiProperty({ type: Number, description: 'Share of kill among kill + keep needed to kill (0 < t ≤ 1)' }) killThreshold: number;
  @ApiProperty({ type: 'integer', description: 'Days a proposal stays open for votes' }) votingPeriodDays: number;
  @ApiProperty({ type: 'integer', description: 'Days between automatic nominations' }) reviewCadenceDays: number;
  @ApiProperty({ enum: NO_QUORUM_FOLLOW_UPS }) onNoQuorum: NoQuorumFollowUp;
}
