import type { RequestMeta } from '../../http/request-meta';
import type { BacklogPolicyDto } from '../create-backlog/create-backlog.request.dto';

export class ChangePolicyCommand {
  constructor(
    readonly backlogId: string,
    readonly policy: BacklogPolicyDto,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
