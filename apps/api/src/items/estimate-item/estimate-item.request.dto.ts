import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class EstimateItemRequestDto {
  @ApiProperty({ description: 'Story points', minimum: 0, maximum: 1000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  estimate: number;

  @RationaleField()
  rationale: string;
}
