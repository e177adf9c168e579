import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { Streams } from '../../shared/streams';
import { CreateForumCommand } from './create-forum.command';
import { CreateForumRequestDto } from './create-forum.request.dto';

@ApiTags('forums')
@Controller('forums')
export class CreateForumController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Set up a review forum for one or more backlogs, with its voting rule (admins and product leaders)' })
  @ApiCreatedResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async create(
    @Body() body: CreateForumRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new CreateForumCommand(body, meta));
    const forumId = Streams.idOf(outcome.streamId);
    reply.header('ETag', `"${outcome.revision}"`).header('Location', `/forums/${forumId}`);
    return decisionResponse(forumId, outcome);
  }
}
