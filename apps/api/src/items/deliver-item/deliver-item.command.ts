import type { RequestMeta } from '../../http/request-meta';

export class DeliverItemCommand {
  constructor(
    readonly itemId: string,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
