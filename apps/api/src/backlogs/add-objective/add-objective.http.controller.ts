import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { AddObjectiveCommand, type ObjectiveOutcome } from './add-objective.command';
import { AddObjectiveRequestDto } from './add-objective.request.dto';
import { ObjectiveResponseDto } from './add-objective.response.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class AddObjectiveController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':backlogId/objectives')
  @ApiOperation({ summary: 'Add an objective (an outcome with a metric) to the backlog' })
  @ApiCreatedResponse({ type: ObjectiveResponseDto })
  @DecisionDocs()
  async addObjective(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Body() body: AddObjectiveRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ObjectiveResponseDto> {
    const outcome: ObjectiveOutcome = await this.commands.execute(new AddObjectiveCommand(backlogId, body, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return { objectiveId: outcome.objectiveId, ...decisionResponse(backlogId, outcome) };
  }
}
