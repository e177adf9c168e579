import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class ListDelegationsQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Statuses as of this instant (default now)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  at?: string;
}
