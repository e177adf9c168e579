import { AccessEventType, BacklogEventType, ForumEventType, ItemEventType, ProposalEventType } from '@ledger/domain';
import { EVENT_TYPES } from '../src/screens/audit/events';

// The audit explorer offers every event type as a filter and names each (apps/web/src/screens/audit/events.ts); the
// catalog lives in libs/domain. Node-side (root tsconfig) so it can import both: a new event type must be named there.
describe('the audit explorer knows every event type the ledger records', () => {
  it('names exactly the domain’s event types', () => {
    const domain = [AccessEventType, BacklogEventType, ForumEventType, ItemEventType, ProposalEventType].flatMap((t) => Object.values(t) as string[]);
    expect(Object.keys(EVENT_TYPES).sort()).toEqual([...new Set(domain)].sort());
  });
});
