import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Authorization } from '../../auth/authorization';
import { LEDGER_INDEX } from '../../infrastructure/tokens';
import type { LedgerIndex, RankedItemRow } from '../../read-model/ledger-index.port';
import { Backlogs } from '../../items/backlog-context';
import { Ranking } from '../../items/ranking';
import { ListBacklogItemsQuery } from './list-backlog-items.query';
import { itemsWithStatusFrom, rankingFrom, type RankedItemView } from './ranking-at';
import type { RankedItemsPageDto } from './list-backlog-items.response.dto';

@QueryHandler(ListBacklogItemsQuery)
export class ListBacklogItemsHandler implements IQueryHandler<ListBacklogItemsQuery, RankedItemsPageDto> {
  constructor(
    private readonly backlogs: Backlogs,
    private readonly ranking: Ranking,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
  ) {}

  async execute(q: ListBacklogItemsQuery): Promise<RankedItemsPageDto> {
    await this.backlogs.context(q.backlogId);
    Authorization.assertCanRead(q.principal, q.backlogId);
    await this.ranking.caughtUp();
    const asOfPosition = this.index.checkpoint();
    let total: number;
    let items: RankedItemView[];
    if (q.at) {
      const events = this.index.itemEventsUpTo(q.backlogId, q.at.toISOString());
      const all = q.status === 'ranked' ? rankingFrom(events) : itemsWithStatusFrom(events, q.status);
      total = all.length;
      items = all.slice(q.offset, q.offset + q.limit);
    } else {
      const ranked = q.status === 'ranked';
      const rows = ranked
        ? this.index.rankedItems(q.backlogId, { limit: q.limit, offset: q.offset })
        : this.index.itemsWithStatus(q.backlogId, q.status, { limit: q.limit, offset: q.offset });
      total = ranked ? this.index.rankedCount(q.backlogId) : this.index.statusCount(q.backlogId, q.status);
      const progress = this.index.lastProgress(rows.map((r) => r.itemId));
      items = rows.map((r: RankedItemRow, i) => ({
        position: ranked ? q.offset + i + 1 : null,
        id: r.itemId,
        title: r.title,
        kind: r.kind as RankedItemView['kind'],
        status: r.status as RankedItemView['status'],
        rank: ranked ? r.rank : null,
        estimate: r.estimate,
        objectiveId: r.objectiveId,
        requestedBy: r.requestedBy,
        revision: r.revision,
        scoring: r.scoring,
        lastProgressAt: progress.get(r.itemId) ?? r.addedAt,
      }));
    }
    return {
      backlogId: q.backlogId,
      status: q.status,
      at: q.at?.toISOString() ?? null,
      asOfPosition,
      total,
      limit: q.limit,
      offset: q.offset,
      items,
    };
  }
}
