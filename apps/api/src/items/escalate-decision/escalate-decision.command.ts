import type { RequestMeta } from '../../http/request-meta';
import type { DecisionOutcome } from '../../shared/decision-executor';
import type { EscalateDecisionRequestDto } from './escalate-decision.request.dto';

export class EscalateDecisionCommand {
  constructor(
    readonly itemId: string,
    readonly body: EscalateDecisionRequestDto,
    readonly meta: RequestMeta,
  ) {}
}

export type EscalationOutcome = DecisionOutcome & { escalationId: string };
