import type { RequestMeta } from '../../http/request-meta';
import type { AddItemRequestDto } from './add-item.request.dto';

export class AddItemCommand {
  constructor(
    readonly backlogId: string,
    readonly body: AddItemRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
