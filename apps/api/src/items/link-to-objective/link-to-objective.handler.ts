import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { Backlogs } from '../backlog-context';
import { ItemDecisions } from '../item-decisions';
import { LinkToObjectiveCommand } from './link-to-objective.command';

@CommandHandler(LinkToObjectiveCommand)
export class LinkToObjectiveHandler implements ICommandHandler<LinkToObjectiveCommand, DecisionOutcome> {
  constructor(
    private readonly items: ItemDecisions,
    private readonly backlogs: Backlogs,
  ) {}

  execute(c: LinkToObjectiveCommand): Promise<DecisionOutcome> {
    return this.items.decide(c.itemId, c.meta, async (state) => ({
      kind: 'LinkToObjective',
      actor: actorOf(c.meta.principal),
      objectiveId: c.objectiveId,
      backlog: await this.backlogs.context(state.backlogId),
      rationale: c.rationale,
    }));
  }
}
