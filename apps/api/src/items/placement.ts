import { validationProblem } from '../http/problem';
import type { PlacementRequest } from './ranking';

/** At most one of toPosition / before / after; `required` when the decision is a move. */
export function placementOf(body: PlacementRequest, required: boolean): PlacementRequest | undefined {
  const given = (['toPosition', 'before', 'after'] as const).filter((k) => body[k] !== undefined);
  if (given.length > 1) {
    throw validationProblem(given.map((field) => ({ field, code: 'exclusive', message: 'give exactly one of toPosition, before, after' })));
  }
  if (given.length === 0) {
    if (required) {
      throw validationProblem([{ field: 'toPosition', code: 'required', message: 'give one of toPosition, before, after' }]);
    }
    return undefined;
  }
  return { toPosition: body.toPosition, before: body.before, after: body.after };
}
