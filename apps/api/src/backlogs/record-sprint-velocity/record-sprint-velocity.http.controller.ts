import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { RecordSprintVelocityCommand } from './record-sprint-velocity.command';
import { RecordSprintVelocityRequestDto } from './record-sprint-velocity.request.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class RecordSprintVelocityController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':backlogId/velocities')
  @ApiOperation({ summary: "Record a sprint's velocity (points completed); feeds the backlog-size health metric" })
  @ApiCreatedResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async record(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Body() body: RecordSprintVelocityRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new RecordSprintVelocityCommand(backlogId, body, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(backlogId, outcome);
  }
}
