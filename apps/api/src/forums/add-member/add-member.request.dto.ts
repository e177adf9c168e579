import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class AddMemberRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: "The member's identity: the subject (`sub`) of their token", example: 'maria' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  memberId: string;

  @RationaleField('Why this person joins the forum')
  rationale: string;
}
