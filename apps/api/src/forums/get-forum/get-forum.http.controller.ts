import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { GetForumQuery } from './get-forum.query';
import { ForumViewDto } from './get-forum.response.dto';

@ApiTags('forums')
@Controller('forums')
export class GetForumController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':forumId')
  @ApiOperation({ summary: 'The forum: scope, voting rule, members, next cadence point, open proposals; ETag = stream revision' })
  @ApiOkResponse({ type: ForumViewDto, description: 'The forum' })
  @ReadModelDocs()
  async get(
    @Param('forumId', ParseIdPipe) forumId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ForumViewDto> {
    const view: ForumViewDto = await this.queries.execute(new GetForumQuery(forumId, principal));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
