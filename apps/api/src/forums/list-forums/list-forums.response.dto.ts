import { ApiProperty } from '@nestjs/swagger';
import { ForumRuleViewDto } from '../forum-rule.dto';

export class ForumSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'The backlogs it reviews' }) backlogIds: string[];
  @ApiProperty({ type: [String], description: 'Current members (token subjects), in joining order' }) members: string[];
  @ApiProperty({ type: () => ForumRuleViewDto }) rule: ForumRuleViewDto;
  @ApiProperty({ type: 'integer' }) openProposals: number;
}

export class ForumListDto {
  @ApiProperty({ type: [ForumSummaryDto], description: 'By name' }) forums: ForumSummaryDto[];
}
