import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class EscalateDecisionRequestDto {
  @ApiProperty({ description: 'Id of the decision (event) on this item being challenged', format: 'uuid' })
  @IsUUID()
  againstEventId: string;

  @ApiProperty({ description: 'What the stakeholder wants instead', minLength: 10, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  wanted: string;

  @ApiProperty({ description: 'Why the decision should change', minLength: 10, maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;

  @ApiPropertyOptional({ description: 'Who the escalation goes to (a person or a body)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressedTo?: string;
}
