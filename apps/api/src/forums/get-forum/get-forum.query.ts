import type { Principal } from '../../auth/principal';

export class GetForumQuery {
  constructor(
    readonly forumId: string,
    readonly principal: Principal,
  ) {}
}
