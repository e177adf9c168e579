import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { loadConfig, type AppConfig } from '../config/config';
import { JsonLogger } from '../shared/json-logger';
import { startLedger, TEST_SECRET } from '../../../../test/support/ledger';
import { openImporter, type ImportReport } from './importer';
import { docExample, fullHistory } from './testing/histories';

const R = 'Because the data from the last quarter says so.';
const PO = { id: 'olga', role: 'product-owner' };
const SAM = { id: 'sam', role: 'stakeholder' };

describe('import: NDJSON decisions through the command handlers', () => {
  let dir: string;
  let config: AppConfig;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-import-'));
    config = loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function importLines(lines: string[], options: { stopOnError?: boolean; file?: string } = {}): Promise<ImportReport> {
    const file = join(dir, options.file ?? 'history.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const { importer, close } = await openImporter(config, { logger: new JsonLogger('silent') });
    try {
      return await importer.importFile(file, { stopOnError: options.stopOnError });
    } finally {
      await close();
    }
  }

  async function storedEvents(): Promise<RecordedEvent[]> {
    const store = SqliteEventStore.open({ file: (config.eventStore as { file: string }).file });
    try {
      return await store.readAll({ limit: 100_000 });
    } finally {
      await store.close();
    }
  }

  it('imports every decision the API takes, marked imported, at the time of each line; HTTP shows ranking and history', async () => {
    const lines = fullHistory();
    const report = await importLines(lines);
    expect(report.rejectedLines).toEqual([]);
    expect(report).toMatchObject({ processed: lines.length, total: lines.length, written: lines.length, skipped: 0, rejected: 0 });
    const decisions = new Set(lines.map((l) => JSON.parse(l).decision));
    expect(decisions.size).toBe(19);

    const events = await storedEvents();
    expect(events).toHaveLength(report.events);
    // One event per line, two for the overturn (the resolution and the change it causes).
    expect(report.events).toBe(lines.length + 1);
    for (const e of events) {
      expect(e.metadata.imported).toBe(true);
      const [file, lineNo] = String(e.metadata.importedFrom).split(':');
      expect(file).toBe('history.ndjson');
      expect(e.metadata.occurredAt).toBe(new Date(JSON.parse(lines[Number(lineNo) - 1]).at).toISOString());
      expect(e.recordedAt > String(e.metadata.occurredAt)).toBe(true); // recorded now, occurred in 2025
    }

    const ledger = await startLedger({ dataDir: dir, keepData: true });
    try {
      const token = await ledger.token('auditor', 'aud');
      const backlogId = report.ids.backlog.checkout;
      const ranking = await ledger.request('GET', `/backlogs/${backlogId}/items`, { token });
      expect(ranking.status).toBe(200);
      // PAY-1 delivered, PAY-4 in the anti-backlog; PAY-2 back on top by the overturn, PayPal placed before PAY-1 (then 2nd).
      expect(ranking.body.items.map((i: { title: string }) => i.title)).toEqual(['Invoice payment', 'PayPal']);

      // The ranking as it stood between the contested move (Jan 7) and its overturn (Jan 9).
      const asOf = await ledger.request('GET', `/backlogs/${backlogId}/items?at=2025-01-08T00:00:00Z`, { token });
      expect(asOf.body.items.map((i: { title: string }) => i.title)).toEqual(['Apple Pay', 'Invoice payment']);

      const pay2 = report.ids.item['PAY-2'];
      const history = await ledger.request('GET', `/items/${pay2}/history`, { token });
      expect(history.body.entries.map((e: { decision: string }) => e.decision)).toEqual([
        'added',
        'reprioritized',
        'escalated',
        'escalation-resolved',
        'reprioritized',
      ]);
      const [added, moved, escalated, resolved, change] = history.body.entries;
      expect(added).toMatchObject({ occurredAt: '2025-01-06T10:00:00.000Z', actor: { id: 'sam', role: 'stakeholder' } });
      expect(moved).toMatchObject({ occurredAt: '2025-01-07T11:00:00.000Z', fromPosition: 1, toPosition: 2, actor: { id: 'olga' } });
      expect(escalated.data.againstEventId).toBe(moved.eventId);
      expect(resolved.data.outcome).toBe('overturned');
      expect(change).toMatchObject({ trigger: 'escalation', fromPosition: 2, toPosition: 1, occurredAt: '2025-01-09T16:00:00.000Z' });
      expect(change.chain.map((c: { decision: string }) => c.decision)).toEqual(['reprioritized', 'escalated', 'escalation-resolved', 'reprioritized']);

      const goal = await ledger.request('GET', `/backlogs/${backlogId}`, { token });
      expect(goal.body).toMatchObject({ productGoal: 'Every customer pays on the first attempt', policy: { zombieAfterDays: 120 } });
    } finally {
      await ledger.close();
    }
  });

  it('re-running the same file writes nothing: every line skipped, the store head does not move', async () => {
    const lines = fullHistory();
    const first = await importLines(lines);
    expect(first.written).toBe(lines.length);
    const again = await importLines(lines);
    expect(again).toMatchObject({ written: 0, skipped: lines.length, rejected: 0, events: 0 });
    expect(again.headAfter).toBe(again.headBefore);
    expect(again.headAfter).toBe(first.headAfter);
    expect(again.ids).toEqual(first.ids);
  });

  it('a bad line in the middle is reported with its number and code; nothing of it is written; the other lines are', async () => {
    const lines = fullHistory();
    const kill = lines.findIndex((l) => l.includes('"kill-pay-4"'));
    // A second kill of the same item, right after the first: the decider refuses it.
    const bad = lines.slice();
    bad.splice(kill + 1, 0, lines[kill].replace('"kill-pay-4"', '"kill-again"').replace('six weeks', 'seven weeks'));
    bad.splice(3, 0, '{"at": "2025-01-06T10:01:00Z", "actor": {"id": "olga"'); // truncated JSON
    const report = await importLines(bad);
    expect(report.rejectedLines).toEqual([
      { line: 4, code: 'IMPORT.INVALID_JSON', message: expect.any(String) },
      { line: kill + 3, code: 'ITEM.ALREADY_KILLED', message: 'The item is killed.' },
    ]);
    expect(report).toMatchObject({ written: lines.length, rejected: 2 });
    const events = await storedEvents();
    const from = new Set(events.map((e) => e.metadata.importedFrom));
    expect(from.has('history.ndjson:4')).toBe(false);
    expect(from.has(`history.ndjson:${kill + 3}`)).toBe(false);
    expect(events).toHaveLength(lines.length + 1);

    // Fixed file, run again: only what was missing is written (nothing, here: the bad lines are removed).
    const fixed = await importLines(lines);
    expect(fixed).toMatchObject({ written: 0, skipped: lines.length, rejected: 0 });
  });

  it('--stop-on-error stops at the first refused line; what came before stays imported', async () => {
    const lines = fullHistory();
    const bad = lines.slice();
    bad.splice(5, 0, JSON.stringify({ at: '2025-01-07T12:00:00Z', actor: PO, decision: 'item.kill', item: 'PAY-9', reason: 'No such item in the file.' }));
    const report = await importLines(bad, { stopOnError: true });
    expect(report.stopped).toMatchObject({ reason: 'stop-on-error', line: 6, code: 'IMPORT.UNKNOWN_REF' });
    expect(report).toMatchObject({ processed: 6, written: 5, rejected: 1 });
    expect(await storedEvents()).toHaveLength(5);
  });

  it('refuses a line whose time goes backwards, naming it and the line it is earlier than', async () => {
    const lines = docExample();
    const back = JSON.stringify({
      at: '2025-01-06T09:59:00Z',
      actor: PO,
      decision: 'item.estimate',
      item: 'PAY-1',
      estimate: 3,
      rationale: R,
    });
    lines.splice(5, 0, back); // after c5 (2025-01-07T11:00Z)
    const report = await importLines(lines);
    expect(report.rejectedLines).toHaveLength(1);
    expect(report.rejectedLines[0]).toMatchObject({ line: 6, code: 'IMPORT.OUT_OF_ORDER' });
    expect(report.rejectedLines[0].message).toContain('line 5');
    expect(report.written).toBe(lines.length - 1);
  });

  it('validates fields like the API, names line fields, refuses unknown decisions, roles and refs', async () => {
    const lines = [
      ...docExample(),
      JSON.stringify({ at: '2025-01-10T10:00:00Z', actor: PO, decision: 'item.add', backlog: 'checkout', item: 'X', title: '', kind: 'epic', rationale: R, colour: 'red' }),
      JSON.stringify({ at: '2025-01-10T10:01:00Z', actor: PO, decision: 'item.reprioritise', item: 'PAY-1', toPosition: 1, rationale: R }),
      JSON.stringify({ at: '2025-01-10T10:02:00Z', actor: SAM, decision: 'item.reprioritize', item: 'PAY-1', toPosition: 1, rationale: R }),
      JSON.stringify({ at: '2025-01-10T10:03:00Z', actor: { id: 'a', role: 'auditor' }, decision: 'item.estimate', item: 'PAY-1', estimate: 3, rationale: R }),
      JSON.stringify({ at: '2025-01-10T10:04:00Z', actor: PO, decision: 'item.link-objective', item: 'PAY-1', objective: 'nope', rationale: R }),
      JSON.stringify({ at: '2025-01-10T10:05:00Z', actor: PO, decision: 'item.estimate', item: 'X', estimate: 3, rationale: R }),
      JSON.stringify({ at: '2099-01-01T00:00:00Z', actor: PO, decision: 'item.estimate', item: 'PAY-1', estimate: 3, rationale: R }),
      JSON.stringify({ at: '2025-01-10T10:06', actor: PO, decision: 'item.estimate', item: 'PAY-1', estimate: 3, rationale: R }),
      JSON.stringify({ id: 'c1', at: '2025-01-10T10:07:00Z', actor: PO, decision: 'item.estimate', item: 'PAY-1', estimate: 3, rationale: R }),
      JSON.stringify({ at: '2025-01-10T10:08:00Z', actor: PO, decision: 'item.reprioritize', item: 'PAY-1', toPosition: 9, rationale: R }),
    ];
    const report = await importLines(lines);
    const byLine = Object.fromEntries(report.rejectedLines.map((r) => [r.line, r]));
    expect(Object.keys(byLine).map(Number)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(byLine[8].code).toBe('VALIDATION.FAILED');
    expect(byLine[8].message).toContain('colour: not a field of item.add');
    expect(byLine[8].message).toContain('title:');
    expect(byLine[8].message).toContain('kind:');
    expect(byLine[9].code).toBe('IMPORT.UNKNOWN_DECISION');
    expect(byLine[10].code).toBe('ITEM.STAKEHOLDER_CANNOT_REPRIORITIZE');
    expect(byLine[11].code).toBe('DECISION.NOT_ALLOWED_FOR_ROLE');
    expect(byLine[12]).toMatchObject({ code: 'IMPORT.UNKNOWN_REF' });
    expect(byLine[12].message).toContain('objective "nope"');
    expect(byLine[13].message).toContain('line 8, which was rejected');
    expect(byLine[14].code).toBe('IMPORT.AT_IN_FUTURE');
    expect(byLine[15].code).toBe('IMPORT.INVALID_FIELD'); // no timezone
    expect(byLine[16].code).toBe('IMPORT.DUPLICATE_ID');
    expect(byLine[17].code).toBe('RANK.POSITION_OUT_OF_RANGE');
    expect(report.written).toBe(7);
  });

  it('a later file refers to what an earlier import (or the API) created by its id', async () => {
    const first = await importLines(docExample(), { file: 'january.ndjson' });
    const backlogId = first.ids.backlog.checkout;
    const pay1 = first.ids.item['PAY-1'];
    const second = await importLines(
      [
        JSON.stringify({ id: 'f1', at: '2025-02-01T10:00:00Z', actor: PO, decision: 'item.add', backlog: backlogId, item: 'PAY-9', title: 'Klarna', kind: 'story', after: pay1, rationale: R }),
        JSON.stringify({ id: 'f2', at: '2025-02-01T11:00:00Z', actor: PO, decision: 'item.estimate', item: pay1, estimate: 8, rationale: R }),
        JSON.stringify({ id: 'f3', at: '2025-02-02T10:00:00Z', actor: SAM, decision: 'item.escalate', item: 'PAY-9', escalation: 'e', against: 1, wanted: 'Put it on top please', reason: 'Sales wants Klarna first.' }),
      ],
      { file: 'february.ndjson' },
    );
    expect(second.rejectedLines).toEqual([]);
    expect(second.written).toBe(3);
    const events = await storedEvents();
    expect(events.filter((e) => e.metadata.importedFrom === 'february.ndjson:2')[0]).toMatchObject({ streamId: `item-${pay1}` });
  });
});
