import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV5, type IdGenerator } from '@ledger/kernel';
import { actorOf } from '../../auth/principal';
import { ID_GENERATOR } from '../../infrastructure/tokens';
import { ItemDecisions } from '../item-decisions';
import { EscalateDecisionCommand, type EscalationOutcome } from './escalate-decision.command';

@CommandHandler(EscalateDecisionCommand)
export class EscalateDecisionHandler implements ICommandHandler<EscalateDecisionCommand, EscalationOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ itemId, body, meta }: EscalateDecisionCommand): Promise<EscalationOutcome> {
    // With an Idempotency-Key the id derives from it, so a retry after a lost answer names the same escalation.
    const escalationId = meta.idempotencyKey
      ? uuidV5(`escalation|${meta.principal.sub}|${meta.idempotencyKey}`)
      : this.ids.next();
    const outcome = await this.items.decide(itemId, meta, () => ({
      kind: 'EscalateDecision',
      actor: actorOf(meta.principal),
      escalationId,
      againstEventId: body.againstEventId,
      wanted: body.wanted,
      reason: body.reason,
      addressedTo: body.addressedTo ?? undefined,
    }));
    return { ...outcome, escalationId };
  }
}
