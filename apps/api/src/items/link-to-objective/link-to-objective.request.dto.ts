import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RationaleField } from '../../http/dto';

export class LinkToObjectiveRequestDto {
  @ApiProperty({ description: "An active objective of the item's backlog", format: 'uuid' })
  @IsUUID()
  objectiveId: string;

  @RationaleField()
  rationale: string;
}
