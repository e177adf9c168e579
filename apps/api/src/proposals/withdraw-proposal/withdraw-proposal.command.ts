import type { RequestMeta } from '../../http/request-meta';

export class WithdrawProposalCommand {
  constructor(
    readonly proposalId: string,
    readonly reason: string,
    readonly meta: RequestMeta,
  ) {}
}
