import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import { Authorization } from '../../auth/authorization';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { Streams } from '../../shared/streams';
import { itemNotFound } from '../item-decisions';
import { itemHistory, type HistoryEntry } from './item-history.projection';
import { ItemHistoryQuery } from './item-history.query';

@QueryHandler(ItemHistoryQuery)
export class ItemHistoryHandler implements IQueryHandler<ItemHistoryQuery, { itemId: string; entries: HistoryEntry[] }> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ itemId, principal }: ItemHistoryQuery) {
    const events = await this.store.readStream(Streams.item(itemId));
    if (events.length === 0) throw itemNotFound(itemId);
    Authorization.assertCanRead(principal, String((events[0].data as { backlogId: string }).backlogId));
    return { itemId, backlogId: (events[0].data as { backlogId: string }).backlogId, entries: itemHistory(events) };
  }
}
