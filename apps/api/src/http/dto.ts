import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@ledger/kernel';

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
  @ApiProperty({ type: 'integer', description: 'Stream revision after the decision; send it back as If-Match.' }) revision: number;
  @ApiProperty({ type: 'integer', description: 'Global position of the last event written.' }) position: number;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'The events written, in order' }) eventIds: string[];
}

/** Who took a decision, as their token said (never from a body). */
export class ActorDto {
  @ApiProperty({ description: 'Token subject' }) id: string;
  @ApiProperty({ enum: ROLES, description: "'system' for decisions the ledger takes itself (e.g. a forum's kill at the deadline)" }) role: Role;
}

/** A reporting period: [from, to). */
export class PeriodDto {
  @ApiProperty({ format: 'date-time', description: 'Inclusive' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) to: string;
}

/** An explicitly free-form JSON object (an event's `data`, as recorded). */
export const FreeFormObject = (description: string) => ApiProperty({ type: 'object', additionalProperties: true, description });

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
