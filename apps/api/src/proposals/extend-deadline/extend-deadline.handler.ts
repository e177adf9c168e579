import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../auth/principal';
import { parseInstant } from '../../http/instant';
import { validationProblem } from '../../http/problem';
import type { DecisionOutcome } from '../../shared/decision-executor';
import { ProposalDecisions } from '../proposal-decisions';
import { ExtendDeadlineCommand } from './extend-deadline.command';

const DAY_MS = 86_400_000;

@CommandHandler(ExtendDeadlineCommand)
export class ExtendDeadlineHandler implements ICommandHandler<ExtendDeadlineCommand, DecisionOutcome> {
  constructor(private readonly proposals: ProposalDecisions) {}

  execute({ proposalId, body, meta }: ExtendDeadlineCommand): Promise<DecisionOutcome> {
    if ((body.closesAt === undefined) === (body.days === undefined)) {
      throw validationProblem([{ field: 'closesAt', code: 'exclusive', message: 'give exactly one of closesAt, days' }]);
    }
    const closesAt = body.closesAt !== undefined ? parseInstant(body.closesAt, 'closesAt') : null;
    return this.proposals.decide(proposalId, meta, (state, _forum, now) => ({
      kind: 'ExtendDeadline',
      actor: actorOf(meta.principal),
      now,
      closesAt: (closesAt ?? new Date(Date.parse(state.closesAt ?? now) + (body.days ?? 0) * DAY_MS)).toISOString(),
      reason: body.reason,
    }));
  }
}
