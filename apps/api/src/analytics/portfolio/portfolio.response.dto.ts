import { ApiProperty } from '@nestjs/swagger';
import type { SizeVerdict } from '@ledger/analytics';
import { PeriodDto } from '../../http/dto';
import { SIZE_VERDICTS } from '../health/health.response.dto';

/** Reprioritizations in the period against the score (ADR 0033; docs/metrics-decision-quality.md). */
export class PortfolioAgainstScoreDto {
  @ApiProperty({ type: 'integer', description: 'Reprioritizations in the period' }) reprioritizations: number;
  @ApiProperty({ type: 'integer', description: 'Of those, judged (the moved item had a score)' }) judged: number;
  @ApiProperty({ type: 'integer', description: 'Of those, against the score' }) against: number;
  @ApiProperty({ type: Number, nullable: true, description: 'against ÷ reprioritizations; null without reprioritizations' }) share: number | null;
}

export class PortfolioRowDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ description: "The backlog's name" }) name: string;
  @ApiProperty({ type: 'integer', description: 'Open or in progress' }) openItems: number;
  @ApiProperty({ type: 'integer' }) zombies: number;
  @ApiProperty({ type: Number, nullable: true }) sizeInSprints: number | null;
  @ApiProperty({ enum: SIZE_VERDICTS }) verdict: SizeVerdict;
  @ApiProperty({ type: Number, nullable: true, description: 'Reversing decisions ÷ decisions in the period' }) reversalRate: number | null;
  @ApiProperty({ type: () => PortfolioAgainstScoreDto }) againstScore: PortfolioAgainstScoreDto;
}

export class PortfolioDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: () => PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: [PortfolioRowDto], description: 'One row per backlog you may read' }) backlogs: PortfolioRowDto[];
}
