import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RationaleField } from '../../http/dto';

/** The caller delegates their own vote in the forum (ADR 0035). */
export class DelegateVoteRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The member who votes for you (their `sub`); a member of the same forum', example: 'max' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  delegateId: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From when (default now; not in the past)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  validFrom?: string;

  @ApiProperty({ format: 'date-time', description: 'Until when (exclusive; at most 366 days after validFrom)', example: '2030-02-01T00:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  validUntil: string;

  @RationaleField('Why you delegate (e.g. leave), for the audit trail')
  rationale: string;
}
