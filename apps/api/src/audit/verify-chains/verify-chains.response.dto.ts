import { ApiProperty } from '@nestjs/swagger';
import type { ChainBreak } from '@ledger/event-store';

export class ChainBreakDto {
  @ApiProperty() streamId: string;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ enum: ['hash-mismatch', 'prev-hash-mismatch', 'revision-gap', 'position-gap'] }) problem: ChainBreak['problem'];
  @ApiProperty() expected: string;
  @ApiProperty() actual: string;
}

export class VerifyReportDto {
  @ApiProperty({ description: 'Every chain intact' }) ok: boolean;
  @ApiProperty({ type: 'integer' }) streamsChecked: number;
  @ApiProperty({ type: 'integer' }) eventsChecked: number;
  @ApiProperty({ type: () => ChainBreakDto, nullable: true, description: 'The first broken link in global order' }) firstBreak: ChainBreakDto | null;
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
}
