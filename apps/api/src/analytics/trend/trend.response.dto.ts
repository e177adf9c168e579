import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { AgainstScoreTrendPoint, ReversalTrendPoint, SizeTrendPoint, SizeVerdict, ZombieTrendPoint } from '@ledger/analytics';
import { AgainstScoreTrendPointDto } from '../against-score/against-score.response.dto';
import { TREND_METRICS } from '../analytics-query.request.dto';
import { SIZE_VERDICTS } from '../health/health.response.dto';

export class ZombieTrendPointDto {
  @ApiProperty({ format: 'date-time', description: 'End of the week' }) at: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class ReversalTrendPointDto {
  @ApiProperty({ format: 'date-time', description: 'End of the week' }) at: string;
  @ApiProperty({ format: 'date-time', description: 'Start of the week' }) from: string;
  @ApiProperty({ type: 'integer' }) decisions: number;
  @ApiProperty({ type: 'integer' }) reversingDecisions: number;
  @ApiProperty({ type: 'integer' }) escalationReversals: number;
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
}

export class SizeTrendPointDto {
  @ApiProperty({ format: 'date-time', description: 'End of the week' }) at: string;
  @ApiProperty({ type: Number, nullable: true }) sizeInSprints: number | null;
  @ApiProperty({ enum: SIZE_VERDICTS }) verdict: SizeVerdict;
}

export class TrendReportDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ enum: TREND_METRICS }) metric: (typeof TREND_METRICS)[number];
  @ApiProperty({ enum: ['week'] }) every: 'week';
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({
    type: 'array',
    items: {
      anyOf: [
        { $ref: getSchemaPath(ZombieTrendPointDto) },
        { $ref: getSchemaPath(ReversalTrendPointDto) },
        { $ref: getSchemaPath(SizeTrendPointDto) },
        { $ref: getSchemaPath(AgainstScoreTrendPointDto) },
      ],
    },
    description:
      'One per week, oldest first; ZombieTrendPointDto for zombies, ReversalTrendPointDto for reversal-rate, SizeTrendPointDto for size-in-sprints, AgainstScoreTrendPointDto for against-score',
  })
  points: ZombieTrendPoint[] | ReversalTrendPoint[] | SizeTrendPoint[] | AgainstScoreTrendPoint[];
}
