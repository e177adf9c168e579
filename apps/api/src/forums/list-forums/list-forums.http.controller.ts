import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { ListForumsQuery } from './list-forums.query';
import { ListForumsQueryDto } from './list-forums.request.dto';
import { ForumListDto } from './list-forums.response.dto';

@ApiTags('forums')
@Controller('forums')
export class ListForumsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The review forums you may read (member, or reader of one of their backlogs), by name; optionally only those reviewing a backlog' })
  @ApiOkResponse({ type: ForumListDto, description: 'The forums with scope, rule, members and open proposal count' })
  @ReadModelDocs()
  list(@Query() q: ListForumsQueryDto, @CurrentPrincipal() principal: Principal): Promise<ForumListDto> {
    return this.queries.execute(new ListForumsQuery(principal, q.backlogId?.toLowerCase()));
  }
}
