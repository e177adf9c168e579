import { ApiProperty } from '@nestjs/swagger';
import type { SizeVerdict } from '@ledger/analytics';
import { PeriodDto } from '../../http/dto';
import { SIZE_VERDICTS } from '../health/health.response.dto';

export class PortfolioRowDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ description: "The backlog's name" }) name: string;
  @ApiProperty({ type: 'integer', description: 'Open or in progress' }) openItems: number;
  @ApiProperty({ type: 'integer' }) zombies: number;
  @ApiProperty({ type: Number, nullable: true }) sizeInSprints: number | null;
  @ApiProperty({ enum: SIZE_VERDICTS }) verdict: SizeVerdict;
  @ApiProperty({ type: Number, nullable: true, description: 'Reversing decisions ÷ decisions in the period' }) reversalRate: number | null;
}

export class PortfolioDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: () => PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [PortfolioRowDto], description: 'One row per backlog you may read' }) backlogs: PortfolioRowDto[];
}
