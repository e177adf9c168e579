import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@ledger/kernel';
import { ActorDto } from '../../http/dto';

export class BacklogOwnerDto {
  @ApiProperty({ description: 'Token subject' }) id: string;
  @ApiProperty({ enum: ROLES, description: "The creator's role, or product-owner" }) role: Role;
  @ApiProperty({ format: 'date-time', description: 'Their first decision on the backlog (its creation, for the creator)' }) since: string;
}

export class BacklogCountsDto {
  @ApiProperty({ type: 'integer', description: 'In the ranking: open + in progress' }) ranked: number;
  @ApiProperty({ type: 'integer', description: 'Open, not started' }) open: number;
  @ApiProperty({ type: 'integer' }) inProgress: number;
  @ApiProperty({ type: 'integer' }) delivered: number;
  @ApiProperty({ type: 'integer' }) killed: number;
  @ApiProperty({ type: 'integer', description: 'Parked in the anti-backlog' }) antiBacklog: number;
  @ApiProperty({ type: 'integer', description: 'Every item ever added' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Escalations waiting for a resolution' }) openEscalations: number;
}

export class BacklogSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() productGoal: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: () => ActorDto }) createdBy: ActorDto;
  @ApiProperty({
    type: [BacklogOwnerDto],
    description:
      'Who decides on it: its creator, then every product owner who has taken a decision on it, in the order they first did (ADR 0032). ' +
      'Admins and product leaders may decide on every backlog and are not listed unless they created it.',
  })
  owners: BacklogOwnerDto[];
  @ApiProperty({ type: () => BacklogCountsDto, description: 'Items by current status' }) counts: BacklogCountsDto;
  @ApiProperty({ type: 'integer', description: "The backlog stream's revision (If-Match for backlog decisions)" }) revision: number;
}

export class BacklogListDto {
  @ApiProperty({ type: [BacklogSummaryDto], description: 'By name' }) backlogs: BacklogSummaryDto[];
}
