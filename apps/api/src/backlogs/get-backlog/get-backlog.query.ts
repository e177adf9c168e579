import type { Principal } from '../../auth/principal';

export class GetBacklogQuery {
  constructor(
    readonly backlogId: string,
    readonly principal: Principal,
  ) {}
}
