import type { RequestMeta } from '../../http/request-meta';
import type { CreateForumRequestDto } from './create-forum.request.dto';

export class CreateForumCommand {
  constructor(
    readonly body: CreateForumRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
