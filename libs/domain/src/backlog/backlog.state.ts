import { DEFAULT_POLICY, type BacklogPolicy } from '../policy';
import type { BacklogContext } from '../item/item.commands';

export interface ObjectiveState {
  objectiveId: string;
  title: string;
  metric: string;
  target: string | null;
  retired: boolean;
}

export interface SprintVelocity {
  sprint: string;
  /** YYYY-MM-DD */
  endedOn: string;
  points: number;
}

export interface BacklogState {
  exists: boolean;
  backlogId: string | null;
  name: string;
  productGoal: string;
  policy: BacklogPolicy;
  objectives: Record<string, ObjectiveState>;
  /** Ordered by endedOn (ties: in the order recorded). */
  velocities: SprintVelocity[];
}

export const initialBacklogState: BacklogState = {
  exists: false,
  backlogId: null,
  name: '',
  productGoal: '',
  policy: DEFAULT_POLICY,
  objectives: {},
  velocities: [],
};

/** The facts about a backlog an item decision needs (see BacklogContext). */
export function backlogContext(state: BacklogState): BacklogContext {
  const objectives = Object.values(state.objectives);
  return {
    backlogId: state.backlogId ?? '',
    exists: state.exists,
    activeObjectiveIds: objectives.filter((o) => !o.retired).map((o) => o.objectiveId),
    knownObjectiveIds: objectives.map((o) => o.objectiveId),
    scoring: { model: state.policy.scoringModel, scoreMargin: state.policy.scoreMargin },
  };
}

/** Average points of the last `lastN` sprints by end date; null when no velocity is recorded. */
export function averageVelocity(state: BacklogState, lastN = 3): number | null {
  const n = Math.max(1, Math.floor(lastN));
  const last = state.velocities.slice(-n);
  if (last.length === 0) return null;
  return last.reduce((sum, v) => sum + v.points, 0) / last.length;
}
