import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@ledger/kernel';
import { forumDecider, type ForumCommand, type ForumState } from '@ledger/domain';
import { Authorization } from '../auth/authorization';
import type { Principal } from '../auth/principal';
import type { RequestMeta } from '../http/request-meta';
import { Backlogs } from '../items/backlog-context';
import { DecisionExecutor, type DecisionOutcome } from '../shared/decision-executor';
import { Streams } from '../shared/streams';

export function forumNotFound(forumId: string): NotFoundError {
  return new NotFoundError('FORUM.NOT_FOUND', `forum ${forumId} does not exist`, { forumId });
}

/** Members, leaders, admins, auditors, and whoever may read one of the forum's backlogs see the forum. */
export function assertCanReadForum(p: Principal, forum: ForumState): void {
  if (forum.members.includes(p.sub)) return;
  for (const backlogId of forum.backlogIds) {
    try {
      Authorization.assertCanRead(p, backlogId);
      return;
    } catch {
      // try the next backlog of the scope
    }
  }
  throw new ForbiddenError('AUTH.FORUM_NOT_IN_SCOPE', "none of this forum's backlogs is in your token's scope", { forumId: forum.forumId });
}

/** Loads forums and runs forum decisions through the executor (load → decide → append with expected revision). */
@Injectable()
export class ForumDecisions {
  constructor(
    private readonly executor: DecisionExecutor,
    private readonly backlogs: Backlogs,
  ) {}

  async load(forumId: string): Promise<{ state: ForumState; revision: number | null }> {
    const { state, revision } = await this.executor.load(Streams.forum(forumId), forumDecider);
    return { state, revision };
  }

  /** The ids among `backlogIds` that name no backlog (the decider refuses them). */
  async unknownBacklogs(backlogIds: unknown): Promise<string[]> {
    if (!Array.isArray(backlogIds)) return [];
    const unknown: string[] = [];
    for (const id of new Set(backlogIds.filter((b): b is string => typeof b === 'string'))) {
      const { state } = await this.backlogs.load(id);
      if (!state.exists) unknown.push(id);
    }
    return unknown;
  }

  decide(forumId: string, meta: RequestMeta, build: (state: ForumState) => ForumCommand | Promise<ForumCommand>): Promise<DecisionOutcome> {
    return this.executor.run({
      streamId: Streams.forum(forumId),
      decider: forumDecider,
      meta,
      authorize: (state) => {
        if (!state.exists) throw forumNotFound(forumId);
      },
      command: build,
    });
  }
}
