import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class LeaveForumRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'Who leaves (default: the caller). Removing someone else needs an admin or product leader.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  memberId?: string;

  @RationaleField('Why the member leaves the forum')
  rationale: string;
}
