import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { ParseIdPipe } from '../../http/id.pipe';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { RemoveWebhookCommand } from './remove-webhook.command';
import { RemoveWebhookRequestDto } from './remove-webhook.request.dto';

@ApiTags('webhooks')
@Controller('webhooks')
export class RemoveWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':webhookId/remove')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop deliveries to a webhook (admins, product leaders); pending deliveries are cancelled' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @DecisionDocs()
  async remove(
    @Param('webhookId', ParseIdPipe) webhookId: string,
    @Body() body: RemoveWebhookRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResponseDto> {
    const outcome = await this.commands.execute(new RemoveWebhookCommand(webhookId, body.rationale, meta));
    reply.header('ETag', `"${outcome.revision}"`);
    return decisionResponse(webhookId, outcome);
  }
}
