import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ForumDecisions } from '../forum-decisions';
import { AddMemberCommand } from './add-member.command';

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand, DecisionOutcome> {
  constructor(private readonly forums: ForumDecisions) {}

  execute(c: AddMemberCommand): Promise<DecisionOutcome> {
    return this.forums.decide(c.forumId, c.meta, () => ({
      kind: 'AddForumMember',
      actor: actorOf(c.meta.principal),
      memberId: c.memberId,
      rationale: c.rationale,
    }));
  }
}
