import type { Principal } from '../../auth/principal';

export class ListDelegationsQuery {
  constructor(
    readonly forumId: string,
    readonly at: Date,
    readonly principal: Principal,
  ) {}
}
