import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@ledger/event-store';
import { rankingFrom, rankingFromVersions } from '../backlogs/list-backlog-items/ranking-at';
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

  it('after an upgrade, builds the as-of index from the read model in the background while following new commits', async () => {
    const first = start();
    expect(await index.waitFor(head, 30_000)).toBe(true);
    await first.onApplicationShutdown();
    const backlogs = index.audit({ type: 'backlog.created', after: 0, limit: 10 }).map((e) => (e.data as { backlogId: string }).backlogId);
    // Mid-history by occurredAt (the generated history spans months; it was appended just now).
    const at = index.audit({ after: 0, limit: head }).map((e) => String(e.metadata.occurredAt ?? e.recordedAt)).sort()[Math.floor(head / 2)];
    const expected = backlogs.map((b) => rankingFrom(index.itemEventsUpTo(b, at)));
    expect(expected.some((r) => r.length > 0)).toBe(true);
    expect(expected).not.toEqual(backlogs.map((b) => rankingFrom(index.itemEventsUpTo(b, new Date().toISOString())))); // a past state, not today's
    index.close();
    // The same read model as a release before ADR 0030 left it: no as-of tables.
    const raw = new Database(join(dir, 'read-model.sqlite'));
    raw.exec('DROP TABLE as_of_tracks; DROP TABLE as_of_versions; DROP TABLE as_of_checkpoint;');
    raw.close();
    index = new SqliteLedgerIndex(join(dir, 'read-model.sqlite'));
    expect(index.itemVersionsAt(backlogs[0], at)).toBeNull(); // the handler folds the events meanwhile

    start();
    let turns = 0;
    const tick = setInterval(() => (turns += 1), 0); // the event loop keeps turning during the backfill
    const live = await appendHistory(store, generateHistory({ events: 50, backlogs: 1, seed: 6 }));
    for (let i = 0; i < 600 && index.itemVersionsAt(backlogs[0], at) === null; i++) await new Promise((r) => setTimeout(r, 50));
    clearInterval(tick);
    expect(turns).toBeGreaterThan(0);
    expect(await index.waitFor(live, 10_000)).toBe(true);
    backlogs.forEach((b, i) => expect(rankingFromVersions(index.itemVersionsAt(b, at)!)).toEqual(expected[i]));
    const now = new Date(Date.now() + 86_400_000).toISOString();
    for (const b of index.audit({ type: 'backlog.created', after: 0, limit: 10 }).map((e) => (e.data as { backlogId: string }).backlogId)) {
      expect(rankingFromVersions(index.itemVersionsAt(b, now)!)).toEqual(rankingFrom(index.itemEventsUpTo(b, now)));
    }
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
