import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { RetireObjectiveCommand } from './retire-objective.command';
import { RetireObjectiveRequestDto } from './retire-objective.request.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class RetireObjectiveController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':backlogId/objectives/:objectiveId/retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire an objective: items can no longer be linked to it (past links and outcomes stay)' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async retire(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Param('objectiveId', ParseIdPipe) objectiveId: string,
    @Body() body: RetireObjectiveRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new RetireObjectiveCommand(backlogId, objectiveId, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(backlogId, outcome);
  }
}
