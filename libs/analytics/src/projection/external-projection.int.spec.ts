import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { startAnalytics, type AnalyticsHarness } from '../testing/analytics-harness';
import { appendHistory, generateHistory } from '../testing/generated-history';
import { DecisionWriter } from './analytics-projector';
import { ExternalProjection } from './external-projection';

describe('ExternalProjection (the API reading the checkpoint another process writes; real chDB)', () => {
  let analytics: AnalyticsHarness;
  let dir: string;

  beforeAll(async () => {
    analytics = await startAnalytics();
    dir = mkdtempSync(join(tmpdir(), 'ledger-external-'));
  });
  afterAll(async () => {
    await analytics.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows the written checkpoint: waitFor, lag against the store head, status', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const head = await appendHistory(store, generateHistory({ events: 200, seed: 2 }));
    const database = await analytics.freshDatabase();
    const external = new ExternalProjection({ client: analytics.client, database, store, pollMs: 20 });
    await external.start();
    expect(external.checkpoint()).toBe(0);
    expect(external.lag().events).toBe(head);
    expect(await external.waitFor(50, 100)).toBe(false); // nobody projected anything

    const writer = new DecisionWriter(analytics.client, database); // what apps/projector writes
    setTimeout(() => void writer.writeCheckpoint(120), 50);
    expect(await external.waitFor(100, 5_000)).toBe(true);
    expect(external.checkpoint()).toBe(120);
    expect(external.status()).toMatchObject({ state: 'running', checkpoint: 120, head, lag: { events: head - 120 } });

    await writer.writeCheckpoint(head);
    expect(await external.waitFor(head, 5_000)).toBe(true);
    expect(external.lag()).toEqual({ events: 0, seconds: 0 });
    await external.stop();
    expect(await external.waitFor(head + 1, 1_000)).toBe(false);
    await store.close();
  });
});
