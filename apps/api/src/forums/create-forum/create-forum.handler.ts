import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidV5, type IdGenerator } from '@ledger/kernel';
import { forumDecider, type CreateForum } from '@ledger/domain';
import { actorOf } from '../../auth/principal';
import { ID_GENERATOR } from '../../infrastructure/tokens';
import { DecisionExecutor, type DecisionOutcome } from '../../shared/decision-executor';
import { Streams } from '../../shared/streams';
import { ForumDecisions } from '../forum-decisions';
import { CreateForumCommand } from './create-forum.command';

@CommandHandler(CreateForumCommand)
export class CreateForumHandler implements ICommandHandler<CreateForumCommand, DecisionOutcome> {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly forums: ForumDecisions,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ body, meta }: CreateForumCommand): Promise<DecisionOutcome> {
    // With an Idempotency-Key the new id derives from it, so a retry after a lost answer hits the same stream.
    const forumId = meta.idempotencyKey ? uuidV5(`forum|${meta.principal.sub}|${meta.idempotencyKey}`) : this.ids.next();
    return this.executor.run({
      streamId: Streams.forum(forumId),
      decider: forumDecider,
      meta,
      command: async (): Promise<CreateForum> => ({
        kind: 'CreateForum',
        actor: actorOf(meta.principal),
        forumId,
        name: body.name,
        backlogIds: (body.backlogIds ?? []).map((b) => b.toLowerCase()),
        unknownBacklogIds: await this.forums.unknownBacklogs((body.backlogIds ?? []).map((b) => b.toLowerCase())),
        rule: body.rule ?? undefined,
        rationale: body.rationale,
      }),
    });
  }
}
