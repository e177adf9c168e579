import { ApiProperty } from '@nestjs/swagger';
import { ITEM_KINDS, type ItemKind } from '@ledger/domain';

export class RankedItemDto {
  @ApiProperty({ type: 'integer', description: '1 = top' }) position: number;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind: ItemKind;
  @ApiProperty({ enum: ['open', 'in-progress'], description: 'Only ranked items are listed' }) status: 'open' | 'in-progress';
  @ApiProperty({ description: 'Orderable rank key (ADR 0003)' }) rank: string;
  @ApiProperty({ type: Number, nullable: true }) estimate: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) objectiveId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The stakeholder who requested it' }) requestedBy: string | null;
  @ApiProperty({ type: 'integer', description: "The item stream's revision (send it as If-Match)" }) revision: number;
}

export class RankedItemsPageDto {
  @ApiProperty({ format: 'uuid' }) backlogId: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The instant reconstructed, or null for now' }) at: string | null;
  @ApiProperty({ type: 'integer', description: 'Read-model position the page was read at' }) asOfPosition: number;
  @ApiProperty({ type: 'integer', description: 'Ranked items in all' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
  @ApiProperty({ type: [RankedItemDto] }) items: RankedItemDto[];
}
