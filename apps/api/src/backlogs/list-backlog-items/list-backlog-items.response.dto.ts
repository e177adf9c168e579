import { ApiProperty } from '@nestjs/swagger';
import { ITEM_KINDS, type ItemKind } from '@ledger/domain';
import { FrozenScoreDto } from '../../items/scoring.response.dto';
import { ITEM_LIST_STATUSES, type ItemListStatus } from './list-backlog-items.request.dto';

const ITEM_STATUSES = ['open', 'in-progress', 'delivered', 'killed', 'anti-backlog'] as const;

export class RankedItemDto {
  @ApiProperty({ type: 'integer', nullable: true, description: '1 = top; null in the lists of items that left the ranking (`status` other than ranked)' })
  position: number | null;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind: ItemKind;
  @ApiProperty({ enum: ITEM_STATUSES, description: 'open / in-progress in the ranking; the list’s status otherwise' })
  status: (typeof ITEM_STATUSES)[number];
  @ApiProperty({ type: String, nullable: true, description: 'Orderable rank key (ADR 0003) while ranked; null otherwise' }) rank: string | null;
  @ApiProperty({ type: Number, nullable: true }) estimate: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) objectiveId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The stakeholder who requested it' }) requestedBy: string | null;
  @ApiProperty({ type: 'integer', description: "The item stream's revision (send it as If-Match)" }) revision: number;
  @ApiProperty({
    format: 'date-time',
    description: 'When the item last progressed (started, delivered, outcome recorded, estimated, linked to an objective, kill criteria set), or was added if it never did; reprioritizations are not progress',
  })
  lastProgressAt: string;
  @ApiProperty({
    type: () => FrozenScoreDto,
    nullable: true,
    description: "The score the item's latest decision froze (as of `at`: its latest decision up to then); null when it has none (ADR 0033)",
  })
  scoring: FrozenScoreDto | null;
}

export class RankedItemsPageDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ enum: ITEM_LIST_STATUSES, description: 'Which list: the ranking, or the items that left it that way' }) status: ItemListStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The instant reconstructed, or null for now' }) at: string | null;
  @ApiProperty({ type: 'integer', description: 'Read-model position the page was read at' }) asOfPosition: number;
  @ApiProperty({ type: 'integer', description: 'Items in the list in all' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
  @ApiProperty({ type: [RankedItemDto] }) items: RankedItemDto[];
}
