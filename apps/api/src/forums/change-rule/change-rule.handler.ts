import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ForumDecisions } from '../forum-decisions';
import { ChangeRuleCommand } from './change-rule.command';

@CommandHandler(ChangeRuleCommand)
export class ChangeRuleHandler implements ICommandHandler<ChangeRuleCommand, DecisionOutcome> {
  constructor(private readonly forums: ForumDecisions) {}

  execute({ forumId, body, meta }: ChangeRuleCommand): Promise<DecisionOutcome> {
    const backlogIds = body.backlogIds?.map((b) => b.toLowerCase());
    return this.forums.decide(forumId, meta, async () => ({
      kind: 'ChangeForumRule',
      actor: actorOf(meta.principal),
      rule: body.rule ?? undefined,
      backlogIds,
      unknownBacklogIds: await this.forums.unknownBacklogs(backlogIds),
      rationale: body.rationale,
    }));
  }
}
