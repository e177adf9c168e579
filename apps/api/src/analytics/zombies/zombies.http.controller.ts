import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { zombies } from '@ledger/analytics';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { AnalyticsDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { AnalyticsScope } from '../analytics-scope';
import { ZombieReportDto } from './zombies.response.dto';
import { AnalyticsQueryDto } from '../analytics-query.request.dto';

@ApiTags('analytics')
@Controller('backlogs')
export class ZombiesController {
  constructor(private readonly scopes: AnalyticsScope) {}

  @Get(':backlogId/analytics/zombies')
  @ApiOperation({ summary: 'Zombie initiatives as of `at`: each with its score and the reasons that make it one; count and shares' })
  @ApiOkResponse({ type: ZombieReportDto, description: 'The report' })
  @AnalyticsDocs()
  async get(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Query() q: AnalyticsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ZombieReportDto> {
    const { scope, period } = await this.scopes.forBacklog(principal, backlogId, q);
    void period;
    return zombies(this.scopes.client, scope);
  }
}
