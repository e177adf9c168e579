import type { Principal } from '../../auth/principal';

export class ItemHistoryQuery {
  constructor(
    readonly itemId: string,
    readonly principal: Principal,
  ) {}
}
