import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { GetItemQuery } from './get-item.query';
import { ItemViewDto, NoOutcomeByDateBreachDto, OutcomeMetBreachDto } from './get-item.response.dto';

@ApiTags('items')
@ApiExtraModels(OutcomeMetBreachDto, NoOutcomeByDateBreachDto)
@Controller('items')
export class GetItemController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':itemId')
  @ApiOperation({ summary: 'Current state of an item; ETag = stream revision (send it as If-Match)' })
  @ApiOkResponse({ type: ItemViewDto, description: 'The item' })
  @ReadModelDocs()
  async get(
    @Param('itemId', ParseIdPipe) itemId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ItemViewDto> {
    const view: ItemViewDto = await this.queries.execute(new GetItemQuery(itemId, principal));
    reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
