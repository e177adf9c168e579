import { ApiProperty } from '@nestjs/swagger';
import { PeriodDto } from '../../http/dto';

export class InfluenceCountsDto {
  @ApiProperty({ type: 'integer' }) escalationsRaised: number;
  @ApiProperty({ type: 'integer' }) resolved: number;
  @ApiProperty({ type: 'integer' }) overturned: number;
  @ApiProperty({ type: 'integer' }) upheld: number;
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: Number, nullable: true, description: 'overturned ÷ resolved (the win rate); null when none is resolved' })
  overturnedShare: number | null;
}

export class StakeholderInfluenceDto extends InfluenceCountsDto {
  @ApiProperty() stakeholderId: string;
}

export class InfluenceReportDto {
  @ApiProperty({ type: () => PeriodDto }) period: PeriodDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [StakeholderInfluenceDto], description: 'Most escalations first' }) stakeholders: StakeholderInfluenceDto[];
  @ApiProperty({ type: () => InfluenceCountsDto, description: 'Over all stakeholders' }) totals: InfluenceCountsDto;
}
