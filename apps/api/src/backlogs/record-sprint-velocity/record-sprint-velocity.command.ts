import type { RequestMeta } from '../../http/request-meta';
import type { RecordSprintVelocityRequestDto } from './record-sprint-velocity.request.dto';

export class RecordSprintVelocityCommand {
  constructor(
    readonly backlogId: string,
    readonly body: RecordSprintVelocityRequestDto,
    readonly meta: RequestMeta,
  ) {}
}
