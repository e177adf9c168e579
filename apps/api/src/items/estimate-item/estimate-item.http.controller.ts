import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { EstimateItemCommand } from './estimate-item.command';
import { EstimateItemRequestDto } from './estimate-item.request.dto';

@ApiTags('items')
@Controller('items')
export class EstimateItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/estimate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Estimate (or re-estimate) an item in story points, and/or set its score inputs (the score is frozen into the decision)' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async estimate(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: EstimateItemRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new EstimateItemCommand(itemId, body.estimate, body.rationale, meta, body.scoreInputs));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
