import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { calibration } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { AnalyticsScope } from '../analytics-scope';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';
import { CalibrationReportDto } from './calibration.response.dto';

@ApiTags('analytics')
@Controller('backlogs')
export class CalibrationController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get(':backlogId/analytics/calibration')
  @ApiOperation({
    summary:
      'Outcome calibration of the items delivered in [from, to), as of `at`: validated / refuted / unknown / overdue per decision-maker and per month of delivery, next to the throughput; the overdue items',
  })
  @ApiOkResponse({ type: CalibrationReportDto })
  @AnalyticsDocs()
  async get(@Param('backlogId', ParseIdPipe) backlogId: string, @Query() q: AnalyticsQueryDto, @CurrentPrincipal() principal: Principal): Promise<CalibrationReportDto> {
    const { scope, period } = await this.scopes.forBacklog(principal, backlogId, q);
    return { backlogId, ...(await calibration(this.scopes.client, scope, period)) };
  }
}
