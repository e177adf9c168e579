import { ApiProperty } from '@nestjs/swagger';
import { PeriodDto } from '../../http/dto';

/** Outcome calibration (docs/metrics-decision-quality.md): statuses are disjoint and add up to `delivered`. */
export class CalibrationCountsDto {
  @ApiProperty({ type: 'integer', description: 'Items delivered (the throughput)' }) delivered: number;
  @ApiProperty({ type: 'integer', description: 'The latest outcome on the linked objective after delivery says moved' }) validated: number;
  @ApiProperty({ type: 'integer', description: 'The latest outcome on the linked objective after delivery says not moved' }) refuted: number;
  @ApiProperty({ type: 'integer', description: 'No outcome yet, not yet due' }) unknown: number;
  @ApiProperty({ type: 'integer', description: 'No outcome outcomeDueDays after delivery' }) overdue: number;
  @ApiProperty({ type: 'integer', description: 'Delivered without a linked objective' }) noObjective: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'validated ÷ (validated + refuted)' }) validationRate: number | null;
}

export class CalibrationByBacklogDto extends CalibrationCountsDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ type: 'integer', description: 'The policy as of `at`' }) outcomeDueDays: number;
}

export class CalibrationByDecisionMakerDto extends CalibrationCountsDto {
  @ApiProperty({ description: 'Actor of the last reprioritization before the start (or before delivery), else who added it' }) actorId: string;
}

export class CalibrationByMonthDto extends CalibrationCountsDto {
  @ApiProperty({ example: '2026-03', description: 'Month of delivery (UTC)' }) month: string;
}

export class CalibrationOutcomeDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() moved: boolean;
}

export class CalibratedItemDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) deliveredAt: string;
  @ApiProperty() decisionMaker: string;
  @ApiProperty({ type: 'string', nullable: true }) objectiveId: string | null;
  @ApiProperty({ enum: ['validated', 'refuted', 'unknown', 'overdue', 'no-objective'] }) status: string;
  @ApiProperty({ type: CalibrationOutcomeDto, nullable: true }) outcome: CalibrationOutcomeDto | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'delivery + outcomeDueDays' }) dueAt: string | null;
  @ApiProperty({ type: 'integer' }) daysSinceDelivery: number;
}

export class CalibrationReportDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ type: PeriodDto, description: 'Items delivered in [from, to)' }) period: PeriodDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: CalibrationCountsDto }) totals: CalibrationCountsDto;
  @ApiProperty({ type: [CalibrationByBacklogDto] }) byBacklog: CalibrationByBacklogDto[];
  @ApiProperty({ type: [CalibrationByDecisionMakerDto], description: 'Most delivered first' }) byDecisionMaker: CalibrationByDecisionMakerDto[];
  @ApiProperty({ type: [CalibrationByMonthDto], description: 'Every month of the period, oldest first: throughput (delivered) next to validated' })
  byMonth: CalibrationByMonthDto[];
  @ApiProperty({ type: [CalibratedItemDto], description: 'Delivered without an outcome after outcomeDueDays, longest overdue first (at most 500)' })
  overdue: CalibratedItemDto[];
  @ApiProperty() truncated: boolean;
}
