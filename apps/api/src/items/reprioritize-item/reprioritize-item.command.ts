import type { ReprioritizationMove, ReprioritizationTrigger, ScoreInputsPatch } from '@ledger/domain';
import type { RequestMeta } from '../../http/request-meta';
import type { PlacementRequest } from '../ranking';

export class ReprioritizeItemCommand {
  constructor(
    readonly itemId: string,
    readonly target: PlacementRequest,
    readonly trigger: ReprioritizationTrigger | undefined,
    readonly rationale: string,
    readonly meta: RequestMeta,
    /** New evidence that comes with the move (ADR 0033). */
    readonly scoreInputs?: ScoreInputsPatch,
    /** Imports only: a move off the ranking (a tracker's priority, "Ranked higher", a deferral; ADR 0025). */
    readonly move?: ReprioritizationMove,
  ) {}
}
