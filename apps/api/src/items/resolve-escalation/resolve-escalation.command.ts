import type { RequestMeta } from '../../http/request-meta';
import type { PlacementRequest } from '../ranking';
import type { EscalationOutcomeKind } from './resolve-escalation.request.dto';

export class ResolveEscalationCommand {
  constructor(
    readonly itemId: string,
    readonly escalationId: string,
    readonly outcome: EscalationOutcomeKind,
    /** The placement the body named, if any. */
    readonly target: PlacementRequest | undefined,
    readonly rationale: string,
    readonly meta: RequestMeta,
  ) {}
}
