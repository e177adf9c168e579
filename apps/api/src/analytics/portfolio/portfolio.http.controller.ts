import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { portfolio } from '@ledger/analytics';
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
    // From item_state (ADR 0018): one row per item instead of every decision of every backlog.
    const rows = await portfolio(this.scopes.client, scope, period);
    return {
      at: scope.at.toISOString(),
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      backlogs: rows.map((r) => ({
        backlogId: r.backlogId,
        openItems: r.openItems,
        zombies: r.zombies,
        sizeInSprints: r.size.sizeInSprints,
        verdict: r.size.verdict,
        reversalRate: r.reversalRate,
      })),
    };
  }
}
