import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { Streams } from '../../shared/streams';
import { OpenProposalCommand } from './open-proposal.command';
import { OpenProposalRequestDto } from './open-proposal.request.dto';

@ApiTags('proposals')
@Controller('forums')
export class OpenProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/proposals')
  @ApiOperation({
    summary:
      "Open a kill proposal against an item (forum members, owners of a backlog in scope, product leaders, admins); one open proposal per item; it closes by itself at its deadline",
  })
  @ApiCreatedResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async open(
    @Param('forumId', ParseIdPipe) forumId: string,
    @Body() body: OpenProposalRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new OpenProposalCommand(forumId, body.itemId, body.reason, meta));
    const proposalId = Streams.idOf(outcome.streamId);
    reply.header('ETag', `"${outcome.revision}"`).header('Location', `/proposals/${proposalId}`);
    return decisionResponse(proposalId, outcome);
  }
}
