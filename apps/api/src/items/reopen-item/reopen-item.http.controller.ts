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
import { ReopenItemCommand } from './reopen-item.command';
import { ReopenItemRequestDto } from './reopen-item.request.dto';

@ApiTags('items')
@Controller('items')
export class ReopenItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a delivered item: the delivery did not hold, it goes back into the ranking (at a position, or at the bottom)',
  })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async reopen(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: ReopenItemRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const target = placementOf(body, false);
    const outcome = await this.commands.execute(new ReopenItemCommand(itemId, target, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
