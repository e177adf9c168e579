import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { loadConfig } from '../config/config';
import { JsonLogger } from '../shared/json-logger';
import { TEST_SECRET } from '../../../../test/support/ledger';
import { generateDemo } from './demo-generator';
import { openImporter } from './importer';

const OPTIONS = { backlogs: 2, months: 12, seed: 7, end: '2025-12-01' };

describe('demo history', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    const a = generateDemo(OPTIONS);
    const b = generateDemo(OPTIONS);
    expect(b.lines).toEqual(a.lines);
    expect(b.summary).toEqual(a.summary);
    expect(generateDemo({ ...OPTIONS, seed: 8 }).lines).not.toEqual(a.lines);
    // Chronological, every line with a stable id.
    const parsed = a.lines.map((l) => JSON.parse(l));
    for (let i = 1; i < parsed.length; i++) expect(parsed[i].at >= parsed[i - 1].at).toBe(true);
    expect(new Set(parsed.map((l) => l.id)).size).toBe(parsed.length);
    expect(parsed[parsed.length - 1].at < '2025-12-01').toBe(true);
  });

  describe('imported', () => {
    let dir: string;
    let events: RecordedEvent[];
    const demo = generateDemo(OPTIONS);

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ledger-demo-'));
      const config = loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' });
      const file = join(dir, 'demo.ndjson');
      writeFileSync(file, demo.lines.join('\n') + '\n');
      const { importer, close } = await openImporter(config, { logger: new JsonLogger('silent') });
      try {
        const report = await importer.importFile(file);
        expect(report.rejectedLines).toEqual([]);
        expect(report.written).toBe(demo.lines.length);
        const again = await importer.importFile(file);
        expect(again).toMatchObject({ written: 0, skipped: demo.lines.length, rejected: 0 });
        expect(again.headAfter).toBe(report.headAfter);
      } finally {
        await close();
      }
      const store = SqliteEventStore.open({ file: (config.eventStore as { file: string }).file });
      events = await store.readAll({ limit: 1_000_000 });
      await store.close();
    }, 180_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const ofType = (type: string, where: (d: Record<string, unknown>) => boolean = () => true) =>
      events.filter((e) => e.type === type && where(e.data));

    it('imports with zero refused lines, every event marked imported with its original time', () => {
      expect(events.length).toBeGreaterThanOrEqual(demo.lines.length);
      expect(events.every((e) => e.metadata.imported === true && typeof e.metadata.occurredAt === 'string')).toBe(true);
    });

    it('spans at least 12 months', () => {
      const times = events.map((e) => String(e.metadata.occurredAt)).sort();
      const days = (Date.parse(times[times.length - 1]) - Date.parse(times[0])) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(360);
      expect(new Set(times.map((t) => t.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
    });

    it('has two backlogs with goals, objectives (one retired), policy and velocities every two weeks', () => {
      expect(ofType('backlog.created')).toHaveLength(2);
      expect(ofType('backlog.product-goal-changed')).toHaveLength(2);
      expect(ofType('backlog.objective-retired')).toHaveLength(2);
      expect(ofType('backlog.objective-added')).toHaveLength(8);
      expect(ofType('backlog.policy-changed').length).toBeGreaterThanOrEqual(1);
      expect(ofType('backlog.sprint-velocity-recorded').length).toBeGreaterThanOrEqual(2 * 24);
    });

    it('has kills, revivals (decided and by overturned escalations), and anti-backlog entries', () => {
      expect(ofType('item.killed').length).toBeGreaterThanOrEqual(5);
      expect(ofType('item.revived', (d) => d.trigger === 'decision').length).toBeGreaterThanOrEqual(1);
      expect(ofType('item.revived', (d) => d.trigger === 'escalation').length).toBeGreaterThanOrEqual(1);
      expect(ofType('item.moved-to-anti-backlog').length).toBeGreaterThanOrEqual(5);
    });

    it('has stakeholders whose escalations are overturned and upheld, each with its own record', () => {
      const escalated = ofType('item.escalated');
      expect(escalated.length).toBeGreaterThanOrEqual(10);
      expect(new Set(escalated.map((e) => e.metadata.actor.id)).size).toBeGreaterThanOrEqual(3);
      expect(escalated.every((e) => e.metadata.actor.role === 'stakeholder')).toBe(true);
      expect(ofType('item.escalation-resolved', (d) => d.outcome === 'overturned').length).toBeGreaterThanOrEqual(3);
      expect(ofType('item.escalation-resolved', (d) => d.outcome === 'upheld').length).toBeGreaterThanOrEqual(3);
      expect(ofType('item.reprioritized', (d) => d.trigger === 'escalation').length).toBeGreaterThanOrEqual(1);
    });

    it('has flip-flops, zombies (initiatives never progressed, deferred repeatedly) and outcomes moved and flat', () => {
      // Flip-flops: moved up, then within days moved back down at least half-way (DOMAIN.md reversal rule 3).
      const moves = ofType('item.reprioritized');
      const flips = moves.filter((d1) => {
        const from = Number(d1.data.fromPosition);
        const to = Number(d1.data.toPosition);
        const d2 = moves.find((m) => m.streamId === d1.streamId && m.position > d1.position);
        if (!d2 || to >= from) return false;
        const days = (Date.parse(d2.metadata.occurredAt as string) - Date.parse(d1.metadata.occurredAt as string)) / 86_400_000;
        return days <= 7 && Number(d2.data.toPosition) >= to + (from - to) / 2;
      });
      expect(flips.length).toBeGreaterThanOrEqual(5);
      // Zombies by DOMAIN.md at the end of the history: open, at least 90 days old, no progress event in the
      // last 60 days (reprioritizations and escalations are not progress) — among them the planted initiatives.
      const progress = new Set(['item.started', 'item.delivered', 'item.outcome-recorded', 'item.estimated', 'item.linked-to-objective', 'item.kill-criteria-set']);
      const leaving = new Set(['item.killed', 'item.delivered', 'item.moved-to-anti-backlog']);
      const byItem = new Map<string, RecordedEvent[]>();
      for (const e of events) if (e.type.startsWith('item.')) byItem.set(e.streamId, [...(byItem.get(e.streamId) ?? []), e]);
      const at = (e: RecordedEvent) => Date.parse(e.metadata.occurredAt as string);
      const end = Date.parse(`${OPTIONS.end}T00:00:00Z`);
      const DAY = 86_400_000;
      const zombies = [...byItem.values()].filter((stream) => {
        let open = false;
        for (const e of stream) open = e.type === 'item.added' || e.type === 'item.revived' ? true : leaving.has(e.type) ? false : open;
        const lastProgress = Math.max(at(stream[0]), ...stream.filter((e) => progress.has(e.type)).map(at));
        return open && stream[0].data.kind === 'initiative' && end - at(stream[0]) >= 90 * DAY && end - lastProgress >= 60 * DAY;
      });
      expect(zombies.length).toBeGreaterThanOrEqual(6);
      const deferrals = zombies.map((z) => z.filter((e) => e.type === 'item.reprioritized' && Number(e.data.toPosition) > Number(e.data.fromPosition)).length);
      expect(Math.max(...deferrals)).toBeGreaterThanOrEqual(3);
      expect(ofType('item.outcome-recorded', (d) => d.moved === true).length).toBeGreaterThanOrEqual(3);
      expect(ofType('item.outcome-recorded', (d) => d.moved === false).length).toBeGreaterThanOrEqual(3);
      expect(ofType('item.started').length).toBeGreaterThan(ofType('item.delivered').length - 1);
    });

    it('scores with RICE: owners score what they add, requests are scored at their first estimate, and moves for stakeholders go against the score more often than routine ones', () => {
      expect(ofType('backlog.created').map((e) => (e.data.policy as { scoringModel: string }).scoringModel)).toEqual(['rice', 'rice']);
      const added = ofType('item.added');
      const scored = (e: RecordedEvent) => (e.data.scoring as { score: number | null } | undefined)?.score != null;
      expect(added.filter((e) => !e.data.requestedBy).every(scored)).toBe(true);
      const requests = added.filter((e) => e.data.requestedBy && !scored(e)).map((e) => e.streamId);
      expect(requests.length).toBeGreaterThan(10);
      const firstEstimate = (id: string) => events.find((e) => e.streamId === id && e.type === 'item.estimated');
      const estimatedRequests = requests.map(firstEstimate).filter((e): e is RecordedEvent => e !== undefined);
      expect(estimatedRequests.length).toBeGreaterThan(5);
      expect(estimatedRequests.every(scored)).toBe(true);
      // Share of judged upward moves that passed over a clearly higher score, by trigger.
      const againstShare = (trigger: string) => {
        const ups = ofType('item.reprioritized', (d) => d.trigger === trigger && Number(d.toPosition) < Number(d.fromPosition) && d.scoreCheck != null);
        return ups.filter((e) => (e.data.scoreCheck as { count: number }).count > 0).length / ups.length;
      };
      expect(againstShare('stakeholder-request')).toBeGreaterThan(againstShare('routine'));
    });
  });
});
