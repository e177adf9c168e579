import type { ICommand } from '@nestjs/cqrs';
import type { RequestMeta } from '../http/request-meta';
import { placementOf } from '../items/placement';
import { CreateBacklogCommand } from '../backlogs/create-backlog/create-backlog.command';
import { CreateBacklogRequestDto } from '../backlogs/create-backlog/create-backlog.request.dto';
import { ChangeProductGoalCommand } from '../backlogs/change-product-goal/change-product-goal.command';
import { ChangeProductGoalRequestDto } from '../backlogs/change-product-goal/change-product-goal.request.dto';
import { AddObjectiveCommand } from '../backlogs/add-objective/add-objective.command';
import { AddObjectiveRequestDto } from '../backlogs/add-objective/add-objective.request.dto';
import { RetireObjectiveCommand } from '../backlogs/retire-objective/retire-objective.command';
import { RetireObjectiveRequestDto } from '../backlogs/retire-objective/retire-objective.request.dto';
import { RecordSprintVelocityCommand } from '../backlogs/record-sprint-velocity/record-sprint-velocity.command';
import { RecordSprintVelocityRequestDto } from '../backlogs/record-sprint-velocity/record-sprint-velocity.request.dto';
import { ChangePolicyCommand } from '../backlogs/change-policy/change-policy.command';
import { ChangePolicyRequestDto } from '../backlogs/change-policy/change-policy.request.dto';
import { AddItemCommand } from '../items/add-item/add-item.command';
import { AddItemRequestDto } from '../items/add-item/add-item.request.dto';
import { ReprioritizeItemCommand } from '../items/reprioritize-item/reprioritize-item.command';
import { ReprioritizeItemRequestDto } from '../items/reprioritize-item/reprioritize-item.request.dto';
import { EscalateDecisionCommand } from '../items/escalate-decision/escalate-decision.command';
import { EscalateDecisionRequestDto } from '../items/escalate-decision/escalate-decision.request.dto';
import { ResolveEscalationCommand } from '../items/resolve-escalation/resolve-escalation.command';
import { ResolveEscalationRequestDto } from '../items/resolve-escalation/resolve-escalation.request.dto';
import { KillItemCommand } from '../items/kill-item/kill-item.command';
import { KillItemRequestDto } from '../items/kill-item/kill-item.request.dto';
import { ReviveItemCommand } from '../items/revive-item/revive-item.command';
import { ReviveItemRequestDto } from '../items/revive-item/revive-item.request.dto';
import { ReopenItemCommand } from '../items/reopen-item/reopen-item.command';
import { ReopenItemRequestDto } from '../items/reopen-item/reopen-item.request.dto';
import { ImportReprioritizeDto } from './import-reprioritize.dto';
import { validationProblem } from '../http/problem';
import { MoveToAntiBacklogCommand } from '../items/move-to-anti-backlog/move-to-anti-backlog.command';
import { MoveToAntiBacklogRequestDto } from '../items/move-to-anti-backlog/move-to-anti-backlog.request.dto';
import { SetKillCriteriaCommand } from '../items/set-kill-criteria/set-kill-criteria.command';
import { SetKillCriteriaRequestDto } from '../items/set-kill-criteria/set-kill-criteria.request.dto';
import { EstimateItemCommand } from '../items/estimate-item/estimate-item.command';
import { EstimateItemRequestDto } from '../items/estimate-item/estimate-item.request.dto';
import { LinkToObjectiveCommand } from '../items/link-to-objective/link-to-objective.command';
import { LinkToObjectiveRequestDto } from '../items/link-to-objective/link-to-objective.request.dto';
import { StartItemCommand } from '../items/start-item/start-item.command';
import { StartItemRequestDto } from '../items/start-item/start-item.request.dto';
import { DeliverItemCommand } from '../items/deliver-item/deliver-item.command';
import { DeliverItemRequestDto } from '../items/deliver-item/deliver-item.request.dto';
import { RecordOutcomeCommand } from '../items/record-outcome/record-outcome.command';
import { RecordOutcomeRequestDto } from '../items/record-outcome/record-outcome.request.dto';

