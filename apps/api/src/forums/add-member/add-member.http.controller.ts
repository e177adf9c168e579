import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { AddMemberCommand } from './add-member.command';
import { AddMemberRequestDto } from './add-member.request.dto';

@ApiTags('forums')
@Controller('forums')
export class AddMemberController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/members')
  @HttpCode(200)
  @ApiOperation({ summary: 'A member joins the forum (admins and product leaders); members vote on its kill proposals' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async add(
    @Param('forumId', ParseIdPipe) forumId: string,
    @Body() body: AddMemberRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new AddMemberCommand(forumId, body.memberId, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(forumId, outcome);
  }
}
