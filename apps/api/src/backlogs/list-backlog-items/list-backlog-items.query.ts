import type { Principal } from '../../auth/principal';
import type { ItemListStatus } from './list-backlog-items.request.dto';

export class ListBacklogItemsQuery {
  constructor(
    readonly backlogId: string,
    /** ISO instant, or undefined for now. */
    readonly at: Date | undefined,
    readonly limit: number,
    readonly offset: number,
    readonly principal: Principal,
    readonly status: ItemListStatus = 'ranked',
  ) {}
}
