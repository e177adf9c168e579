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
import { ReviveItemCommand } from './revive-item.command';
import { ReviveItemRequestDto } from './revive-item.request.dto';

@ApiTags('items')
@Controller('items')
export class ReviveItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/revive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revive a killed item back into the ranking (at a position, or at the bottom)' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async revive(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: ReviveItemRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const target = placementOf(body, false);
    const outcome = await this.commands.execute(new ReviveItemCommand(itemId, target, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
