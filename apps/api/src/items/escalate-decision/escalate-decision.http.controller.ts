import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { EscalateDecisionCommand, type EscalationOutcome } from './escalate-decision.command';
import { EscalateDecisionRequestDto } from './escalate-decision.request.dto';
import { EscalationResponseDto } from './escalate-decision.response.dto';

@ApiTags('items')
@Controller('items')
export class EscalateDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/escalations')
  @ApiOperation({ summary: 'Challenge a decision on this item: what is wanted instead, why, and to whom it goes' })
  @ApiCreatedResponse({ type: EscalationResponseDto })
  @DecisionDocs()
  async escalate(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: EscalateDecisionRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EscalationResponseDto> {
    const outcome: EscalationOutcome = await this.commands.execute(new EscalateDecisionCommand(itemId, body, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return { escalationId: outcome.escalationId, ...decisionResponse(itemId, outcome) };
  }
}
