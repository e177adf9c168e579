import type { Principal } from '../../auth/principal';

export class ListForumsQuery {
  constructor(
    readonly principal: Principal,
    /** Only the forums reviewing this backlog. */
    readonly backlogId?: string,
  ) {}
}
