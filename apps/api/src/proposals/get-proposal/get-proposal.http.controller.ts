import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { GetProposalQuery } from './get-proposal.query';
import { ProposalViewDto } from './get-proposal.response.dto';

@ApiTags('proposals')
@Controller('proposals')
export class GetProposalController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':proposalId')
  @ApiOperation({ summary: 'The proposal: deadline, tally (so far, or final), outcome, every vote with voter and reason, its history; ETag = revision' })
  @ApiOkResponse({ type: ProposalViewDto, description: 'The proposal' })
  @ReadDocs()
  async get(
    @Param('proposalId', ParseIdPipe) proposalId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposalViewDto> {
    const view: ProposalViewDto = await this.queries.execute(new GetProposalQuery(proposalId, principal));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
