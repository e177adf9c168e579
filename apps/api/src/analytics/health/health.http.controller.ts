import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { health } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { AnalyticsScope } from '../analytics-scope';
import { HealthReportDto } from './health.response.dto';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';

@ApiTags('analytics')
@Controller('backlogs')
export class HealthAnalyticsController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get(':backlogId/analytics/health')
  @ApiOperation({ summary: 'Backlog health: size in sprints vs the healthy band, estimates, objectives, anti-backlog, kills, ages, delivered vs moved' })
  @ApiOkResponse({ type: HealthReportDto, description: 'The report' })
  @AnalyticsDocs()
  async get(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Query() q: AnalyticsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HealthReportDto> {
    const { scope, period } = await this.scopes.forBacklog(principal, backlogId, q);
    return health(this.scopes.client, scope, period);
  }
}
