import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { MoveToAntiBacklogCommand } from './move-to-anti-backlog.command';
import { MoveToAntiBacklogRequestDto } from './move-to-anti-backlog.request.dto';

@ApiTags('items')
@Controller('items')
export class MoveToAntiBacklogController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/anti-backlog')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move an open item to the anti-backlog: considered and explicitly not pursued, with the reason' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async moveToAntiBacklog(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: MoveToAntiBacklogRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new MoveToAntiBacklogCommand(itemId, body.reason, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
