import type { RequestMeta } from '../../http/request-meta';

export class RetireObjectiveCommand {
  constructor(
    readonly backlogId: string,
    readonly objectiveId: string,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
