import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class MoveToAntiBacklogRequestDto {
  @ApiProperty({ description: 'Why the idea is explicitly not pursued (required, non-trivial)', minLength: 10, maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}
