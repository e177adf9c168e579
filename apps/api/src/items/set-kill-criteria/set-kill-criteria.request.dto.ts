import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { THRESHOLD_OPERATORS, type ThresholdOperator } from '@ledger/domain';
import { RationaleField } from '../../http/dto';

/** The machine-checked form of an exit condition (ADR 0034): kill if the observed value is `operator value`. */
export class KillThresholdDto {
  @ApiProperty({ description: "An active objective of the item's backlog whose outcomes are checked", format: 'uuid' })
  @IsUUID()
  objectiveId: string;

  @ApiProperty({ enum: THRESHOLD_OPERATORS, description: 'Kill if the observed value is <, <=, > or >= value' })
  @IsIn(THRESHOLD_OPERATORS)
  operator: ThresholdOperator;

  @ApiProperty({ type: 'number', description: 'Compared with the number an outcome observes (its leading number: "1.8 %" is 1.8)', example: 2 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;
}

export class SetKillCriteriaRequestDto {
  @ApiProperty({ description: 'The explicit exit condition: when this holds, the item should be killed', minLength: 10, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  exitCondition: string;

  @ApiProperty({ description: 'Review-by date (YYYY-MM-DD), today or later; with a threshold, the date it is checked by', format: 'date', example: '2030-01-31' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reviewBy must be a date (YYYY-MM-DD)' })
  reviewBy: string;

  @ApiPropertyOptional({
    type: () => KillThresholdDto,
    description:
      'Self-checking criteria: breached when an outcome on the objective meets the threshold, or when reviewBy passes with none; a breach nominates the item to its review forum once',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => KillThresholdDto)
  threshold?: KillThresholdDto;

  @RationaleField()
  rationale: string;
}
