import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ParseIdPipe } from '../../http/id.pipe';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { placementOf } from '../placement';
import { ReprioritizeItemCommand } from './reprioritize-item.command';
import { ReprioritizeItemRequestDto } from './reprioritize-item.request.dto';

@ApiTags('items')
@Controller('items')
export class ReprioritizeItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/reprioritize')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move an item in the ranking (writes one event on this item only)' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async reprioritize(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: ReprioritizeItemRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const target = placementOf(body, true)!;
    const outcome = await this.commands.execute(new ReprioritizeItemCommand(itemId, target, body.trigger, body.rationale, meta, body.scoreInputs));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
