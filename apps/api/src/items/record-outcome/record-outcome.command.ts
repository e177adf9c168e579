import type { RequestMeta } from '../../http/request-meta';
import type { RecordOutcomeRequestDto } from './record-outcome.request.dto';

export class RecordOutcomeCommand {
  constructor(
    readonly itemId: string,
    readonly body: RecordOutcomeRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
