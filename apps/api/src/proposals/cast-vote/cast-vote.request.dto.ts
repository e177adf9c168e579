import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { VOTE_CHOICES, type VoteChoice } from '@ledger/domain';

export class CastVoteRequestDto {
  @ApiProperty({ enum: VOTE_CHOICES })
  @IsIn(VOTE_CHOICES)
  choice: VoteChoice;

  @ApiProperty({ description: 'Why (every vote carries a reason; auditors see it)', minLength: 10, maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}
