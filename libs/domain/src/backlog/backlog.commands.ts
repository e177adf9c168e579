import type { Actor } from '@ledger/kernel';
import type { BacklogPolicy } from '../policy';

interface Base {
  actor: Actor;
}

export type CreateBacklog = Base & {
  kind: 'CreateBacklog';
  backlogId: string;
  name: string;
  productGoal: string;
  policy?: Partial<BacklogPolicy>;
  /** Optional for creation: the product goal is the "why" when absent. */
  rationale?: string;
};
export type ChangeProductGoal = Base & { kind: 'ChangeProductGoal'; productGoal: string; rationale: string };
export type AddObjective = Base & {
  kind: 'AddObjective';
  objectiveId: string;
  title: string;
  metric: string;
  target?: string;
  rationale: string;
};
export type RetireObjective = Base & { kind: 'RetireObjective'; objectiveId: string; rationale: string };
export type RecordSprintVelocity = Base & {
  kind: 'RecordSprintVelocity';
  sprint: string;
  endedOn: string;
  points: number;
  rationale: string;
};
export type ChangePolicy = Base & { kind: 'ChangePolicy'; policy: Partial<BacklogPolicy>; rationale: string };

export type BacklogCommand =
  | CreateBacklog
  | ChangeProductGoal
  | AddObjective
  | RetireObjective
  | RecordSprintVelocity
  | ChangePolicy;
