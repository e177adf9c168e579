import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { placementOf } from '../placement';
import { ResolveEscalationCommand } from './resolve-escalation.command';
import { ResolveEscalationRequestDto } from './resolve-escalation.request.dto';

@ApiTags('items')
@Controller('items')
export class ResolveEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/escalations/:escalationId/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resolve an escalation: upheld (the decision stands) or overturned (the change is recorded as a decision triggered by it)',
  })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async resolve(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Param('escalationId', ParseIdPipe) escalationId: string,
    @Body() body: ResolveEscalationRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const target = placementOf(body, false);
    const outcome = await this.commands.execute(
      new ResolveEscalationCommand(itemId, escalationId, body.outcome, target, body.rationale, meta),
    );
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
