import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/auth.guard';
import type { Principal } from '../../auth/principal';
import { OutboxReadDocs, ReadDocs } from '../../http/api-docs';
import { ParseIdPipe } from '../../http/id.pipe';
import { DecisionExecutor } from '../../shared/decision-executor';
import { webhookNotFound } from '../remove-webhook/remove-webhook.handler';
import { assertCanReadWebhooks, Webhooks } from '../webhook-access';
import { webhookDecider } from '../webhook.decider';
import { WebhooksService } from '../webhooks.service';
import { DeliveriesQueryDto } from './read-webhooks.request.dto';
import { DeliveryListDto, WebhookListDto, WebhookViewDto } from './read-webhooks.response.dto';

/** Registrations (never their secrets) and the delivery log, for admins, product leaders and auditors. */
@ApiTags('webhooks')
@Controller('webhooks')
export class ReadWebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly executor: DecisionExecutor,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Registered webhooks (active and removed), oldest first' })
  @ApiOkResponse({ type: WebhookListDto, description: 'The registrations' })
  @OutboxReadDocs()
  async list(@CurrentPrincipal() principal: Principal): Promise<WebhookListDto> {
    assertCanReadWebhooks(principal);
    await this.webhooks.caughtUp();
    return { webhooks: this.webhooks.outbox.webhooks() };
  }

  @Get(':webhookId')
  @ApiOperation({ summary: 'One webhook: url, event types, filters, secret hint, status' })
  @ApiOkResponse({ type: WebhookViewDto, description: 'The registration' })
  @ReadDocs()
  async get(@Param('webhookId', ParseIdPipe) webhookId: string, @CurrentPrincipal() principal: Principal): Promise<WebhookViewDto> {
    assertCanReadWebhooks(principal);
    const { state, revision, events } = await this.executor.load(Webhooks.stream(webhookId), webhookDecider);
    if (state.status === 'none' || revision === null) throw webhookNotFound(webhookId);
    return {
      webhookId,
      url: state.url,
      events: state.events,
      forumId: state.forumId,
      backlogIds: state.backlogIds,
      secretHint: state.secretHint,
      status: state.status,
      registeredAt: events[0].recordedAt,
      registeredBy: events[0].metadata.actor.id,
      removedAt: state.status === 'removed' ? events[events.length - 1].recordedAt : null,
      revision,
    };
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'Deliveries of a webhook, newest first: status (pending, delivered, dead, cancelled), attempts with status code and error, next retry' })
  @ApiOkResponse({ type: DeliveryListDto, description: 'The delivery log' })
  @OutboxReadDocs()
  async deliveries(@Param('webhookId', ParseIdPipe) webhookId: string, @Query() q: DeliveriesQueryDto, @CurrentPrincipal() principal: Principal): Promise<DeliveryListDto> {
    assertCanReadWebhooks(principal);
    const { state } = await this.executor.load(Webhooks.stream(webhookId), webhookDecider);
    if (state.status === 'none') throw webhookNotFound(webhookId);
    await this.webhooks.caughtUp();
    return { webhookId, deliveries: this.webhooks.outbox.deliveries(webhookId, q.limit ?? 100) };
  }
}
