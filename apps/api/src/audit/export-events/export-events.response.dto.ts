import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorDto, FreeFormObject } from '../../http/dto';

export class AuditEventMetadataDto {
  @ApiProperty({ type: () => ActorDto }) actor: ActorDto;
  @ApiProperty({ format: 'uuid' }) correlationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) causationId: string | null;
  @ApiPropertyOptional({ description: 'The request that produced it' }) requestId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was decided, where that differs from recordedAt (imports)' }) occurredAt?: string;
}

/**
 * One line of the NDJSON audit export: the event exactly as stored, with its place in the hash chain. Left open
 * (no additionalProperties: false): metadata may carry free-form additions (e.g. `imported`), never used for decisions.
 */
export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'item.killed' }) type: string;
  @ApiProperty({ type: 'integer' }) schemaVersion: number;
  @FreeFormObject('The decision as recorded (see the event catalog)') data: Record<string, unknown>;
  @ApiProperty({ type: () => AuditEventMetadataDto, description: 'Also free-form additions, e.g. `imported`' }) metadata: AuditEventMetadataDto;
  @ApiProperty({ example: 'item-6f1c…' }) streamId: string;
  @ApiProperty({ type: 'integer', description: '0-based, within the stream' }) revision: number;
  @ApiProperty({ type: 'integer', description: 'Global position' }) position: number;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'sha256 hex of this event chained to prevHash' }) hash: string;
  @ApiProperty() prevHash: string;
}

