import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DecisionDocs } from '../../http/api-docs';
import { DecisionResponseDto } from '../../http/dto';
import { Meta, type RequestMeta } from '../../http/request-meta';
import { decisionResponse } from '../../items/item-decisions';
import { RegisterWebhookCommand } from './register-webhook.command';
import type { RegisteredWebhook } from './register-webhook.handler';
import { RegisterWebhookRequestDto } from './register-webhook.request.dto';

export class RegisteredWebhookResponseDto extends DecisionResponseDto {
  @ApiProperty({ description: 'HMAC-SHA256 signing secret. Shown only in this answer: store it in the receiver (see docs/webhooks.md).' })
  secret: string;

  @ApiProperty({ description: 'Last 4 characters of the secret, as GET /webhooks shows them' })
  secretHint: string;
}

@ApiTags('webhooks')
@Controller('webhooks')
export class RegisterWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Register an HTTPS endpoint for proposal opened/closed, item killed, escalation raised/resolved (admins, product leaders). Deliveries are signed, retried with backoff and recorded; they never hold up a decision.',
  })
  @ApiCreatedResponse({ type: RegisteredWebhookResponseDto })
  @DecisionDocs()
  async register(
    @Body() body: RegisterWebhookRequestDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisteredWebhookResponseDto> {
    const { outcome, webhookId, secret }: RegisteredWebhook = await this.commands.execute(new RegisterWebhookCommand(body, meta));
    reply.header('ETag', `"${outcome.revision}"`).header('Location', `/webhooks/${webhookId}`);
    return { ...decisionResponse(webhookId, outcome), secret, secretHint: secret.slice(-4) };
  }
}
