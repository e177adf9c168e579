import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { ChangeRuleCommand } from './change-rule.command';
import { ChangeRuleRequestDto } from './change-rule.request.dto';

@ApiTags('forums')
@Controller('forums')
export class ChangeRuleController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':forumId/rule')
  @ApiOperation({ summary: "Change the forum's voting rule and/or scope (admins and product leaders); open proposals keep the rule they opened with" })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async change(
    @Param('forumId', ParseIdPipe) forumId: string,
    @Body() body: ChangeRuleRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new ChangeRuleCommand(forumId, body, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(forumId, outcome);
  }
}
