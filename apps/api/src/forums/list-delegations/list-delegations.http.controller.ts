import { Inject, Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Clock } from '@ledger/kernel';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { parseInstant } from '../../http/instant';
import { CLOCK } from '../../infrastructure/tokens';
import { ListDelegationsQuery } from './list-delegations.query';
import { ListDelegationsQueryDto } from './list-delegations.request.dto';
import { DelegationListDto } from './list-delegations.response.dto';

@ApiTags('forums')
@Controller('forums')
export class ListDelegationsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':forumId/delegations')
  @ApiOperation({ summary: "The forum's vote delegations (every one granted, with its status as of `at`): who votes for whom, and until when" })
  @ApiOkResponse({ type: DelegationListDto })
  @ReadDocs()
  list(@Param('forumId', ParseIdPipe) forumId: string, @Query() q: ListDelegationsQueryDto, @CurrentPrincipal() principal: Principal): Promise<DelegationListDto> {
    const at = q.at === undefined ? this.clock.now() : parseInstant(q.at, 'at');
    return this.queries.execute(new ListDelegationsQuery(forumId, at, principal));
  }
}
