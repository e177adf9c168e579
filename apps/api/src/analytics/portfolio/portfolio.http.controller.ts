import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { againstTheScoreByBacklog, portfolio } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { LEDGER_INDEX } from '../../infrastructure/tokens';
import { Ranking } from '../../items/ranking';
import type { LedgerIndex } from '../../read-model/ledger-index.port';
import { AnalyticsScope } from '../analytics-scope';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';
import { PortfolioDto } from './portfolio.response.dto';

@ApiTags('analytics')
@Controller('analytics')
export class PortfolioController {
  constructor(
    private readonly scopes: AnalyticsScope,
    private readonly ranking: Ranking,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
  ) {}

  @Get('portfolio')
  @ApiOperation({ summary: 'Headline numbers per backlog you may read: name, open items, zombies, size in sprints, reversal rate, share of reprioritizations against the score' })
  @ApiOkResponse({ type: PortfolioDto, description: 'One row per backlog' })
  @AnalyticsDocs()
  async get(@Query() q: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal): Promise<PortfolioDto> {
    const { scope, period } = await this.scopes.forPortfolio(principal, q);
    // From item_state (ADR 0018): one row per item instead of every decision of every backlog.
    const [rows, against] = await Promise.all([portfolio(this.scopes.client, scope, period), againstTheScoreByBacklog(this.scopes.client, scope, period)]);
    const againstOf = new Map(against.map((a) => [a.backlogId, a]));
    // Names from the read model (a backlog's name never changes): it has seen every backlog analytics has.
    await this.ranking.caughtUp();
    const names = new Map(this.index.backlogs(rows.map((r) => r.backlogId)).map((b) => [b.backlogId, b.name]));
    return {
      at: scope.at.toISOString(),
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      backlogs: rows.map((r) => ({
        backlogId: r.backlogId,
        name: names.get(r.backlogId) ?? '',
        openItems: r.openItems,
        zombies: r.zombies,
        sizeInSprints: r.size.sizeInSprints,
        verdict: r.size.verdict,
        reversalRate: r.reversalRate,
        // ADR 0033: reprioritizations in the period, of them judged (the item had a score) and against the score.
        againstScore: {
          reprioritizations: againstOf.get(r.backlogId)?.reprioritizations ?? 0,
          judged: againstOf.get(r.backlogId)?.judged ?? 0,
          against: againstOf.get(r.backlogId)?.against ?? 0,
          share: againstOf.get(r.backlogId)?.share ?? null,
        },
      })),
    };
  }
}
