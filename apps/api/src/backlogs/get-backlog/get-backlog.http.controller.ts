import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { GetBacklogQuery } from './get-backlog.query';
import { BacklogViewDto } from './get-backlog.response.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class GetBacklogController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':backlogId')
  @ApiOperation({ summary: 'The backlog: product goal, objectives, velocities, policy; ETag = stream revision' })
  @ApiOkResponse({ type: BacklogViewDto, description: 'The backlog' })
  @ReadModelDocs()
  async get(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BacklogViewDto> {
    const view: BacklogViewDto = await this.queries.execute(new GetBacklogQuery(backlogId, principal));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
