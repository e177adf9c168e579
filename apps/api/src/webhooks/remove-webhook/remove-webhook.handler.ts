import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@ledger/kernel';
import { actorOf } from '../../auth/principal';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { assertCanManageWebhooks, Webhooks } from '../webhook-access';
import { webhookDecider } from '../webhook.decider';
import { RemoveWebhookCommand } from './remove-webhook.command';

export function webhookNotFound(webhookId: string): NotFoundError {
  return new NotFoundError('WEBHOOK.NOT_FOUND', `webhook ${webhookId} does not exist`, { webhookId });
}

@CommandHandler(RemoveWebhookCommand)
export class RemoveWebhookHandler implements ICommandHandler<RemoveWebhookCommand, DecisionOutcome> {
  constructor(private readonly executor: DecisionExecutor) {}

  execute({ webhookId, rationale, meta }: RemoveWebhookCommand): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Webhooks.stream(webhookId),
      decider: webhookDecider,
      meta,
      authorize: (state) => {
        assertCanManageWebhooks(meta.principal);
        if (state.status === 'none') throw webhookNotFound(webhookId);
      },
      command: () => ({ kind: 'RemoveWebhook', actor: actorOf(meta.principal), webhookId, rationale }),
    });
  }
}
