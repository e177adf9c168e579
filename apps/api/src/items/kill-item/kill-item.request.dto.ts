import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class KillItemRequestDto {
  @ApiProperty({ description: 'Why the item is killed (required, non-trivial)', minLength: 10, maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}
