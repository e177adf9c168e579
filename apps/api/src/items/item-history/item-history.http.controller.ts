import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { ReadModelDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { ItemHistoryQuery } from './item-history.query';
import { ItemHistoryDto } from './item-history.response.dto';

@ApiTags('audit')
@Controller('items')
export class ItemHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':itemId/history')
  @ApiOperation({
    summary: "Every decision on the item: who (and in which role), when, why, positions, and the chain it belongs to",
  })
  @ApiOkResponse({ type: ItemHistoryDto, description: 'The history, oldest first' })
  @ReadModelDocs()
  history(@Param('itemId', ParseIdPipe) itemId: string, @CurrentPrincipal() principal: Principal): Promise<ItemHistoryDto> {
    return this.queries.execute(new ItemHistoryQuery(itemId, principal));
  }
}
