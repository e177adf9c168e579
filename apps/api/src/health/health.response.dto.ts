import { ApiProperty } from '@nestjs/swagger';
import type { ProjectorState } from '@ledger/analytics';

export class StoreHeadDto {
  @ApiProperty({ type: 'integer', description: 'Position of the last committed event (0 when empty)' }) headPosition: number;
}

export class ProjectionLagDto {
  @ApiProperty({ type: 'integer', description: 'Last position this projection has applied' }) position: number;
  @ApiProperty({ type: 'integer', description: 'Events it is behind the store' }) lagEvents: number;
}

export class AnalyticsLagDto extends ProjectionLagDto {
  @ApiProperty({ type: Number, description: 'How long the oldest unprojected event has waited (0 when caught up)' }) lagSeconds: number;
  @ApiProperty({ enum: ['idle', 'running', 'retrying', 'stopping', 'stopped'] }) state: ProjectorState;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ type: () => StoreHeadDto }) eventStore: StoreHeadDto;
  @ApiProperty({ type: () => ProjectionLagDto, description: 'Ranking and audit index' }) readModel: ProjectionLagDto;
  @ApiProperty({ type: () => ProjectionLagDto, description: 'Forum index (caught up on demand)' }) forums: ProjectionLagDto;
  @ApiProperty({ type: () => ProjectionLagDto, nullable: true, description: 'Webhook outbox; null where this replica does not dispatch' })
  webhooks: ProjectionLagDto | null;
  @ApiProperty({ type: () => AnalyticsLagDto }) analytics: AnalyticsLagDto;
}
