import type { RequestMeta } from '../../http/request-meta';

export class LeaveForumCommand {
  constructor(
    readonly forumId: string,
    readonly memberId: string | undefined,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
