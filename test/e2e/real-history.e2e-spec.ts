import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { importJiraCommand, importXesCommand } from '../../apps/api/src/cli/import-tracker.cli';
import type { CliIo } from '../../apps/api/src/cli/import.cli';
import { startLedger, TEST_SECRET, type Ledger } from '../support/ledger';
import { sharedData } from '../support/shared-data';

/*
 * Real histories from ../shared/data (issue 12, scope 7), imported through the CLI and checked over HTTP the way a
 * person checks them by hand. The data is read in place, never copied; it carries real names, so nothing of it is
 * printed (the CLI output is kept in memory and only searched).
 */

const DAY = 86_400_000;

function cli(dataDir: string): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' } },
  };
}

async function eventsOf(ledger: Ledger): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open({ file: (ledger.config.eventStore as { file: string }).file });
  try {
    return await store.readAll({ limit: 1_000_000 });
  } finally {
    await store.close();
  }
}

describe('real history: jirametrics (twelve Jira Cloud responses, the site\'s statuses)', () => {
  const folder = sharedData('jira-jirametrics');
  let dir: string;
  let ledger: Ledger;
  let events: RecordedEvent[];
  let token: string;
  let backlogId: string;
  const itemOf = (key: string) => {
    const added = events.find((e) => e.type === 'item.added' && e.data.rationale === `Jira ${key}: issue created (Story)`);
    if (!added) throw new Error(`no item for ${key}`);
    return String(added.data.itemId);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-real-jira-'));
    const run = cli(dir);
    expect(await importJiraCommand([folder], run.io)).toBe(0);
    const text = run.out.join('\n');
    expect(text).toMatch(/rejected\s+0/);
    expect(text).not.toContain('Issues not imported');
    // A second run writes nothing.
    const again = cli(dir);
    expect(await importJiraCommand([folder], again.io)).toBe(0);
    expect(again.out.join('\n')).toMatch(/written\s+0 decisions/);
    ledger = await startLedger({ dataDir: dir });
    events = await eventsOf(ledger);
    token = await ledger.token('auditor');
    backlogId = String(events.find((e) => e.type === 'backlog.created')!.data.backlogId);
  }, 300_000);
  afterAll(async () => {
    await ledger?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every issue becomes an item (SP-1 and SP-2 are in two files each: one item each), nothing refused', () => {
    const keys = new Set(
      readdirSync(folder)
        .filter((f) => /SP-\d+\.json$/.test(f))
        .map((f) => /(SP-\d+)\.json$/.exec(f)![1]),
    );
    expect(keys.size).toBe(10);
    const items = events.filter((e) => e.type === 'item.added');
    expect(items).toHaveLength(keys.size);
    for (const key of keys) expect(itemOf(key)).toMatch(/^[0-9a-f-]{36}$/);
    expect(events.every((e) => e.metadata.imported === true && e.metadata.statedWhy === false)).toBe(true);
  });

  it("SP-10's priority raised (Medium → Highest) and lowered again a week later is a reversal", async () => {
    const sp10 = itemOf('SP-10');
    const r = await ledger.request('GET', `/backlogs/${backlogId}/analytics/reversals?at=2022-06-01T00:00:00Z&from=2021-06-01T00:00:00Z&to=2022-06-01T00:00:00Z`, { token });
    expect(r.status).toBe(200);
    const reversal = r.body.reversals.find((x: { itemId: string }) => x.itemId === sp10);
    expect(reversal).toMatchObject({
      rule: 'reprioritization-back',
      title: 'Check in people at an event',
      d1: { at: '2021-08-29T18:06:43.066Z', fromPosition: 3, toPosition: 1, scale: 'priority', statedWhy: false },
      d2: { at: '2021-09-06T04:33:50.036Z', fromPosition: 1, toPosition: 3, scale: 'priority', statedWhy: false },
    });
    expect(reversal.days).toBeLessThan(8);
    // "Ranked higher" moves are direction-only: never a reversal.
    expect(r.body.reversals.filter((x: { d2: { scale: string } }) => x.d2.scale === 'rank')).toEqual([]);
    expect(r.body.withoutStatedWhy.reversingDecisions).toBe(r.body.reversingDecisions);
  });

  it("SP-5's resolution set and cleared shows per the mapping: delivered, reopened (not revived), started, delivered again", async () => {
    const h = await ledger.request('GET', `/items/${itemOf('SP-5')}/history`, { token });
    expect(h.status).toBe(200);
    const entries = h.body.entries as Array<{ type: string; occurredAt: string; rationale: string; imported: boolean; statedWhy: boolean }>;
    expect(entries.map((e) => e.type)).toEqual(['item.added', 'item.started', 'item.delivered', 'item.reopened', 'item.started', 'item.delivered']);
    expect(entries[2]).toMatchObject({ occurredAt: '2021-09-06T04:34:14.358Z', rationale: 'Jira SP-5: resolution Done, status Review → Done' });
    expect(entries[3]).toMatchObject({
      occurredAt: '2021-10-11T12:48:42.419Z',
      rationale: 'Jira SP-5: resolution Done cleared, status Done → Selected for Development',
    });
    expect(entries.every((e) => e.imported && e.statedWhy === false)).toBe(true);
  });
});

