import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ItemsModule } from './items/items.module';
import { GetItemController } from './items/get-item/get-item.http.controller';
import { GetItemHandler } from './items/get-item/get-item.handler';
import { ItemHistoryController } from './items/item-history/item-history.http.controller';
import { ItemHistoryHandler } from './items/item-history/item-history.handler';
import { GetBacklogController } from './backlogs/get-backlog/get-backlog.http.controller';
import { GetBacklogHandler } from './backlogs/get-backlog/get-backlog.handler';
import { ListBacklogsController } from './backlogs/list-backlogs/list-backlogs.http.controller';
import { ListEscalationsController } from './items/list-escalations/list-escalations.http.controller';
import { ListBacklogItemsController } from './backlogs/list-backlog-items/list-backlog-items.http.controller';
import { ListBacklogItemsHandler } from './backlogs/list-backlog-items/list-backlog-items.handler';
import { ExportEventsController } from './audit/export-events/export-events.http.controller';
import { VerifyChainsController } from './audit/verify-chains/verify-chains.http.controller';

/** Read side: item and backlog views, backlogs and escalations lists, the as-of ranking, the audit export and verification. */
@Module({
  imports: [CqrsModule, ItemsModule],
  controllers: [
    GetItemController,
    ItemHistoryController,
    ListBacklogsController,
    GetBacklogController,
    ListEscalationsController,
    ListBacklogItemsController,
    ExportEventsController,
    VerifyChainsController,
  ],
  providers: [GetItemHandler, ItemHistoryHandler, GetBacklogHandler, ListBacklogItemsHandler],
})
export class ReadsModule {}
