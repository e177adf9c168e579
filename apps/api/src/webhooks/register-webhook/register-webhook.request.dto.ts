import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from '../webhook.decider';

export class RegisterWebhookRequestDto {
  @ApiProperty({ description: 'Where deliveries are POSTed: https, no credentials, no private address', maxLength: 2048, example: 'https://hooks.example.com/ledger' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: string[];

  @ApiPropertyOptional({ format: 'uuid', description: "Only this forum's proposals and the item events of the forum's backlogs" })
  @IsOptional()
  @IsUUID()
  forumId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: 'Only events of these backlogs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  backlogIds?: string[];

  @ApiPropertyOptional({ description: 'Why this receiver hears about decisions (kept in the audit trail)', minLength: 10, maxLength: 4000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  rationale?: string;
}
