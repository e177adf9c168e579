import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { RationaleField } from '../../http/dto';
import { BacklogPolicyDto } from '../create-backlog/create-backlog.request.dto';

export class ChangePolicyRequestDto {
  @ApiProperty({ type: () => BacklogPolicyDto, description: 'The thresholds to change; fields not given keep their current value' })
  @IsObject()
  @ValidateNested()
  @Type(() => BacklogPolicyDto)
  policy: BacklogPolicyDto;

  @RationaleField()
  rationale: string;
}
