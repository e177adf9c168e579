import type { Principal } from '../../auth/principal';

export class ListForumsQuery {
  constructor(readonly principal: Principal) {}
}
