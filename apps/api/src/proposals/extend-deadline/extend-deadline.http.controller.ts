import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { ExtendDeadlineCommand } from './extend-deadline.command';
import { ExtendDeadlineRequestDto } from './extend-deadline.request.dto';

@ApiTags('proposals')
@Controller('proposals')
export class ExtendDeadlineController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':proposalId/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend the voting deadline once, with a recorded reason, before it passes (product leaders, admins)' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async extend(
    @Param('proposalId', ParseIdPipe) proposalId: string,
    @Body() body: ExtendDeadlineRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new ExtendDeadlineCommand(proposalId, body, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(proposalId, outcome);
  }
}
