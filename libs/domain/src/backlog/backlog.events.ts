import type { BacklogPolicy } from '../policy';

/** Stable wire names: never rename; add a new schemaVersion instead. */
export const BacklogEventType = {
  Created: 'backlog.created',
  ProductGoalChanged: 'backlog.product-goal-changed',
  ObjectiveAdded: 'backlog.objective-added',
  ObjectiveRetired: 'backlog.objective-retired',
  SprintVelocityRecorded: 'backlog.sprint-velocity-recorded',
  PolicyChanged: 'backlog.policy-changed',
} as const;

/**
 * Schema version 2 (decision quality): the policy carries scoringModel, scoreMargin and outcomeDueDays. Version 1
 * events lack them; evolve gives them their defaults.
 */
export type BacklogCreated = {
  type: 'backlog.created';
  schemaVersion: 1 | 2;
  data: { backlogId: string; name: string; productGoal: string; policy: BacklogPolicy; rationale: string };
};
export type ProductGoalChanged = {
  type: 'backlog.product-goal-changed';
  schemaVersion: 1;
  data: { backlogId: string; productGoal: string; previousProductGoal: string; rationale: string };
};
export type ObjectiveAdded = {
  type: 'backlog.objective-added';
  schemaVersion: 1;
  data: {
    backlogId: string;
    objectiveId: string;
    title: string;
    metric: string;
    target: string | null;
    rationale: string;
  };
};
export type ObjectiveRetired = {
  type: 'backlog.objective-retired';
  schemaVersion: 1;
  data: { backlogId: string; objectiveId: string; rationale: string };
};
export type SprintVelocityRecorded = {
  type: 'backlog.sprint-velocity-recorded';
  schemaVersion: 1;
  /** `sprint` is the team's sprint label; `endedOn` an ISO date (YYYY-MM-DD). */
  data: { backlogId: string; sprint: string; endedOn: string; points: number; rationale: string };
};
export type PolicyChanged = {
  type: 'backlog.policy-changed';
  schemaVersion: 1 | 2;
  data: { backlogId: string; policy: BacklogPolicy; previousPolicy: BacklogPolicy; rationale: string };
};

export type BacklogEvent =
  | BacklogCreated
  | ProductGoalChanged
  | ObjectiveAdded
  | ObjectiveRetired
  | SprintVelocityRecorded
  | PolicyChanged;
