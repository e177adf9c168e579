import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { StartItemCommand } from './start-item.command';
import { StartItemRequestDto } from './start-item.request.dto';

@ApiTags('items')
@Controller('items')
export class StartItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start work on an open item (it stays in the ranking)' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async start(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: StartItemRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new StartItemCommand(itemId, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
