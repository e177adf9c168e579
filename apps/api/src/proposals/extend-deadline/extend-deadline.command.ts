import type { RequestMeta } from '../../http/request-meta';
import type { ExtendDeadlineRequestDto } from './extend-deadline.request.dto';

export class ExtendDeadlineCommand {
  constructor(
    readonly proposalId: string,
    readonly body: ExtendDeadlineRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
