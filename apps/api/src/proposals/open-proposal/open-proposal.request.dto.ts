import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class OpenProposalRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The item to kill (its backlog must be in the forum scope)' })
  @IsUUID()
  itemId: string;

  @ApiProperty({ description: 'Why the item should be killed (locked once a vote is cast)', minLength: 10, maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}
