import type { RequestMeta } from '../../http/request-meta';

export class AddMemberCommand {
  constructor(
    readonly forumId: string,
    readonly memberId: string,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
