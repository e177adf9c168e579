import type { RequestMeta } from '../../http/request-meta';

export class ChangeProductGoalCommand {
  constructor(
    readonly backlogId: string,
    readonly productGoal: string,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
