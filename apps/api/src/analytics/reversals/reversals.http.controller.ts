import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { reversals } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { AnalyticsScope } from '../analytics-scope';
import { ReversalReportDto } from './reversals.response.dto';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';

@ApiTags('analytics')
@Controller('backlogs')
export class ReversalsController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get(':backlogId/analytics/reversals')
  @ApiOperation({ summary: 'Decision reversals in [from, to) as of `at`: rate, by trigger and actor, median time to reversal, flip-flops' })
  @ApiOkResponse({ type: ReversalReportDto, description: 'The report' })
  @AnalyticsDocs()
  async get(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Query() q: AnalyticsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReversalReportDto> {
    const { scope, period } = await this.scopes.forBacklog(principal, backlogId, q);
    return reversals(this.scopes.client, scope, period);
  }
}
