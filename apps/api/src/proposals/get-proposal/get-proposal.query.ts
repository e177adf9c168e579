import type { Principal } from '../../auth/principal';

export class GetProposalQuery {
  constructor(
    readonly proposalId: string,
    readonly principal: Principal,
  ) {}
}
