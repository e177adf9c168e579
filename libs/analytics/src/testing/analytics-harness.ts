import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import type { RecordedEvent } from '@ledger/kernel';
import { createAnalyticsClient } from '../clickhouse/analytics-client';
import { migrate } from '../migrations/migrator';
import { decisionRow, type DecisionRow } from '../projection/decision-row';
import { forumRow, type ForumRow } from '../projection/forum-row';
import { reprioritizationRow, type ReprioritizationRow } from '../projection/reprioritization-row';
import { refreshItemStates } from '../projection/item-state';

/**
 * A real chDB (through @clickhouse/client) in a temp dir, migrated. One per test file: chDB is one
 * engine per process, so use a distinct `database` per scenario instead of a second harness.
 */
export interface AnalyticsHarness {
  client: ClickHouseClient;
  /** Creates (and migrates) a fresh database, returns its name. */
  freshDatabase(): Promise<string>;
  /**
   * Inserts the events' rows directly (the projector's row function, without the projector), then refreshes the
   * item states of the items they touch, as the projector does after each batch.
   */
  insert(database: string, events: RecordedEvent[]): Promise<void>;
  /** A fresh database holding the histories' events (inserted as `insert` does, one history after the other). */
  load(...histories: Array<{ events: RecordedEvent[] }>): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export async function startAnalytics(): Promise<AnalyticsHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-analytics-'));
  const client = createAnalyticsClient({ kind: 'chdb', path: dir, database: 'unused' });
  const harness: AnalyticsHarness = {
    client,
    async freshDatabase() {
      const database = `t${process.pid}_${++counter}`;
      await migrate(client, { database });
      return database;
    },
    async insert(database, events) {
      const rows = events.map(decisionRow).filter((r): r is DecisionRow => r !== null);
      if (rows.length) await client.insert({ table: `${database}.decisions`, values: rows, format: 'JSONEachRow' });
      const backlogRows = rows.filter((r) => !r.item_id);
      if (backlogRows.length) await client.insert({ table: `${database}.backlog_decisions`, values: backlogRows, format: 'JSONEachRow' });
      await refreshItemStates(client, database, new Map(rows.filter((r) => r.item_id).map((r) => [r.item_id, r.backlog_id])));
      const forumRows = events.map(forumRow).filter((r): r is ForumRow => r !== null);
      if (forumRows.length) await client.insert({ table: `${database}.forum_events`, values: forumRows, format: 'JSONEachRow' });
      const moveRows = events.map(reprioritizationRow).filter((r): r is ReprioritizationRow => r !== null);
      if (moveRows.length) await client.insert({ table: `${database}.reprioritizations`, values: moveRows, format: 'JSONEachRow' });
    },
    async load(...histories) {
      const database = await harness.freshDatabase();
      for (const x of histories) await harness.insert(database, x.events);
      return database;
    },
    async close() {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
