import type { Principal } from '../../auth/principal';

export class GetItemQuery {
  constructor(
    readonly itemId: string,
    readonly principal: Principal,
  ) {}
}
