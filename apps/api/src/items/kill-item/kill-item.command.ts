import type { RequestMeta } from '../../http/request-meta';

export class KillItemCommand {
  constructor(
    readonly itemId: string,
    readonly reason: string,
    readonly meta: RequestMeta,
    /** Set when a review forum decided the kill (via 'forum'). */
    readonly proposalId?: string,
  ) {}
}
