import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { influence } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { AnalyticsScope } from '../analytics-scope';
import { InfluenceReportDto } from './influence.response.dto';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';

@ApiTags('analytics')
@Controller('backlogs')
export class InfluenceController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get(':backlogId/analytics/influence')
  @ApiOperation({ summary: 'Per stakeholder: escalations raised in [from, to) and the share overturned (their win rate)' })
  @ApiOkResponse({ type: InfluenceReportDto, description: 'The report' })
  @AnalyticsDocs()
  async get(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Query() q: AnalyticsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InfluenceReportDto> {
    const { scope, period } = await this.scopes.forBacklog(principal, backlogId, q);
    return influence(this.scopes.client, scope, period);
  }
}
