import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { LinkToObjectiveCommand } from './link-to-objective.command';
import { LinkToObjectiveRequestDto } from './link-to-objective.request.dto';

@ApiTags('items')
@Controller('items')
export class LinkToObjectiveController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/objective')
  @HttpCode(200)
  @ApiOperation({ summary: "Link an item to one of its backlog's active objectives" })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async link(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: LinkToObjectiveRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new LinkToObjectiveCommand(itemId, body.objectiveId, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
