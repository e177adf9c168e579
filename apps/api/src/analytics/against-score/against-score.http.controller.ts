import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { againstTheScore, againstTheScoreTrend } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { AnalyticsScope, weeklyPoints } from '../analytics-scope';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';
import { AgainstScoreReportDto } from './against-score.response.dto';

@ApiTags('analytics')
@Controller('backlogs')
export class AgainstScoreController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get(':backlogId/analytics/against-score')
  @ApiOperation({
    summary:
      'Decisions against the score in [from, to) as of `at`: share of reprioritizations that put an item above open items scored more than the margin higher, by trigger and actor, with the items passed over, and the weekly trend',
  })
  @ApiOkResponse({ type: AgainstScoreReportDto })
  @AnalyticsDocs()
  async get(@Param('backlogId', ParseIdPipe) backlogId: string, @Query() q: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal): Promise<AgainstScoreReportDto> {
    const { scope, period } = await this.scopes.forBacklog(principal, backlogId, q);
    const [report, trend] = await Promise.all([
      againstTheScore(this.scopes.client, scope, period),
      againstTheScoreTrend(this.scopes.client, scope, weeklyPoints(period.from, period.to).filter((p) => p.getTime() <= scope.at.getTime())),
    ]);
    return { backlogId, ...report, trend };
  }
}
