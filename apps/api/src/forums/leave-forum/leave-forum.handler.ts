import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ForumDecisions } from '../forum-decisions';
import { LeaveForumCommand } from './leave-forum.command';

@CommandHandler(LeaveForumCommand)
export class LeaveForumHandler implements ICommandHandler<LeaveForumCommand, DecisionOutcome> {
  constructor(private readonly forums: ForumDecisions) {}

  execute(c: LeaveForumCommand): Promise<DecisionOutcome> {
    return this.forums.decide(c.forumId, c.meta, () => ({
      kind: 'RemoveForumMember',
      actor: actorOf(c.meta.principal),
      memberId: c.memberId ?? c.meta.principal.sub,
      rationale: c.rationale,
    }));
  }
}
