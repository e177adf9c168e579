import type { RequestMeta } from '../../http/request-meta';

export class KillItemCommand {
  constructor(
    readonly itemId: string,
    readonly reason: string,
    readonly meta: RequestMeta,
  ) {}
}
