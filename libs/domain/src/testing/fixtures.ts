import type { Actor, Role } from '@ledger/kernel';
import type { BacklogEvent } from '../backlog/backlog.events';
import type { Evolvable } from '../decider';
import type { BacklogContext, Placement } from '../item/item.commands';
import type { ItemEvent } from '../item/item.events';
import { DEFAULT_POLICY } from '../policy';

export const BACKLOG_ID = 'b-1';
export const ITEM_ID = 'i-1';
export const WHY = 'Customers abandon checkout when it is slow';

export const actors: Record<Role, Actor> = {
  admin: { id: 'u-admin', role: 'admin' },
  'product-owner': { id: 'u-po', role: 'product-owner' },
  'product-leader': { id: 'u-pl', role: 'product-leader' },
  stakeholder: { id: 'u-sh', role: 'stakeholder' },
  'forum-member': { id: 'u-fm', role: 'forum-member' },
  auditor: { id: 'u-aud', role: 'auditor' },
  system: { id: 'system', role: 'system' },
};
export const po = actors['product-owner'];

export function placement(above: string | null, below: string | null, position: number): Placement {
  return { above, below, position };
}

export function backlogCtx(overrides: Partial<BacklogContext> = {}): BacklogContext {
  return {
    backlogId: BACKLOG_ID,
    exists: true,
    activeObjectiveIds: ['o-1', 'o-2'],
    knownObjectiveIds: ['o-1', 'o-2', 'o-retired'],
    ...overrides,
  };
}

// ----- backlog events

export function backlogCreated(id = 'bev-1'): Evolvable<BacklogEvent> {
  return {
    id,
    type: 'backlog.created',
    schemaVersion: 1,
    data: { backlogId: BACKLOG_ID, name: 'Checkout', productGoal: 'Fastest checkout in retail', policy: DEFAULT_POLICY, rationale: WHY },
  };
}

export function objectiveAdded(objectiveId: string, id = `bev-${objectiveId}`): Evolvable<BacklogEvent> {
  return {
    id,
    type: 'backlog.objective-added',
    schemaVersion: 1,
    data: { backlogId: BACKLOG_ID, objectiveId, title: `Objective ${objectiveId}`, metric: 'conversion %', target: '5%', rationale: WHY },
  };
}

export function objectiveRetired(objectiveId: string, id = `bev-r-${objectiveId}`): Evolvable<BacklogEvent> {
  return { id, type: 'backlog.objective-retired', schemaVersion: 1, data: { backlogId: BACKLOG_ID, objectiveId, rationale: WHY } };
}

export function velocityRecorded(sprint: string, endedOn: string, points: number, id = `bev-v-${sprint}`): Evolvable<BacklogEvent> {
  return {
    id,
    type: 'backlog.sprint-velocity-recorded',
    schemaVersion: 1,
    data: { backlogId: BACKLOG_ID, sprint, endedOn, points, rationale: WHY },
  };
}

// ----- item events (ids are explicit so tests can escalate against them)

const base = { itemId: ITEM_ID, backlogId: BACKLOG_ID };

export function itemAdded(id = 'e-added', overrides: Partial<Extract<ItemEvent, { type: 'item.added' }>['data']> = {}): Evolvable<ItemEvent> {
  return {
    id,
    type: 'item.added',
    schemaVersion: 1,
    data: {
      ...base,
      title: 'One-click checkout',
      kind: 'story',
      hypothesis: null,
      objectiveId: null,
      estimate: null,
      requestedBy: null,
      rank: 'i',
      position: 3,
      rationale: WHY,
      ...overrides,
    },
  };
}

export function itemReprioritized(id: string, fromRank: string, toRank: string, fromPosition: number, toPosition: number): Evolvable<ItemEvent> {
  return {
    id,
    type: 'item.reprioritized',
    schemaVersion: 1,
    data: { ...base, fromRank, toRank, fromPosition, toPosition, trigger: 'routine', escalationId: null, rationale: WHY },
  };
}

export function itemKilled(id = 'e-killed', fromPosition = 3): Evolvable<ItemEvent> {
  return {
    id,
    type: 'item.killed',
    schemaVersion: 1,
    data: { ...base, reason: 'No customer asked for it in a year', decidedBy: po.id, via: 'owner', proposalId: null, fromPosition },
  };
}

export function itemMovedToAntiBacklog(id = 'e-anti', fromPosition = 3): Evolvable<ItemEvent> {
  return { id, type: 'item.moved-to-anti-backlog', schemaVersion: 1, data: { ...base, reason: 'Out of the product goal', fromPosition } };
}

export function itemStarted(id = 'e-started'): Evolvable<ItemEvent> {
  return { id, type: 'item.started', schemaVersion: 1, data: { ...base, rationale: WHY } };
}

export function itemDelivered(id = 'e-delivered', fromPosition = 1): Evolvable<ItemEvent> {
  return { id, type: 'item.delivered', schemaVersion: 1, data: { ...base, fromPosition, rationale: WHY } };
}

export function itemEstimated(id: string, estimate: number, previousEstimate: number | null = null): Evolvable<ItemEvent> {
  return { id, type: 'item.estimated', schemaVersion: 1, data: { ...base, estimate, previousEstimate, rationale: WHY } };
}

export function itemLinked(id: string, objectiveId: string, previousObjectiveId: string | null = null): Evolvable<ItemEvent> {
  return { id, type: 'item.linked-to-objective', schemaVersion: 1, data: { ...base, objectiveId, previousObjectiveId, rationale: WHY } };
}

export function itemKillCriteriaSet(id: string, exitCondition: string, reviewBy: string): Evolvable<ItemEvent> {
  return { id, type: 'item.kill-criteria-set', schemaVersion: 1, data: { ...base, exitCondition, reviewBy, rationale: WHY } };
}

export function itemEscalated(id: string, escalationId: string, againstEventId: string, againstEventType: string): Evolvable<ItemEvent> {
  return {
    id,
    type: 'item.escalated',
    schemaVersion: 1,
    data: {
      ...base,
      escalationId,
      againstEventId,
      againstEventType,
      wanted: 'Put it back at the top of the backlog',
      reason: 'Our biggest customer renews next month',
      addressedTo: 'product-leader',
    },
  };
}

export function itemEscalationResolved(id: string, escalationId: string, againstEventId: string, outcome: 'upheld' | 'overturned'): Evolvable<ItemEvent> {
  return {
    id,
    type: 'item.escalation-resolved',
    schemaVersion: 1,
    data: { ...base, escalationId, againstEventId, outcome, rationale: WHY },
  };
}

export function itemRevived(id: string, rank: string, position: number): Evolvable<ItemEvent> {
  return { id, type: 'item.revived', schemaVersion: 1, data: { ...base, rank, position, trigger: 'decision', escalationId: null, rationale: WHY } };
}

export function itemReopened(id: string, rank: string, position: number): Evolvable<ItemEvent> {
  return { id, type: 'item.reopened', schemaVersion: 1, data: { ...base, rank, position, rationale: WHY } };
}
