import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { forumStats } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { AnalyticsScope } from '../analytics-scope';
import { ForumReportDto } from './forum-analytics.response.dto';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';

@ApiTags('analytics')
@Controller('forums')
export class ForumAnalyticsController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get(':forumId/analytics')
  @ApiOperation({
    summary:
      'A review forum over [from, to) as of `at`: proposals opened, closed by outcome, kill rate, median days to decision, participation (votes ÷ members), no-quorum share, withdrawn (admins, product leaders, auditors, the forum\'s members)',
  })
  @ApiOkResponse({ type: ForumReportDto, description: 'The forum report' })
  @AnalyticsDocs()
  async get(@Param('forumId', ParseIdPipe) forumId: string, @Query() q: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal): Promise<ForumReportDto> {
    const { scope, period } = await this.scopes.forForum(principal, forumId, q);
    const report = await forumStats(this.scopes.client, scope, period);
    return { at: report.at, period: report.period, ...report.forums[0] };
  }
}
