import { ApiProperty } from '@nestjs/swagger';
import { SCORING_MODELS, type ScoringModel } from '@ledger/domain';

export class SizeBandDto {
  @ApiProperty({ type: 'integer' }) min: number;
  @ApiProperty({ type: 'integer' }) max: number;
}

/** The backlog's policy thresholds in force (DOMAIN.md defaults where never changed). */
export class PolicyViewDto {
  @ApiProperty({ type: 'integer' }) zombieAfterDays: number;
  @ApiProperty({ type: 'integer' }) staleAfterDays: number;
  @ApiProperty({ type: 'integer' }) reversalWindowDays: number;
  @ApiProperty({ type: () => SizeBandDto, description: 'Healthy backlog size in sprints' }) healthySprints: SizeBandDto;
  @ApiProperty({ type: 'integer' }) reviewCadenceDays: number;
  @ApiProperty({ enum: SCORING_MODELS, description: 'The model item decisions freeze scores with (ADR 0033); none: items have no score' })
  scoringModel: ScoringModel;
  @ApiProperty({ type: 'number', description: 'Against the score: a passed-over item scores more than this share higher (0.2 = 20 %)' })
  scoreMargin: number;
  @ApiProperty({ type: 'integer', description: 'A delivered item without an outcome is overdue this many days after delivery' })
  outcomeDueDays: number;
}

export class ObjectiveViewDto {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty() title: string;
  @ApiProperty() metric: string;
  @ApiProperty({ type: String, nullable: true }) target: string | null;
  @ApiProperty() retired: boolean;
}

export class SprintVelocityDto {
  @ApiProperty() sprint: string;
  @ApiProperty({ format: 'date' }) endedOn: string;
  @ApiProperty({ type: Number }) points: number;
}

export class BacklogViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() productGoal: string;
  @ApiProperty({ type: () => PolicyViewDto }) policy: PolicyViewDto;
  @ApiProperty({ type: [ObjectiveViewDto], description: 'Active and retired, in the order added' }) objectives: ObjectiveViewDto[];
  @ApiProperty({ type: [SprintVelocityDto], description: 'By sprint end date' }) velocities: SprintVelocityDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Average points of the last 3 sprints; null without velocities' })
  averageVelocity: number | null;
  @ApiProperty({ type: 'integer', description: 'Open and in-progress items' }) rankedItems: number;
  @ApiProperty({ type: 'integer', description: 'Stream revision (the ETag)' }) revision: number;
}
