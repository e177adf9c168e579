import { Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { ChangePolicyCommand } from './change-policy.command';
import { ChangePolicyRequestDto } from './change-policy.request.dto';

@ApiTags('backlogs')
@Controller('backlogs')
export class ChangePolicyController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':backlogId/policy')
  @HttpCode(200)
  @ApiOperation({ summary: "Change the backlog's policy thresholds (zombie / stale / reversal windows, healthy size, review cadence)" })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async changePolicy(
    @Param('backlogId', ParseIdPipe) backlogId: string,
    @Body() body: ChangePolicyRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new ChangePolicyCommand(backlogId, body.policy, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(backlogId, outcome);
  }
}