/** What an external key names. Keys are unique per kind within a file. */
export type KeyKind = 'backlog' | 'item' | 'objective' | 'escalation';

/** A line field that names something by external key (or by server id), mapped before validation. */
export interface RefField {
  /** Field of the line. */
  field: string;
  kind: KeyKind | 'decision';
  /** Field of the HTTP body it becomes; absent = a path parameter (not part of the body). */
  body?: string;
  required: boolean;
}

/** The resolved ids and the validated HTTP body a command is built from. */
export interface CommandInput {
  backlogId: string;
  itemId: string;
  objectiveId: string;
  escalationId: string;
  /** The DTO instance validated for this decision (the controller's @Body()). */
  body: any;
  meta: RequestMeta;
}

export interface DecisionDef {
  /** Which stream the decision lands on: its backlog's or its item's (for the product-owner scope). */
  scope: 'new-backlog' | 'backlog' | 'item';
  /** The line creates something under a new external key held in this field. */
  defines?: { field: string; kind: KeyKind };
  refs: RefField[];
  /** The HTTP request body class: validated with the same rules as the API's ValidationPipe. */
  dto: new () => object;
  command(input: CommandInput): ICommand;
}

const backlogRef: RefField = { field: 'backlog', kind: 'backlog', required: true };
const itemRef: RefField = { field: 'item', kind: 'item', required: true };
const anchors: RefField[] = [
  { field: 'before', kind: 'item', body: 'before', required: false },
  { field: 'after', kind: 'item', body: 'after', required: false },
];

/**
 * Every decision the HTTP API takes, by its import name. Each builds the same Nest CQRS command its
 * controller builds, from the same (validated) body, so the same handler and decider judge it.
 */
