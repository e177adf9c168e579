import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { backlogHeadline, reversals } from '@ledger/analytics';
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
    const headlines = await backlogHeadline(this.scopes.client, scope);
    const rates = await Promise.all(
      scope.backlogIds.map((id) => reversals(this.scopes.client, { ...scope, backlogIds: [id] }, period, { listLimit: 0 })),
    );
    const rateOf = new Map(scope.backlogIds.map((id, i) => [id, rates[i].rate]));
    return {
      at: scope.at.toISOString(),
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      backlogs: headlines.map((h) => ({ ...h, reversalRate: rateOf.get(h.backlogId) ?? null })),
    };
  }
}
