import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@ledger/event-store';
import { appendHistory, generateHistory } from '../../../../libs/analytics/src/testing/generated-history';
import { JsonLogger } from '../shared/json-logger';
import { CATCH_UP_PAGE, LedgerIndexProjector } from './ledger-index.projector';
import { SqliteLedgerIndex } from './sqlite-ledger-index';

describe('read-model projector (real SQLite store and read model)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let index: SqliteLedgerIndex;
  let head: number;
  const projectors: LedgerIndexProjector[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-read-model-'));
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    index = new SqliteLedgerIndex(join(dir, 'read-model.sqlite'));
    head = await appendHistory(store, generateHistory({ events: 3 * CATCH_UP_PAGE, backlogs: 2, seed: 5 }));
  });
  afterEach(async () => {
    for (const p of projectors.splice(0)) await p.onApplicationShutdown();
    await store.close();
    index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(): LedgerIndexProjector {
    const projector = new LedgerIndexProjector(store, index, new JsonLogger('silent'));
    projectors.push(projector);
    projector.onApplicationBootstrap();
    return projector;
  }

  it('catches up in the background, letting the event loop run between pages, then follows new commits', async () => {
    start();
    expect(index.checkpoint()).toBe(0); // bootstrap returned before anything was projected
    let checkpointWhenImmediateRan = -1;
    setImmediate(() => (checkpointWhenImmediateRan = index.checkpoint()));

    expect(await index.waitFor(head, 30_000)).toBe(true);
    expect(checkpointWhenImmediateRan).toBeGreaterThanOrEqual(0);
    expect(checkpointWhenImmediateRan).toBeLessThan(head);

    const backlogId = randomUUID();
    const live = await store.append(
      `backlog-${backlogId}`,
      [{ id: randomUUID(), type: 'backlog.created', schemaVersion: 1, data: { backlogId, name: 'Live', productGoal: 'Follows commits' }, metadata: { actor: { id: 'lena', role: 'product-leader' }, correlationId: randomUUID(), causationId: null } }],
      'no-stream',
    );
    expect(await index.waitFor(live.position, 10_000)).toBe(true);
    expect(index.audit({ backlogId, after: 0, limit: 10 }).map((e) => e.type)).toEqual(['backlog.created']);
  });

  it('stops in the middle of a catch-up on shutdown, and the next start resumes from the checkpoint', async () => {
    const first = start();
    await first.onApplicationShutdown();
    const stoppedAt = index.checkpoint();
    expect(stoppedAt).toBeLessThan(head);

    start();
    expect(await index.waitFor(head, 30_000)).toBe(true);
    expect(index.audit({ after: 0, limit: head + 1 }).map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
  });
});
