import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { Streams } from '../../shared/streams';
import { CreateBacklogCommand } from './create-backlog.command';
import { CreateBacklogRequestDto } from './create-backlog.request.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class CreateBacklogController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Create a backlog for a product: name, product goal, policy thresholds (admins and product leaders)' })
  @ApiCreatedResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async create(
    @Body() body: CreateBacklogRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new CreateBacklogCommand(body, meta));
    const backlogId = Streams.idOf(outcome.streamId);
    reply.header('ETag', `"${outcome.revision}"`).header('Location', `/backlogs/${backlogId}`);
    return decisionResponse(backlogId, outcome);
  }
}
