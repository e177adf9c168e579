import type { DecisionOutcome } from '../../shared/decision-executor';
import type { RequestMeta } from '../../http/request-meta';
import type { DelegateVoteRequestDto } from './delegate-vote.request.dto';

export class DelegateVoteCommand {
  constructor(
    readonly forumId: string,
    readonly body: DelegateVoteRequestDto,
    readonly meta: RequestMeta,
  ) {}
}

export type DelegationOutcome = DecisionOutcome & { delegationId: string };
