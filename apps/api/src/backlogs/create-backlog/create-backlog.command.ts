import type { RequestMeta } from '../../http/request-meta';
import type { CreateBacklogRequestDto } from './create-backlog.request.dto';

export class CreateBacklogCommand {
  constructor(
    readonly body: CreateBacklogRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
