import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { AmendReasonCommand } from './amend-reason.command';
import { AmendReasonRequestDto } from './amend-reason.request.dto';

@ApiTags('proposals')
@Controller('proposals')
export class AmendReasonController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':proposalId/reason')
  @ApiOperation({ summary: "Amend the proposal's reason; refused once any vote has been cast" })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async amend(
    @Param('proposalId', ParseIdPipe) proposalId: string,
    @Body() body: AmendReasonRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new AmendReasonCommand(proposalId, body.reason, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(proposalId, outcome);
  }
}
