import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Streams } from '../../shared/streams';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { AddItemCommand } from './add-item.command';
import { AddItemRequestDto } from './add-item.request.dto';

@ApiTags('items')
@Controller('backlogs')
export class AddItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':backlogId/items')
  @ApiOperation({ summary: 'Add an item (a hypothesis about value) at a position, or at the bottom' })
  @ApiCreatedResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async add(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Body() body: AddItemRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new AddItemCommand(backlogId, body, meta));
    const itemId = Streams.idOf(outcome.streamId);
    reply.header('ETag', `"${outcome.revision}"`).header('Location', `/items/${itemId}`);
    return decisionResponse(itemId, outcome);
  }
}
