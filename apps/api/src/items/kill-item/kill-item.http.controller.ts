import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { KillItemCommand } from './kill-item.command';
import { KillItemRequestDto } from './kill-item.request.dto';

@ApiTags('items')
@Controller('items')
export class KillItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/kill')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kill an item (owner decision); it leaves the ranking and can be revived later' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async kill(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: KillItemRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new KillItemCommand(itemId, body.reason, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
