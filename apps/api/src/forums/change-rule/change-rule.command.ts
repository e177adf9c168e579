import type { RequestMeta } from '../../http/request-meta';
import type { ChangeRuleRequestDto } from './change-rule.request.dto';

export class ChangeRuleCommand {
  constructor(
    readonly forumId: string,
    readonly body: ChangeRuleRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
