import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { backlogHeadline, reversalRatesByBacklog } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { AnalyticsScope } from '../analytics-scope';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';

@ApiTags('analytics')
@Controller('analytics')
export class PortfolioController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get('portfolio')
  @ApiOperation({ summary: 'Headline numbers per backlog you may read: open items, zombies, size in sprints, reversal rate' })
  @ApiOkResponse({ description: 'One row per backlog' })
  @AnalyticsDocs()
  async get(@Query() q: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal) {
    const { scope, period } = await this.scopes.forPortfolio(principal, q);
    // Two queries for the whole portfolio (not one reversal report per backlog: measured 1 s+ at 100 backlogs).
    const [headlines, rates] = await Promise.all([
      backlogHeadline(this.scopes.client, scope),
      reversalRatesByBacklog(this.scopes.client, scope, period),
    ]);
    const rateOf = new Map(rates.map((r) => [r.backlogId, r.rate]));
    return {
      at: scope.at.toISOString(),
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      backlogs: headlines.map((h) => ({ ...h, reversalRate: rateOf.get(h.backlogId) ?? null })),
    };
  }
}
