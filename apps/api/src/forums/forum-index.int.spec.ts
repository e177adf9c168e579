import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { LedgerError } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { ForumIndex } from './forum-index';

describe('forum index catch-up (real SQLite store and index)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let index: ForumIndex;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-forum-index-'));
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    index = new ForumIndex(join(dir, 'forum-index.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const meta = { actor: { id: 'olga', role: 'product-owner' as const }, correlationId: randomUUID(), causationId: null };
  /** `n` items added to one backlog, appended in one group commit. */
  async function addItems(n: number, backlogId = randomUUID()): Promise<string[]> {
    const ids = Array.from({ length: n }, () => randomUUID());
    await Promise.all(
      ids.map((itemId) => store.append(`item-${itemId}`, [{ id: randomUUID(), type: 'item.added', schemaVersion: 1, data: { itemId, backlogId }, metadata: meta }], 'no-stream')),
    );
    return ids;
  }

  it('catches up a long backlog in pages that let the event loop run, and concurrent callers share one pass', async () => {
    await addItems(5_000);
    const head = await store.headPosition();
    let checkpointWhenImmediateRan = -1;
    const reads = jest.spyOn(store, 'readAll');

    const callers = [index.catchUp(store), index.catchUp(store), index.catchUp(store)];
    setImmediate(() => (checkpointWhenImmediateRan = index.checkpoint()));
    await Promise.all(callers);

    expect(index.checkpoint()).toBe(head);
    expect(checkpointWhenImmediateRan).toBeGreaterThanOrEqual(0);
    expect(checkpointWhenImmediateRan).toBeLessThan(head);
    // One pass of pages for all three callers (a second pass would re-read from its own checkpoint).
    const afters = reads.mock.calls.map(([o]) => o?.after ?? 0);
    expect(new Set(afters).size).toBe(afters.length);
  });

  it('reaches what was written after a pass it joined had read its last page', async () => {
    await addItems(10);
    const first = index.catchUp(store);
    await addItems(3); // committed while the first pass may be finishing
    await index.catchUp(store);
    await first;
    expect(index.checkpoint()).toBe(await store.headPosition());
  });

  it('caughtUp gives up after the wait with FORUM.INDEX_BEHIND (503), while the pass goes on', async () => {
    await addItems(6_000);
    const head = await store.headPosition();

    const error = await index.caughtUp(store, 0).then(
      () => null,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(LedgerError);
    expect(error).toMatchObject({ code: 'FORUM.INDEX_BEHIND', kind: 'unavailable' });
    await index.caughtUp(store, 60_000);
    expect(index.checkpoint()).toBe(head);
  });
});
