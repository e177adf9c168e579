import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { RationaleField } from '../../http/dto';
import { ForumRuleDto } from '../forum-rule.dto';

export class ChangeRuleRequestDto {
  @ApiPropertyOptional({ type: () => ForumRuleDto, description: 'Rule fields to change; the others stay' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ForumRuleDto)
  rule?: ForumRuleDto;

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: 50, description: 'The new scope (absent: unchanged)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  backlogIds?: string[];

  @RationaleField('Why the rule or scope changes')
  rationale: string;
}
