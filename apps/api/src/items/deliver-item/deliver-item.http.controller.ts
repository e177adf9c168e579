import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { DeliverItemCommand } from './deliver-item.command';
import { DeliverItemRequestDto } from './deliver-item.request.dto';

@ApiTags('items')
@Controller('items')
export class DeliverItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/deliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an item delivered; it leaves the ranking (record its outcome later)' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async deliver(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: DeliverItemRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new DeliverItemCommand(itemId, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
