import type { RequestMeta } from '../../http/request-meta';

export class StartItemCommand {
  constructor(
    readonly itemId: string,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
