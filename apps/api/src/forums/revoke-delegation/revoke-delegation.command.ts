import type { RequestMeta } from '../../http/request-meta';

export class RevokeDelegationCommand {
  constructor(
    readonly forumId: string,
    readonly delegationId: string,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
