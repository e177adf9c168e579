import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { RevokeDelegationCommand } from './revoke-delegation.command';
import { RevokeDelegationRequestDto } from './revoke-delegation.request.dto';

@ApiTags('forums')
@Controller('forums')
export class RevokeDelegationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forumId/delegations/:delegationId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a delegation (the delegator, or an admin / product leader): from now on the delegate no longer votes for the delegator' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async revoke(
    @Param('forumId', ParseIdPipe) forumId: string,
    @Param('delegationId', ParseIdPipe) delegationId: string,
    @Body() body: RevokeDelegationRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new RevokeDelegationCommand(forumId, delegationId, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(forumId, outcome);
  }
}
