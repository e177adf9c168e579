import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Authorization } from '../../auth/authorization';
import { LEDGER_INDEX } from '../../infrastructure/tokens';
import type { LedgerIndex } from '../../read-model/ledger-index.port';
import { Backlogs } from '../../items/backlog-context';
import { Ranking } from '../../items/ranking';
import { ListBacklogItemsQuery } from './list-backlog-items.query';
import { rankingFrom, rankingFromVersions, type RankedItemView } from './ranking-at';

@QueryHandler(ListBacklogItemsQuery)
export class ListBacklogItemsHandler implements IQueryHandler<ListBacklogItemsQuery> {
  constructor(
    private readonly backlogs: Backlogs,
    private readonly ranking: Ranking,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
  ) {}

  async execute(q: ListBacklogItemsQuery) {
    await this.backlogs.context(q.backlogId);
    Authorization.assertCanRead(q.principal, q.backlogId);
    await this.ranking.caughtUp();
    const asOfPosition = this.index.checkpoint();
    let total: number;
    let items: RankedItemView[];
    if (q.at) {
      const at = q.at.toISOString();
      const versions = this.index.itemVersionsAt(q.backlogId, at);
      const all = versions ? rankingFromVersions(versions) : rankingFrom(this.index.itemEventsUpTo(q.backlogId, at));
      total = all.length;
      items = all.slice(q.offset, q.offset + q.limit);
    } else {
      total = this.index.rankedCount(q.backlogId);
      items = this.index.rankedItems(q.backlogId, { limit: q.limit, offset: q.offset }).map((r, i) => ({
        position: q.offset + i + 1,
        id: r.itemId,
        title: r.title,
        kind: r.kind,
        status: r.status,
        rank: r.rank,
        estimate: r.estimate,
        objectiveId: r.objectiveId,
        requestedBy: r.requestedBy,
        revision: r.revision,
      }));
    }
    return { backlogId: q.backlogId, at: q.at?.toISOString() ?? null, asOfPosition, total, limit: q.limit, offset: q.offset, items };
  }
}
