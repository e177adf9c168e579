import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { WithdrawProposalCommand } from './withdraw-proposal.command';
import { WithdrawProposalRequestDto } from './withdraw-proposal.request.dto';

@ApiTags('proposals')
@Controller('proposals')
export class WithdrawProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':proposalId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an open proposal before its deadline, with a reason (whoever opened it, product leaders, admins)' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async withdraw(
    @Param('proposalId', ParseIdPipe) proposalId: string,
    @Body() body: WithdrawProposalRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new WithdrawProposalCommand(proposalId, body.reason, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(proposalId, outcome);
  }
}
