import type { Principal } from '../../auth/principal';
import type { ListProposalsQueryDto } from './list-proposals.request.dto';

export class ListProposalsQuery {
  constructor(
    readonly filter: ListProposalsQueryDto,
    readonly principal: Principal,
  ) {}
}
