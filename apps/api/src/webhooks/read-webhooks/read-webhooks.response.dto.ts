import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook.decider';
import type { DeliveryStatus } from '../webhook-outbox';

export class WebhookRecordDto {
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ description: 'Where deliveries are POSTed' }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "Only this forum's proposal events" }) forumId: string | null;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'Only these backlogs (empty: all)' }) backlogIds: string[];
  @ApiProperty({ description: 'Last 4 characters of the signing secret' }) secretHint: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty() registeredBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) removedAt: string | null;
  @ApiProperty({ enum: ['active', 'removed'] }) status: 'active' | 'removed';
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookRecordDto], description: 'Oldest first' }) webhooks: WebhookRecordDto[];
}

export class WebhookViewDto extends WebhookRecordDto {
  @ApiProperty({ type: 'integer', description: 'Stream revision' }) revision: number;
}

export class DeliveryAttemptDto {
  @ApiProperty({ type: 'integer', description: '1 = first' }) attempt: number;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: 'integer' }) durationMs: number;
  @ApiProperty({ type: 'integer', nullable: true, description: "The receiver's HTTP status; null when none came back" }) statusCode: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType: WebhookEventType;
  @ApiProperty({ type: 'integer' }) eventPosition: number;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead', 'cancelled'] }) status: DeliveryStatus;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Next retry (pending deliveries)' }) nextAttemptAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) lastStatusCode: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: [DeliveryAttemptDto] }) attemptLog: DeliveryAttemptDto[];
}

export class DeliveryListDto {
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ type: [DeliveryDto], description: 'Newest event first' }) deliveries: DeliveryDto[];
}
