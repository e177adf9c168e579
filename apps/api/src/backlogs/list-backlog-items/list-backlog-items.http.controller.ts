import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { parseInstant } from '../../http/instant';
import { ListBacklogItemsQuery } from './list-backlog-items.query';
import { ListBacklogItemsQueryDto } from './list-backlog-items.request.dto';
import { RankedItemsPageDto } from './list-backlog-items.response.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class ListBacklogItemsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':backlogId/items')
  @ApiOperation({
    summary: 'The ranked backlog (1 = top), now or as it stood at `at`; or the anti-backlog, killed or delivered items (`status`)',
  })
  @ApiOkResponse({ type: RankedItemsPageDto, description: 'A page of the list' })
  @ReadModelDocs()
  list(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Query() query: ListBacklogItemsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RankedItemsPageDto> {
    const at = query.at === undefined ? undefined : parseInstant(query.at, 'at');
    return this.queries.execute(new ListBacklogItemsQuery(backlogId, at, query.limit ?? 1000, query.offset ?? 0, principal, query.status ?? 'ranked'));
  }
}
