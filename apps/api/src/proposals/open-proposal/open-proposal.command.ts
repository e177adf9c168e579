import type { RequestMeta } from '../../http/request-meta';

export class OpenProposalCommand {
  constructor(
    readonly forumId: string,
    readonly itemId: string,
    readonly reason: string,
    readonly meta: RequestMeta,
  ) {}
}
