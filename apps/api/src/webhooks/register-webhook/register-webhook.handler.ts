import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LedgerError, uuidV5, type IdGenerator } from '@ledger/kernel';
import type { EventStore } from '@ledger/event-store';
import { actorOf } from '../../auth/principal';
import { EVENT_STORE, ID_GENERATOR } from '../../infrastructure/tokens';
import { Backlogs } from '../../items/backlog-context';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { forumNotFound } from '../../forums/forum-decisions';
import { assertCanManageWebhooks, Webhooks } from '../webhook-access';
import { webhookDecider, type RegisterWebhook } from '../webhook.decider';
import { checkWebhookUrl } from '../webhook-url';
import { WebhookSecrets } from '../webhook-secrets';
import { WebhooksService } from '../webhooks.service';
import { RegisterWebhookCommand } from './register-webhook.command';

export interface RegisteredWebhook {
  outcome: DecisionOutcome;
  webhookId: string;
  /** Returned once, in this answer (and to an Idempotency-Key retry of it). */
  secret: string;
}

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, RegisteredWebhook> {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly backlogs: Backlogs,
    private readonly webhooks: WebhooksService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ body, meta }: RegisterWebhookCommand): Promise<RegisteredWebhook> {
    assertCanManageWebhooks(meta.principal);
    const checked = checkWebhookUrl(body.url, { allowInsecureLoopback: this.webhooks.config.webhooks.allowInsecure });
    if ('problem' in checked) throw new LedgerError(checked.problem.code, 'validation', checked.problem.message, { field: 'url' });
    const forumId = body.forumId?.toLowerCase() ?? null;
    if (forumId && (await this.store.readStream(`forum-${forumId}`)).length === 0) throw forumNotFound(forumId);
    const backlogIds = (body.backlogIds ?? []).map((id) => id.toLowerCase());
    for (const id of new Set(backlogIds)) await this.backlogs.context(id);

    const webhookId = meta.idempotencyKey ? uuidV5(`webhook|${meta.principal.sub}|${meta.idempotencyKey}`) : this.ids.next();
    const secret = this.webhooks.secrets.secretOf(webhookId);
    const outcome = await this.executor.run({
      streamId: Webhooks.stream(webhookId),
      decider: webhookDecider,
      meta,
      command: (): RegisterWebhook => ({
        kind: 'RegisterWebhook',
        actor: actorOf(meta.principal),
        webhookId,
        url: checked.url,
        events: body.events,
        forumId,
        backlogIds,
        secretHint: WebhookSecrets.hint(secret),
        rationale: body.rationale ?? `Deliver ${[...new Set(body.events)].sort().join(', ')} to ${new URL(checked.url).host}`,
      }),
    });
    return { outcome, webhookId, secret };
  }
}
