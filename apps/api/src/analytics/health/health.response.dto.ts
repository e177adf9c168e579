import { ApiProperty } from '@nestjs/swagger';
import type { SizeVerdict } from '@ledger/analytics';
import { PeriodDto } from '../../http/dto';
import { SizeBandDto } from '../../backlogs/get-backlog/get-backlog.response.dto';

export const SIZE_VERDICTS = ['too-small', 'healthy', 'too-large', 'unknown'] as const;

export class BacklogSizeDto {
  @ApiProperty({ type: 'integer', description: 'Open and not started' }) readyItems: number;
  @ApiProperty({ type: Number, description: "Sum of the ready items' estimates" }) readyPoints: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Of the last (up to) 3 sprints; null when none' }) averageVelocity: number | null;
  @ApiProperty({ type: 'integer' }) sprintsInAverage: number;
  @ApiProperty({ type: Number, nullable: true, description: 'readyPoints ÷ averageVelocity' }) sizeInSprints: number | null;
  @ApiProperty({ type: () => SizeBandDto, description: 'The healthy band (inclusive)' }) band: SizeBandDto;
  @ApiProperty({ enum: SIZE_VERDICTS }) verdict: SizeVerdict;
}

export class BacklogSizeOfDto extends BacklogSizeDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
}

export class CountShareDto {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: Number }) share: number;
}

export class MonthCountDto {
  @ApiProperty({ pattern: '^\\d{4}-\\d{2}$', example: '2026-01' }) month: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class KillsDto {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: [MonthCountDto], description: 'Every month of the period, zeros included' }) byMonth: MonthCountDto[];
}

export class AgePercentilesDto {
  @ApiProperty({ type: Number, nullable: true }) p50: number | null;
  @ApiProperty({ type: Number, nullable: true }) p75: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90: number | null;
}

export class DeliveryVsOutcomesDto {
  @ApiProperty({ pattern: '^\\d{4}-\\d{2}$', example: '2026-01' }) month: string;
  @ApiProperty({ type: 'integer' }) delivered: number;
  @ApiProperty({ type: 'integer', description: 'Reopenings in the month: deliveries that did not hold (ADR 0025)' }) reopened: number;
  @ApiProperty({ type: 'integer' }) outcomesMoved: number;
  @ApiProperty({ type: 'integer' }) outcomesNotMoved: number;
}

export class HealthReportDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: () => PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: () => BacklogSizeDto }) size: BacklogSizeDto;
  @ApiProperty({ type: [BacklogSizeOfDto] }) sizeByBacklog: BacklogSizeOfDto[];
  @ApiProperty({ type: 'integer' }) openItems: number;
  @ApiProperty({ type: 'integer' }) readyItems: number;
  @ApiProperty({ type: () => CountShareDto, description: 'share of ready items' }) readyWithoutEstimate: CountShareDto;
  @ApiProperty({ type: () => CountShareDto, description: 'share of open items' }) linkedToObjective: CountShareDto;
  @ApiProperty({ type: 'integer' }) antiBacklogSize: number;
  @ApiProperty({ type: () => KillsDto }) kills: KillsDto;
  @ApiProperty({ type: () => AgePercentilesDto, description: 'Whole days since added, of the open items' }) openItemAgeDays: AgePercentilesDto;
  @ApiProperty({ type: [DeliveryVsOutcomesDto] }) deliveredVsOutcomes: DeliveryVsOutcomesDto[];
}
