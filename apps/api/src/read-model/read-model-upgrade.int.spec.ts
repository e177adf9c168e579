import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@ledger/kernel';
import { ForumIndex } from '../forums/forum-index';
import { SqliteLedgerIndex } from './sqlite-ledger-index';

/**
 * Read models written before decision quality (ADRs 0033, 0034): the ledger index is versioned (ADR 0032), so one at
 * an older version is emptied and re-projected; the forum index opens with the new columns added, keeps its rows and
 * projects new events into them.
 */
describe('read models from before decision quality (real SQLite files)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-upgrade-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  let position = 0;
  const event = (type: string, data: Record<string, unknown>, streamId = `item-${String(data.itemId)}`): RecordedEvent => ({
    id: randomUUID(),
    streamId,
    revision: 0,
    position: ++position,
    type,
    schemaVersion: 2,
    data,
    metadata: { actor: { id: 'olga', role: 'product-owner' }, correlationId: randomUUID(), causationId: null },
    recordedAt: '2026-01-05T09:00:00.000Z',
    hash: '0'.repeat(64),
    prevHash: '0'.repeat(64),
  });

  it('a ranked view from before frozen scores (version 2) is emptied and re-projected: every item gets its scoring column; a move sees the items it passes', () => {
    const file = join(dir, 'read-model.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
      INSERT INTO checkpoint (id, position) VALUES (1, 7);
      CREATE TABLE items (
      item_id TEXT PRIMARY KEY, backlog_id TEXT NOT NULL, status TEXT NOT NULL, ranked INTEGER NOT NULL,
      rank TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, estimate REAL, objective_id TEXT,
      requested_by TEXT, added_at TEXT NOT NULL, revision INTEGER NOT NULL, last_position INTEGER NOT NULL)`);
    const backlogId = randomUUID();
    const stale = randomUUID();
    old.prepare(`INSERT INTO items VALUES (?, ?, 'open', 1, 'a', 'Old', 'story', NULL, NULL, NULL, '2025-01-01T00:00:00.000Z', 0, 0)`).run(stale, backlogId);
    old.pragma('user_version = 2');
    old.close();

    const index = new SqliteLedgerIndex(file);
    try {
      expect(index.resetFromVersion).toBe(2);
      expect(index.checkpoint()).toBe(0);
      expect(index.itemRow(stale)).toBeNull();
      // Re-projected from the events: a v1 item (no frozen score) and a v2 item with one.
      const unscored = randomUUID();
      const scoredItem = randomUUID();
      const scoring = { model: 'value-effort', inputs: { value: 8, effort: 2 }, score: 4 };
      index.apply([
        event('item.added', { itemId: unscored, backlogId, title: 'Old', kind: 'story', rank: 'a', estimate: null, objectiveId: null, requestedBy: null }),
        event('item.added', { itemId: scoredItem, backlogId, title: 'New', kind: 'story', rank: 'b', estimate: null, objectiveId: null, requestedBy: null, scoring }),
      ]);
      expect(index.itemRow(unscored)).toMatchObject({ title: 'Old', scoring: null });
      expect(index.itemRow(scoredItem)).toMatchObject({ scoring });
      // An estimate that changes only the inputs keeps the estimate (v2 carries null) and updates the score.
      index.apply([event('item.estimated', { itemId: scoredItem, backlogId, estimate: null, previousEstimate: null, scoring: { ...scoring, inputs: { value: 9, effort: 3 }, score: 3 } })]);
      expect(index.itemRow(scoredItem)).toMatchObject({ estimate: null, scoring: { score: 3 } });
      expect(index.rankedBetween(backlogId, 1, 2)).toEqual([
        { itemId: unscored, scoring: null },
        { itemId: scoredItem, scoring: { model: 'value-effort', inputs: { value: 9, effort: 3 }, score: 3 } },
      ]);
      expect(index.rankedBetween(backlogId, 2, 1)).toEqual([]);
    } finally {
      index.close();
    }
    // Opened again at the current version: kept as it is.
    const again = new SqliteLedgerIndex(file);
    try {
      expect(again.resetFromVersion).toBeNull();
      expect(again.checkpoint()).toBe(position);
    } finally {
      again.close();
    }
  });

  it('the forum index gains the kill-criteria columns and the outcomes table; criteria with a threshold are checked', () => {
    const file = join(dir, 'forum-index.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
      INSERT INTO checkpoint (id, position) VALUES (1, 0);
      CREATE TABLE forum_items (item_id TEXT PRIMARY KEY, backlog_id TEXT NOT NULL, status TEXT NOT NULL, review_by TEXT);`);
    const backlogId = randomUUID();
    const oldItem = randomUUID();
    old.prepare(`INSERT INTO forum_items VALUES (?, ?, 'open', '2025-06-01')`).run(oldItem, backlogId);
    old.close();

    const index = new ForumIndex(file);
    try {
      expect(index.reviewDue([backlogId], '2026-01-01').map((r) => r.itemId)).toEqual([oldItem]);
      expect(index.criteriaToCheck()).toEqual([]);
      const itemId = randomUUID();
      const objectiveId = randomUUID();
      const before = event('item.outcome-recorded', { itemId, backlogId, objectiveId, observedValue: '1 %', moved: false }); // before the criteria
      const added = event('item.added', { itemId, backlogId });
      const criteria = event('item.kill-criteria-set', { itemId, backlogId, exitCondition: 'Below 2 % by March', reviewBy: '2026-03-01', threshold: { objectiveId, operator: '<', value: 2 } });
      const after = event('item.outcome-recorded', { itemId, backlogId, objectiveId, observedValue: '1.5 %', moved: false });
      index.apply([before, added, criteria, after]);
      expect(index.criteriaToCheck()).toEqual([
        { itemId, backlogId, criteriaEventId: criteria.id, exitCondition: 'Below 2 % by March', reviewBy: '2026-03-01', threshold: { objectiveId, operator: '<', value: 2 } },
      ]);
      expect(index.outcomesAfterCriteria(itemId).map((o) => o.observedValue)).toEqual(['1.5 %']);
      index.settleCriteria(itemId, criteria.id);
      expect(index.criteriaToCheck()).toEqual([]);
      // New criteria without a threshold stop the checking; the item leaving the ranking too.
      index.apply([event('item.kill-criteria-set', { itemId, backlogId, exitCondition: 'Reviewed by hand', reviewBy: '2026-04-01', threshold: null })]);
      expect(index.criteriaToCheck()).toEqual([]);
    } finally {
      index.close();
    }
  });
});
