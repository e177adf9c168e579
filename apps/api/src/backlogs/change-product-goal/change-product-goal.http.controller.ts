import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { ChangeProductGoalCommand } from './change-product-goal.command';
import { ChangeProductGoalRequestDto } from './change-product-goal.request.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class ChangeProductGoalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':backlogId/product-goal')
  @HttpCode(200)
  @ApiOperation({ summary: "Change the backlog's product goal" })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async changeProductGoal(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Body() body: ChangeProductGoalRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new ChangeProductGoalCommand(backlogId, body.productGoal, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(backlogId, outcome);
  }
}
