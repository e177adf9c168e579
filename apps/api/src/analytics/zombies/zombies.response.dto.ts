import { ApiProperty } from '@nestjs/swagger';
import { ITEM_KINDS } from '@ledger/domain';

export class ZombieReasonsDto {
  @ApiProperty({ type: 'integer', description: 'Reprioritizations that moved it down' }) timesDeferred: number;
  @ApiProperty({ description: 'No objective linked' }) noObjective: boolean;
  @ApiProperty({ description: "The kill criteria's review-by date has passed" }) killCriteriaReviewPassed: boolean;
  @ApiProperty({ description: 'In progress for at least staleAfterDays without delivery' }) inProgressTooLong: boolean;
  @ApiProperty({ type: 'integer', description: 'Escalations raised on it' }) escalations: number;
}

export class ZombieDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind: string;
  @ApiProperty({ enum: ['open', 'in-progress'] }) status: 'open' | 'in-progress';
  @ApiProperty({ type: 'integer', description: 'Whole days since it was added' }) ageDays: number;
  @ApiProperty({ type: 'integer', description: 'Whole days since the last progress event (or the add)' }) daysSinceProgress: number;
  @ApiProperty({ format: 'date-time' }) lastProgressAt: string;
  @ApiProperty({ type: Number, nullable: true }) estimate: number | null;
  @ApiProperty({ type: () => ZombieReasonsDto }) reasons: ZombieReasonsDto;
  @ApiProperty({ type: Number, description: 'Higher = more clearly a zombie (docs/metrics-zombies-health.md)' }) score: number;
}

export class ZombieReportDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [ZombieDto], description: 'By score, then age' }) zombies: ZombieDto[];
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: 'integer', description: 'Open or in progress' }) openItems: number;
  @ApiProperty({ type: Number, description: 'count ÷ openItems (0 without open items)' }) shareOfOpen: number;
  @ApiProperty({ type: Number }) estimatedPointsOfZombies: number;
  @ApiProperty({ type: Number }) estimatedPointsOpen: number;
  @ApiProperty({ type: Number, description: 'estimatedPointsOfZombies ÷ estimatedPointsOpen (0 without points)' }) shareOfPoints: number;
}