export const DECISIONS: Record<string, DecisionDef> = {
  'backlog.create': {
    scope: 'new-backlog',
    defines: { field: 'backlog', kind: 'backlog' },
    refs: [],
    dto: CreateBacklogRequestDto,
    command: ({ body, meta }) => new CreateBacklogCommand(body, meta),
  },
  'backlog.change-product-goal': {
    scope: 'backlog',
    refs: [backlogRef],
    dto: ChangeProductGoalRequestDto,
    command: ({ backlogId, body, meta }) => new ChangeProductGoalCommand(backlogId, body.productGoal, body.rationale, meta),
  },
  'backlog.add-objective': {
    scope: 'backlog',
    defines: { field: 'objective', kind: 'objective' },
    refs: [backlogRef],
    dto: AddObjectiveRequestDto,
    command: ({ backlogId, body, meta }) => new AddObjectiveCommand(backlogId, body, meta),
  },
  'backlog.retire-objective': {
    scope: 'backlog',
    refs: [backlogRef, { field: 'objective', kind: 'objective', required: true }],
    dto: RetireObjectiveRequestDto,
    command: ({ backlogId, objectiveId, body, meta }) => new RetireObjectiveCommand(backlogId, objectiveId, body.rationale, meta),
  },
  'backlog.record-velocity': {
    scope: 'backlog',
    refs: [backlogRef],
    dto: RecordSprintVelocityRequestDto,
    command: ({ backlogId, body, meta }) => new RecordSprintVelocityCommand(backlogId, body, meta),
  },
  'backlog.change-policy': {
    scope: 'backlog',
    refs: [backlogRef],
    dto: ChangePolicyRequestDto,
    command: ({ backlogId, body, meta }) => new ChangePolicyCommand(backlogId, body.policy, body.rationale, meta),
  },
  'item.add': {
    scope: 'backlog',
    defines: { field: 'item', kind: 'item' },
    refs: [backlogRef, { field: 'objective', kind: 'objective', body: 'objectiveId', required: false }, ...anchors],
    dto: AddItemRequestDto,
    command: ({ backlogId, body, meta }) => new AddItemCommand(backlogId, body, meta),
  },
  'item.reprioritize': {
    scope: 'item',
    refs: [itemRef, ...anchors],
    dto: ImportReprioritizeDto,
    command: ({ itemId, body, meta }) => {
      if (!body.move) {
        return new ReprioritizeItemCommand(itemId, placementOf(body, true)!, body.trigger, body.rationale, meta, body.scoreInputs);
      }
      // A move off the ranking (ADR 0025) leaves the ranking as it is: a placement would contradict it.
      if (placementOf(body, false)) {
        throw validationProblem([{ field: 'move', code: 'exclusive', message: 'give either move or a placement (toPosition, before, after)' }]);
      }
      const m = body.move;
      const move = {
        scale: m.scale,
        direction: m.direction,
        approximate: m.approximate,
        fromLevel: m.fromLevel ?? null,
        toLevel: m.toLevel ?? null,
        from: m.from ?? null,
        to: m.to ?? null,
      };
      return new ReprioritizeItemCommand(itemId, {}, body.trigger, body.rationale, meta, body.scoreInputs, move);
    },
  },
  'item.escalate': {
    scope: 'item',
    defines: { field: 'escalation', kind: 'escalation' },
    refs: [itemRef, { field: 'against', kind: 'decision', body: 'againstEventId', required: true }],
    dto: EscalateDecisionRequestDto,
    command: ({ itemId, body, meta }) => new EscalateDecisionCommand(itemId, body, meta),
  },
  'item.resolve-escalation': {
    scope: 'item',
    refs: [itemRef, { field: 'escalation', kind: 'escalation', required: true }, ...anchors],
    dto: ResolveEscalationRequestDto,
    command: ({ itemId, escalationId, body, meta }) =>
      new ResolveEscalationCommand(itemId, escalationId, body.outcome, placementOf(body, false), body.rationale, meta),
  },
  'item.kill': {
    scope: 'item',
    refs: [itemRef],
    dto: KillItemRequestDto,
    command: ({ itemId, body, meta }) => new KillItemCommand(itemId, body.reason, meta),
  },
  'item.revive': {
    scope: 'item',
    refs: [itemRef, ...anchors],
    dto: ReviveItemRequestDto,
    command: ({ itemId, body, meta }) => new ReviveItemCommand(itemId, placementOf(body, false), body.rationale, meta),
  },
  'item.reopen': {
    scope: 'item',
    refs: [itemRef, ...anchors],
    dto: ReopenItemRequestDto,
    command: ({ itemId, body, meta }) => new ReopenItemCommand(itemId, placementOf(body, false), body.rationale, meta),
  },
  'item.move-to-anti-backlog': {
    scope: 'item',
    refs: [itemRef],
    dto: MoveToAntiBacklogRequestDto,
    command: ({ itemId, body, meta }) => new MoveToAntiBacklogCommand(itemId, body.reason, meta),
  },
  'item.set-kill-criteria': {
    scope: 'item',
    refs: [itemRef],
    dto: SetKillCriteriaRequestDto,
    command: ({ itemId, body, meta }) => new SetKillCriteriaCommand(itemId, body, meta),
  },
  'item.estimate': {
    scope: 'item',
    refs: [itemRef],
    dto: EstimateItemRequestDto,
    command: ({ itemId, body, meta }) => new EstimateItemCommand(itemId, body.estimate, body.rationale, meta, body.scoreInputs),
  },
  'item.link-objective': {
    scope: 'item',
    refs: [itemRef, { field: 'objective', kind: 'objective', body: 'objectiveId', required: true }],
    dto: LinkToObjectiveRequestDto,
    command: ({ itemId, body, meta }) => new LinkToObjectiveCommand(itemId, body.objectiveId, body.rationale, meta),
  },
  'item.start': {
    scope: 'item',
    refs: [itemRef],
    dto: StartItemRequestDto,
    command: ({ itemId, body, meta }) => new StartItemCommand(itemId, body.rationale, meta),
  },
  'item.deliver': {
    scope: 'item',
    refs: [itemRef],
    dto: DeliverItemRequestDto,
    command: ({ itemId, body, meta }) => new DeliverItemCommand(itemId, body.rationale, meta),
  },
  'item.record-outcome': {
    scope: 'item',
    refs: [itemRef, { field: 'objective', kind: 'objective', body: 'objectiveId', required: true }],
    dto: RecordOutcomeRequestDto,
    command: ({ itemId, body, meta }) => new RecordOutcomeCommand(itemId, body, meta),
  },
};

export const DECISION_NAMES = Object.keys(DECISIONS);
