import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { CqrsModule } from '@nestjs/cqrs';
import { COMMAND_HANDLER_METADATA } from '@nestjs/cqrs/dist/decorators/constants';
import type { Clock, IdGenerator } from '@ledger/kernel';
import type { EventStore } from '@ledger/event-store';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, CLOCK, EVENT_STORE, ID_GENERATOR, LEDGER_INDEX } from '../infrastructure/tokens';
import { DecisionExecutor } from '../shared/decision-executor';
import { Backlogs } from '../items/backlog-context';
import { ItemDecisions } from '../items/item-decisions';
import { Ranking } from '../items/ranking';
import { ItemsModule } from '../items/items.module';
import { BacklogsModule } from '../backlogs/backlogs.module';
import type { ImportBatch } from './import-batch';
import { StagedDecisionExecutor } from './staged-decision-executor';

export interface BulkDecisionsDeps {
  batch: ImportBatch;
  store: EventStore;
  ids: IdGenerator;
  clock: Clock;
  config: AppConfig;
}

/** The command handlers of the decision modules (every @CommandHandler they provide), found as @nestjs/cqrs finds them. */
export function decisionHandlers(): Type[] {
  return [ItemsModule, BacklogsModule]
    .flatMap((m) => (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, m) ?? []) as Provider[])
    .filter((p): p is Type => typeof p === 'function' && Reflect.hasMetadata(COMMAND_HANDLER_METADATA, p));
}

/**
 * A bulk import's own small Nest context (ADR 0027): the API's decision handlers, unchanged, with the
 * DecisionExecutor replaced by the import's StagedDecisionExecutor and the ranked view by its in-memory
 * ImportRanking. Each import line's command goes through this context's CommandBus to the same handler and decider
 * as the HTTP request for that decision.
 *
 * New decision slices are picked up from ItemsModule / BacklogsModule; a handler that needs more than these
 * providers fails here at start, naming the missing dependency.
 */
@Module({})
export class BulkDecisionsModule {
  static for(deps: BulkDecisionsDeps): DynamicModule {
    return {
      module: BulkDecisionsModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        // The handlers' Ranking asks the head only to wait for the ranked view: inside the import, that is the batch's.
        { provide: EVENT_STORE, useValue: deps.batch satisfies Pick<EventStore, 'headPosition'> },
        { provide: ID_GENERATOR, useValue: deps.ids },
        { provide: CLOCK, useValue: deps.clock },
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: LEDGER_INDEX, useValue: deps.batch.ranking },
        { provide: DecisionExecutor, useValue: new StagedDecisionExecutor(deps.batch, deps.store, deps.ids) },
        Backlogs,
        ItemDecisions,
        Ranking,
        ...decisionHandlers(),
      ],
    };
  }
}
