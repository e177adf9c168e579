import type { RequestMeta } from '../../http/request-meta';
import type { PlacementRequest } from '../ranking';

export class ReopenItemCommand {
  constructor(
    readonly itemId: string,
    /** undefined = bottom of the ranking. */
    readonly target: PlacementRequest | undefined,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
