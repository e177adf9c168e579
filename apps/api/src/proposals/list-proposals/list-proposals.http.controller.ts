import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { ListProposalsQuery } from './list-proposals.query';
import { ListProposalsQueryDto } from './list-proposals.request.dto';
import { ProposalListDto } from './list-proposals.response.dto';

@ApiTags('proposals')
@Controller('proposals')
export class ListProposalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Kill proposals, oldest first, by forum and status (the ones of forums you may see)' })
  @ApiOkResponse({ type: ProposalListDto, description: 'A page of proposals' })
  @ReadModelDocs()
  list(@Query() q: ListProposalsQueryDto, @CurrentPrincipal() principal: Principal): Promise<ProposalListDto> {
    return this.queries.execute(new ListProposalsQuery(q, principal));
  }
}
