import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ItemsModule } from '../items/items.module';
import { WebhooksService } from './webhooks.service';
import { RegisterWebhookController } from './register-webhook/register-webhook.http.controller';
import { RegisterWebhookHandler } from './register-webhook/register-webhook.handler';
import { RemoveWebhookController } from './remove-webhook/remove-webhook.http.controller';
import { RemoveWebhookHandler } from './remove-webhook/remove-webhook.handler';
import { ReadWebhooksController } from './read-webhooks/read-webhooks.http.controller';

/** Webhooks (issue 4 part 6; ADR 0015): registrations as events, a SQLite outbox, a dispatcher off the decision path. */
@Module({
  imports: [CqrsModule, ItemsModule],
  controllers: [RegisterWebhookController, RemoveWebhookController, ReadWebhooksController],
  providers: [WebhooksService, RegisterWebhookHandler, RemoveWebhookHandler],
})
export class WebhooksModule {}
