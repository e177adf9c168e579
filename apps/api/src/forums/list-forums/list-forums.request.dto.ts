import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListForumsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the forums that review this backlog (where a kill proposal on its items may go)' })
  @IsOptional()
  @IsUUID()
  backlogId?: string;
}
