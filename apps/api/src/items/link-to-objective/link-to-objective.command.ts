import type { RequestMeta } from '../../http/request-meta';

export class LinkToObjectiveCommand {
  constructor(
    readonly itemId: string,
    readonly objectiveId: string,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
