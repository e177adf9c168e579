import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, IsNotEmpty, ValidateNested } from 'class-validator';
import { ITEM_KINDS, type ItemKind } from '@ledger/domain';
import { RationaleField } from '../../http/dto';
import { PlacementFields } from '../reprioritize-item/reprioritize-item.request.dto';
import { ScoreInputsDto } from '../score-inputs.dto';

export class AddItemRequestDto extends PlacementFields {
  @ApiProperty({ minLength: 1, maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ enum: ITEM_KINDS }) @IsIn(ITEM_KINDS) kind: ItemKind;
  @ApiPropertyOptional({ description: 'What we believe and how we would know', maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000) hypothesis?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() objectiveId?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'Story points' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) estimate?: number;
  @ApiPropertyOptional({ description: 'Stakeholder who asked for it (stakeholders: always themselves)', minLength: 1, maxLength: 200 })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) requestedBy?: string;
  @ApiPropertyOptional({ type: () => ScoreInputsDto, description: 'Score inputs (ADR 0033): set on add, estimate and reprioritize; null removes one' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScoreInputsDto)
  scoreInputs?: ScoreInputsDto;
  @RationaleField() rationale: string;
}
