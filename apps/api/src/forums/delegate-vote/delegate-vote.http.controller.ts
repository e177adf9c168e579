import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { parseInstant } from '../../http/instant';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { DelegateVoteCommand, type DelegationOutcome } from './delegate-vote.command';
import { DelegateVoteRequestDto } from './delegate-vote.request.dto';
import { DelegationResponseDto } from './delegate-vote.response.dto';

@ApiTags('forums')
@Controller('forums')
export class DelegateVoteController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/delegations')
  @ApiOperation({
    summary:
      "Delegate your vote in this forum to another member for a period: their vote counts for you unless you vote yourself (no chains: a delegate cannot pass it on, and whoever has delegated cannot receive)",
  })
  @ApiCreatedResponse({ type: DelegationResponseDto })
  @DecisionDocs()
  async delegate(
    @Param('forumId', ParseIdPipe) forumId: string,
    @Body() body: DelegateVoteRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DelegationResponseDto> {
    // Instants with a timezone only (a date-time without one is ambiguous): 400 before anything is decided.
    const period = {
      validFrom: body.validFrom === undefined ? undefined : parseInstant(body.validFrom, 'validFrom').toISOString(),
      validUntil: parseInstant(body.validUntil, 'validUntil').toISOString(),
    };
    const outcome: DelegationOutcome = await this.commands.execute(new DelegateVoteCommand(forumId, { ...body, ...period }, meta));
    reply.header('ETag', `"${outcome.revision}"`).header('Location', `/forums/${forumId}/delegations`);
    return { delegationId: outcome.delegationId, ...decisionResponse(forumId, outcome) };
  }
}
