import { ApiProperty } from '@nestjs/swagger';
import { ActorDto } from '../../http/dto';
import { ESCALATION_STATUSES, type EscalationStatus } from '../get-item/get-item.response.dto';

export class ChallengedDecisionDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'item.reprioritized' }) type: string;
  @ApiProperty({ example: 'reprioritized' }) decision: string;
  @ApiProperty({ type: () => ActorDto, nullable: true, description: 'Who took it' }) actor: ActorDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was taken' }) at: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) fromPosition: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) toPosition: number | null;
}

export class EscalationChangeDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ enum: ['item.reprioritized', 'item.revived'] }) type: string;
  @ApiProperty({ enum: ['reprioritized', 'revived'] }) decision: string;
  @ApiProperty({ type: 'integer', nullable: true }) fromPosition: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) toPosition: number | null;
}

export class EscalationResolutionDto {
  @ApiProperty({ enum: ['upheld', 'overturned'] }) outcome: 'upheld' | 'overturned';
  @ApiProperty({ format: 'uuid', description: 'The item.escalation-resolved event' }) eventId: string;
  @ApiProperty({ type: () => ActorDto }) by: ActorDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() rationale: string;
  @ApiProperty({ type: () => EscalationChangeDto, nullable: true, description: 'The decision an overturn caused (null when upheld)' })
  change: EscalationChangeDto | null;
}

export class EscalationDto {
  @ApiProperty({ format: 'uuid' }) escalationId: string;
  @ApiProperty({ enum: ESCALATION_STATUSES }) status: EscalationStatus;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() itemTitle: string;
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty() backlogName: string;
  @ApiProperty({ format: 'uuid', description: 'The item.escalated event' }) eventId: string;
  @ApiProperty({ type: () => ActorDto }) raisedBy: ActorDto;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ type: () => ChallengedDecisionDto, description: 'The decision it challenges' }) against: ChallengedDecisionDto;
  @ApiProperty({ description: 'What the stakeholder wants instead' }) wanted: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, description: 'To whom it goes' }) addressedTo: string | null;
  @ApiProperty({ type: () => EscalationResolutionDto, nullable: true, description: 'null while open' }) resolution: EscalationResolutionDto | null;
}

export class EscalationPageDto {
  @ApiProperty({ type: [EscalationDto], description: 'Newest first' }) escalations: EscalationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
  @ApiProperty({ type: 'integer' }) limit: number;
}
