import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { LeaveForumCommand } from './leave-forum.command';
import { LeaveForumRequestDto } from './leave-forum.request.dto';

@ApiTags('forums')
@Controller('forums')
export class LeaveForumController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/members/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'A member leaves the forum (themselves, or removed by an admin / product leader); their votes on open proposals stop counting' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async leave(
    @Param('forumId', ParseIdPipe) forumId: string,
    @Body() body: LeaveForumRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new LeaveForumCommand(forumId, body.memberId, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(forumId, outcome);
  }
}
