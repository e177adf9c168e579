import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class RecordOutcomeRequestDto {
  @ApiProperty({ description: "The objective of the item's backlog the outcome is measured against", format: 'uuid' })
  @IsUUID()
  objectiveId: string;

  @ApiProperty({ description: "What was observed on the objective's metric", minLength: 1, maxLength: 500, example: 'Activation +3pp in 4 weeks' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  observedValue: string;

  @ApiProperty({ description: 'Did the metric move?', type: Boolean })
  @IsBoolean()
  moved: boolean;

  @RationaleField()
  rationale: string;
}
