import type { VoteChoice } from '@ledger/domain';
import type { RequestMeta } from '../../http/request-meta';

export class CastVoteCommand {
  constructor(
    readonly proposalId: string,
    readonly choice: VoteChoice,
    readonly reason: string,
    readonly meta: RequestMeta,
  ) {}
}
