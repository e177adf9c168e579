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
// @slices-imports

@Module({
  imports: [CqrsModule],
  controllers: [
    AddItemController,
    ReprioritizeItemController,
    KillItemController,
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
    // @slices-handlers
  ],
  exports: [DecisionExecutor, Backlogs, Ranking],
})
export class ItemsModule {}