/** The WildFly issues unresolved and older than two years at the log's end, straight from the XES text. */
function unresolvedOldIssues(xes: string): { keys: string[]; end: number } {
  const traces = xes.split('<trace>').slice(1);
  const parsed = traces.map((t) => {
    const key = /<string key="concept:name" value="([^"]+)"\/>/.exec(t)![1];
    const events = [...t.matchAll(/<event>([\s\S]*?)<\/event>/g)].map((m) => ({
      at: Date.parse(/key="time:timestamp" value="([^"]+)"/.exec(m[1])![1].replace(/([+-]\d{2})(\d{2})$/, '$1:$2')),
      activity: /<string key="concept:name" value="([^"]+)"\/>/.exec(m[1])![1],
    }));
    return { key, events };
  });
  const end = Math.max(...parsed.flatMap((p) => p.events.map((e) => e.at)));
  const keys = parsed
    .filter((p) => {
      const last = [...p.events].reverse().find((e) => ['Resolved', 'Closed', 'Reopened'].includes(e.activity));
      const resolved = last !== undefined && last.activity !== 'Reopened';
      return !resolved && end - p.events[0].at > 2 * 365 * DAY;
    })
    .map((p) => p.key);
  return { keys, end };
}

describe('real history: WildFly feature requests (XES, 1,000 issues)', () => {
  const file = join(sharedData('jira-wildfly'), 'wildfly-feature-requests-process.xes');
  let dir: string;
  let ledger: Ledger;
  let events: RecordedEvent[];
  let token: string;
  let backlogId: string;
  let out: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-real-xes-'));
    const run = cli(dir);
    expect(await importXesCommand([file, '--pseudonymise'], run.io)).toBe(0);
    out = run.out.join('\n');
    ledger = await startLedger({ dataDir: dir });
    events = await eventsOf(ledger);
    token = await ledger.token('auditor');
    backlogId = String(events.find((e) => e.type === 'backlog.created')!.data.backlogId);
  }, 600_000);
  afterAll(async () => {
    await ledger?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every issue becomes an item and nothing is refused', () => {
    expect(out).toMatch(/Converted 1,000 issues/);
    expect(out).toMatch(/rejected\s+0/);
    expect(events.filter((e) => e.type === 'item.added')).toHaveLength(1000);
  });

  it('the issues still unresolved and older than two years at the log\'s end are zombies there', async () => {
    const { keys, end } = unresolvedOldIssues(readFileSync(file, 'utf8'));
    expect(keys).toHaveLength(139); // as the data's README counts them
    const r = await ledger.request('GET', `/backlogs/${backlogId}/analytics/zombies?at=${new Date(end).toISOString()}`, { token });
    expect(r.status).toBe(200);
    const zombieTitles = new Set((r.body.zombies as Array<{ title: string }>).map((z) => z.title));
    expect(keys.filter((k) => !zombieTitles.has(k))).toEqual([]);
    expect(r.body.count).toBeGreaterThanOrEqual(139);
  });

  it('names no one: every actor is a pseudonym', () => {
    const actors = new Set(events.map((e) => e.metadata.actor.id));
    for (const a of actors) expect(a).toMatch(/^(person-[0-9a-f]{10}|xes-import|unknown-author)$/); // events without org:resource: no one to name
    const xes = readFileSync(file, 'utf8');
    const someone = /key="org:resource" value="([^"]+)"/.exec(xes)![1];
    expect(JSON.stringify(events)).not.toContain(someone);
  });
});
