import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { SCORING_MODELS, type ScoringModel } from '@ledger/domain';

/** Healthy backlog size, in sprints of estimated ready work. */
export class HealthySprintsDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 52, example: 3 })
  @IsInt()
  @Min(1)
  @Max(52)
  min: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 52, example: 6, description: 'At least min' })
  @IsInt()
  @Min(1)
  @Max(52)
  max: number;
}

/** Backlog policy thresholds; every field optional (unset fields keep their current / default value). */
export class BacklogPolicyDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650, description: 'Open items older than this with no progress can be zombies (default 90)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  zombieAfterDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650, description: 'Days without a progress event before an item counts as stale (default 60)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  staleAfterDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650, description: 'Two opposite reprioritizations within this many days can be a reversal (default 30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  reversalWindowDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 365, description: 'Days between zombie reviews (default 14)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  reviewCadenceDays?: number;

  @ApiPropertyOptional({ type: () => HealthySprintsDto, description: 'Healthy backlog size in sprints (default 3..6)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HealthySprintsDto)
  healthySprints?: HealthySprintsDto;

  @ApiPropertyOptional({ enum: SCORING_MODELS, description: 'Scoring model item decisions freeze scores with (default none; ADR 0033)' })
  @IsOptional()
  @IsIn(SCORING_MODELS)
  scoringModel?: ScoringModel;

  @ApiPropertyOptional({ type: 'number', minimum: 0, maximum: 10, description: 'Against the score: a passed-over item beats the moved one by more than this share (default 0.2 = 20 %)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  scoreMargin?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3650, description: 'A delivered item without an outcome is overdue this many days after delivery (default 90)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  outcomeDueDays?: number;
}

export class CreateBacklogRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ description: 'What the product is for (the "why" of the backlog)', minLength: 10, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  productGoal: string;

  @ApiPropertyOptional({ type: () => BacklogPolicyDto, description: 'Thresholds; defaults apply to what is not given' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BacklogPolicyDto)
  policy?: BacklogPolicyDto;

  @ApiPropertyOptional({ description: 'Why the backlog is created (defaults to the product goal)', minLength: 10, maxLength: 4000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  rationale?: string;
}
