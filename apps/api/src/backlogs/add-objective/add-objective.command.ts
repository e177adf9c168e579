import type { RequestMeta } from '../../http/request-meta';
import type { DecisionOutcome } from '../../shared/decision-executor';
import type { AddObjectiveRequestDto } from './add-objective.request.dto';

export class AddObjectiveCommand {
  constructor(
    readonly backlogId: string,
    readonly body: AddObjectiveRequestDto,
    readonly meta: RequestMeta,
  ) {}
}

export type ObjectiveOutcome = DecisionOutcome & { objectiveId: string };
