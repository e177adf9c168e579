import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { againstTheScoreTrend, reversalRateTrend, sizeInSprintsTrend, zombieTrend } from '@ledger/analytics';
import { weeklyPoints } from '../analytics-scope';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { AnalyticsScope } from '../analytics-scope';
import { ReversalTrendPointDto, SizeTrendPointDto, TrendReportDto, ZombieTrendPointDto } from './trend.response.dto';
import { AgainstScoreTrendPointDto } from '../against-score/against-score.response.dto';
import { TrendQueryDto } from '../analytics-query.request.dto';

@ApiTags('analytics')
@ApiExtraModels(ZombieTrendPointDto, ReversalTrendPointDto, SizeTrendPointDto, AgainstScoreTrendPointDto)
@Controller('backlogs')
export class TrendController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get(':backlogId/analytics/trend')
  @ApiOperation({ summary: 'Weekly trend of zombies, reversal rate, size in sprints or the share against the score; each point computed as of the end of its week' })
  @ApiOkResponse({ type: TrendReportDto, description: 'The report' })
  @AnalyticsDocs()
  async get(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Query() q: TrendQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TrendReportDto> {
    const { scope, period } = await this.scopes.forBacklog(principal, backlogId, q);
    const points = weeklyPoints(period.from, period.to);
    const metric = q.metric ?? 'zombies';
    const series =
      metric === 'zombies'
        ? await zombieTrend(this.scopes.client, scope, points)
        : metric === 'reversal-rate'
          ? await reversalRateTrend(this.scopes.client, scope, points, 7)
          : metric === 'against-score'
            ? await againstTheScoreTrend(this.scopes.client, scope, points, 7)
            : await sizeInSprintsTrend(this.scopes.client, scope, points);
    return { backlogId, metric, every: 'week', from: period.from.toISOString(), to: period.to.toISOString(), points: series };
  }
}
