import { ApiProperty } from '@nestjs/swagger';
import { DecisionResponseDto } from '../../http/dto';

export class ObjectiveResponseDto extends DecisionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Id of the new objective' })
  objectiveId: string;
}
