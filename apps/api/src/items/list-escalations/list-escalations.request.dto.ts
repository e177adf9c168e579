import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ESCALATION_STATUSES, type EscalationStatus } from '../get-item/get-item.response.dto';

export class ListEscalationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this backlog's escalations" })
  @IsOptional()
  @IsUUID()
  backlogId?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'Only the ones this person (token subject) raised. Stakeholders see only their own: for them it defaults to themselves.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  raisedBy?: string;

  @ApiPropertyOptional({ enum: ESCALATION_STATUSES, description: 'open: waiting for a resolution' })
  @IsOptional()
  @IsIn(ESCALATION_STATUSES)
  status?: EscalationStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page', pattern: '^[1-9][0-9]{0,14}$', example: '1042' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,14}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}
