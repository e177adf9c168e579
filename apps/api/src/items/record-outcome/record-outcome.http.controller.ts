import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../item-decisions';
import { RecordOutcomeCommand } from './record-outcome.command';
import { RecordOutcomeRequestDto } from './record-outcome.request.dto';

@ApiTags('items')
@Controller('items')
export class RecordOutcomeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':itemId/outcomes')
  @ApiOperation({ summary: 'Record the outcome of a delivered item against an objective: the observed value and whether it moved' })
  @ApiCreatedResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async record(
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: RecordOutcomeRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new RecordOutcomeCommand(itemId, body, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(itemId, outcome);
  }
}
