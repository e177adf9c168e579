import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { RationaleField } from '../../http/dto';
import { ForumRuleDto } from '../forum-rule.dto';

export class CreateForumRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Checkout kill review' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 50, description: 'The backlogs the forum reviews' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  backlogIds: string[];

  @ApiPropertyOptional({ type: () => ForumRuleDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ForumRuleDto)
  rule?: ForumRuleDto;

  @RationaleField('Why the forum is set up')
  rationale: string;
}
