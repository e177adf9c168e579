import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { CastVoteCommand } from './cast-vote.command';
import { CastVoteRequestDto } from './cast-vote.request.dto';

@ApiTags('proposals')
@Controller('proposals')
export class CastVoteController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':proposalId/votes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vote kill / keep / abstain with a reason (forum members only, until the deadline); a later vote replaces the earlier' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async vote(
    @Param('proposalId', ParseIdPipe) proposalId: string,
    @Body() body: CastVoteRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new CastVoteCommand(proposalId, body.choice, body.reason, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(proposalId, outcome);
  }
}
