import type { ScoreInputsPatch } from '@ledger/domain';
import type { RequestMeta } from '../../http/request-meta';

export class EstimateItemCommand {
  constructor(
    readonly itemId: string,
    readonly estimate: number | undefined,
    readonly rationale: string,
    readonly meta: RequestMeta,
    readonly scoreInputs?: ScoreInputsPatch,
  ) {}
}
