import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ItemsModule } from '../items/items.module';
import { CreateBacklogController } from './create-backlog/create-backlog.http.controller';
import { CreateBacklogHandler } from './create-backlog/create-backlog.handler';
import { ChangeProductGoalController } from './change-product-goal/change-product-goal.http.controller';
import { ChangeProductGoalHandler } from './change-product-goal/change-product-goal.handler';
import { AddObjectiveController } from './add-objective/add-objective.http.controller';
import { AddObjectiveHandler } from './add-objective/add-objective.handler';
import { RetireObjectiveController } from './retire-objective/retire-objective.http.controller';
import { RetireObjectiveHandler } from './retire-objective/retire-objective.handler';
import { RecordSprintVelocityController } from './record-sprint-velocity/record-sprint-velocity.http.controller';
import { RecordSprintVelocityHandler } from './record-sprint-velocity/record-sprint-velocity.handler';
import { ChangePolicyController } from './change-policy/change-policy.http.controller';
import { ChangePolicyHandler } from './change-policy/change-policy.handler';

/** Decisions on a backlog itself (goal, objectives, velocity, policy); item decisions live in ItemsModule. */
@Module({
  imports: [CqrsModule, ItemsModule],
  controllers: [
    CreateBacklogController,
    ChangeProductGoalController,
    AddObjectiveController,
    RetireObjectiveController,
    RecordSprintVelocityController,
    ChangePolicyController,
  ],
  providers: [
    CreateBacklogHandler,
    ChangeProductGoalHandler,
    AddObjectiveHandler,
    RetireObjectiveHandler,
    RecordSprintVelocityHandler,
    ChangePolicyHandler,
  ],
})
export class BacklogsModule {}
