import type { RequestMeta } from '../../http/request-meta';

export class EstimateItemCommand {
  constructor(
    readonly itemId: string,
    readonly estimate: number,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
