import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { Backlogs } from '../backlog-context';
import { ItemDecisions } from '../item-decisions';
import { RecordOutcomeCommand } from './record-outcome.command';

@CommandHandler(RecordOutcomeCommand)
export class RecordOutcomeHandler implements ICommandHandler<RecordOutcomeCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly backlogs: Backlogs,
  ) {}

  execute({ itemId, body, meta }: RecordOutcomeCommand): Promise<DecisionOutcome> {
    return this.items.decide(itemId, meta, async (state) => ({
      kind: 'RecordOutcome',
      actor: actorOf(meta.principal),
      objectiveId: body.objectiveId,
      observedValue: body.observedValue,
      moved: body.moved,
      backlog: await this.backlogs.context(state.backlogId),
      rationale: body.rationale,
    }));
  }
}
