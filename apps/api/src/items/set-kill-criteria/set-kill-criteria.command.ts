import type { RequestMeta } from '../../http/request-meta';
import type { SetKillCriteriaRequestDto } from './set-kill-criteria.request.dto';

export class SetKillCriteriaCommand {
  constructor(
    readonly itemId: string,
    readonly body: SetKillCriteriaRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
