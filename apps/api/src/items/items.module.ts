import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DecisionExecutor } from '../shared/decision-executor';
import { Backlogs } from './backlog-context';
import { ItemDecisions } from './item-decisions';
import { Ranking } from './ranking';
import { AddItemController } from './add-item/add-item.http.controller';
import { AddItemHandler } from './add-item/add-item.handler';
import { ReprioritizeItemController } from './reprioritize-item/reprioritize-item.http.controller';
import { ReprioritizeItemHandler } from './reprioritize-item/reprioritize-item.handler';
import { KillItemController } from './kill-item/kill-item.http.controller';
import { KillItemHandler } from './kill-item/kill-item.handler';
import { EscalateDecisionController } from './escalate-decision/escalate-decision.http.controller';
import { EscalateDecisionHandler } from './escalate-decision/escalate-decision.handler';
import { ResolveEscalationController } from './resolve-escalation/resolve-escalation.http.controller';
import { ResolveEscalationHandler } from './resolve-escalation/resolve-escalation.handler';
import { ReviveItemController } from './revive-item/revive-item.http.controller';
import { ReviveItemHandler } from './revive-item/revive-item.handler';
import { ReopenItemController } from './reopen-item/reopen-item.http.controller';
import { ReopenItemHandler } from './reopen-item/reopen-item.handler';
import { MoveToAntiBacklogController } from './move-to-anti-backlog/move-to-anti-backlog.http.controller';
import { MoveToAntiBacklogHandler } from './move-to-anti-backlog/move-to-anti-backlog.handler';
import { SetKillCriteriaController } from './set-kill-criteria/set-kill-criteria.http.controller';
import { SetKillCriteriaHandler } from './set-kill-criteria/set-kill-criteria.handler';
import { EstimateItemController } from './estimate-item/estimate-item.http.controller';
import { EstimateItemHandler } from './estimate-item/estimate-item.handler';
import { LinkToObjectiveController } from './link-to-objective/link-to-objective.http.controller';
import { LinkToObjectiveHandler } from './link-to-objective/link-to-objective.handler';
import { StartItemController } from './start-item/start-item.http.controller';
import { StartItemHandler } from './start-item/start-item.handler';
import { DeliverItemController } from './deliver-item/deliver-item.http.controller';
import { DeliverItemHandler } from './deliver-item/deliver-item.handler';
import { RecordOutcomeController } from './record-outcome/record-outcome.http.controller';
import { RecordOutcomeHandler } from './record-outcome/record-outcome.handler';
// @slices-imports

@Module({
  imports: [CqrsModule],
  controllers: [
    AddItemController,
    ReprioritizeItemController,
    KillItemController,
    EscalateDecisionController,
    ResolveEscalationController,
    ReviveItemController,
    ReopenItemController,
    MoveToAntiBacklogController,
    SetKillCriteriaController,
    EstimateItemController,
    LinkToObjectiveController,
    StartItemController,
    DeliverItemController,
    RecordOutcomeController,
    // @slices-controllers
  ],
  providers: [
    DecisionExecutor,
    Backlogs,
    ItemDecisions,
    Ranking,
    AddItemHandler,
    ReprioritizeItemHandler,
    KillItemHandler,
    EscalateDecisionHandler,
    ResolveEscalationHandler,
    ReviveItemHandler,
    ReopenItemHandler,
    MoveToAntiBacklogHandler,
    SetKillCriteriaHandler,
    EstimateItemHandler,
    LinkToObjectiveHandler,
    StartItemHandler,
    DeliverItemHandler,
    RecordOutcomeHandler,
    // @slices-handlers
  ],
  exports: [DecisionExecutor, Backlogs, Ranking],
})
export class ItemsModule {}
