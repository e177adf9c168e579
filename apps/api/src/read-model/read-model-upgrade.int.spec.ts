import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@ledger/kernel';
import { ForumIndex } from '../forums/forum-index';
import { SqliteLedgerIndex } from './sqlite-ledger-index';

/**
 * Read models written before decision quality (ADRs 0033, 0034) open with the new columns added, keep their rows,
 * and project new events into them.
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

  it('the ranked view gains its scoring column; old rows have none, new decisions fill it; a move sees the items it passes', () => {
    const file = join(dir, 'read-model.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE items (
      item_id TEXT PRIMARY KEY, backlog_id TEXT NOT NULL, status TEXT NOT NULL, ranked INTEGER NOT NULL,
      rank TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, estimate REAL, objective_id TEXT,
      requested_by TEXT, added_at TEXT NOT NULL, revision INTEGER NOT NULL, last_position INTEGER NOT NULL)`);
    const backlogId = randomUUID();
    const oldItem = randomUUID();
    old.prepare(`INSERT INTO items VALUES (?, ?, 'open', 1, 'a', 'Old', 'story', NULL, NULL, NULL, '2025-01-01T00:00:00.000Z', 0, 0)`).run(oldItem, backlogId);
    old.close();

    const index = new SqliteLedgerIndex(file);
    try {
      expect(index.itemRow(oldItem)).toMatchObject({ title: 'Old', scoring: null });
      const newItem = randomUUID();
      const scoring = { model: 'value-effort', inputs: { value: 8, effort: 2 }, score: 4 };
      index.apply([
        event('item.added', { itemId: newItem, backlogId, title: 'New', kind: 'story', rank: 'b', estimate: null, objectiveId: null, requestedBy: null, scoring }),
      ]);
      expect(index.itemRow(newItem)).toMatchObject({ scoring });
      // An estimate that changes only the inputs keeps the estimate (v2 carries null) and updates the score.
      index.apply([event('item.estimated', { itemId: newItem, backlogId, estimate: null, previousEstimate: null, scoring: { ...scoring, inputs: { value: 9, effort: 3 }, score: 3 } })]);
      expect(index.itemRow(newItem)).toMatchObject({ estimate: null, scoring: { score: 3 } });
      expect(index.rankedBetween(backlogId, 1, 2)).toEqual([
        { itemId: oldItem, scoring: null },
        { itemId: newItem, scoring: { model: 'value-effort', inputs: { value: 9, effort: 3 }, score: 3 } },
      ]);
      expect(index.rankedBetween(backlogId, 2, 1)).toEqual([]);
    } finally {
      index.close();
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
