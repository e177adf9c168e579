import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { SetKillCriteriaCommand } from './set-kill-criteria.command';
import { SetKillCriteriaRequestDto } from './set-kill-criteria.request.dto';

@ApiTags('items')
@Controller('items')
export class SetKillCriteriaController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/kill-criteria')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set kill criteria on an item: an explicit exit condition and a review-by date' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async setKillCriteria(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: SetKillCriteriaRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new SetKillCriteriaCommand(itemId, body, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
