import type { RequestMeta } from '../../http/request-meta';

export class MoveToAntiBacklogCommand {
  constructor(
    readonly itemId: string,
    readonly reason: string,
    readonly meta: RequestMeta,
  ) {}
}
