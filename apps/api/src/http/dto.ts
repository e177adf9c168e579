import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Required free text explaining a decision; the deciders reject trivial text (DECISION.RATIONALE_REQUIRED). */
export const RationaleField = (description = 'Why this decision was taken (at least 10 meaningful characters).') =>
  applyDecorators(
    ApiProperty({ description, minLength: 10, maxLength: 4000, example: 'Customer interviews show churn is driven by onboarding.' }),
    IsString(),
    IsNotEmpty(),
    MaxLength(4000),
  );

export const OptionalUuidField = (description: string) =>
  applyDecorators(ApiPropertyOptional({ description, format: 'uuid' }), IsOptional(), IsUUID());

export class DecisionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Stream revision after the decision; send it back as If-Match.' }) revision: number;
  @ApiProperty({ description: 'Global position of the last event written.' }) position: number;
  @ApiProperty({ type: [String] }) eventIds: string[];
}

export class CreatedResponseDto extends DecisionResponseDto {}

export class ProblemDto {
  @ApiProperty() type: string;
  @ApiProperty() title: string;
  @ApiProperty() status: number;
  @ApiProperty({ example: 'ITEM.ALREADY_KILLED' }) code: string;
  @ApiProperty() detail: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) errors?: unknown[];
}
