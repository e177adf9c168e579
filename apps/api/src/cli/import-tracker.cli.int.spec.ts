import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { TEST_SECRET } from '../../../../test/support/ledger';
import { dcUser, history, issue, searchPageV2 } from '../import/testing/jira-fixtures';
import { importCommand, type CliIo } from './import.cli';
import { importJiraCommand, importXesCommand } from './import-tracker.cli';

/*
 * `import jira <files>` and `import xes <file>` end to end into a real ledger: bad input is reported naming the
 * file and the issue, and nothing of a bad issue is written; re-running writes nothing; pseudonyms leave no name
 * in the store.
 */
describe('import jira <files> / import xes <file>', () => {
  let dir: string;
  let data: string;
  let out: string[];
  let err: string[];
  let io: CliIo;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-cli-'));
    data = join(dir, 'ledger');
    out = [];
    err = [];
    io = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: { LEDGER_DATA_DIR: data, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' } };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const put = (name: string, body: unknown) => {
    const file = join(dir, name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };
  const events = async (): Promise<RecordedEvent[]> => {
    if (!existsSync(join(data, 'events.sqlite'))) return [];
    const store = SqliteEventStore.open({ file: join(data, 'events.sqlite') });
    try {
      return await store.readAll({ limit: 100_000 });
    } finally {
      await store.close();
    }
  };
  const mentions = (evs: RecordedEvent[], key: string) => evs.filter((e) => JSON.stringify(e.data).includes(key));

  const olga = dcUser('olga.owner', 'Olga Owner');
  const rita = dcUser('rita.reporter', 'Rita Reporter');
  const good = issue({
    key: 'SHOP-1',
    created: '2024-01-02T09:00:00.000-0600',
    reporter: rita,
    summary: 'Pay by invoice (asked by Rita Reporter, rita.reporter@example.com)',
    histories: [
      history(2, '2024-01-04T09:00:00.000-0600', olga, [['status', 'In Progress', 'Done'], ['resolution', null, 'Done']]),
      history(1, '2024-01-03T09:00:00.000-0600', olga, [['status', 'Open', 'In Progress']]),
    ],
  });
  const unknownStatus = issue({
    key: 'SHOP-2',
    created: '2024-01-02T10:00:00.000-0600',
    reporter: rita,
    histories: [history(3, '2024-01-03T10:00:00.000-0600', olga, [['status', 'Open', 'Waiting for Legal']])],
  });
  const backInTime = issue({
    key: 'SHOP-3',
    created: '2024-01-02T11:00:00.000-0600',
    reporter: rita,
    histories: [
      history(4, '2024-01-05T11:00:00.000-0600', olga, [['status', 'Open', 'In Progress']]),
      history(5, '2024-01-03T11:00:00.000-0600', olga, [['status', 'In Progress', 'Done']]),
    ],
  });

  it('bad input: each refused issue and file is named with what to do, nothing of them is written; the rest is imported; a re-run writes nothing', async () => {
    const page = put('export/search-0.json', searchPageV2([good, unknownStatus, backInTime]));
    const cut = put('export/search-50.json', JSON.stringify(searchPageV2([issue({ key: 'SHOP-9', created: '2024-01-02T09:00:00.000Z' })])).slice(0, 200));
    const foreign = put('export/package.json', { name: 'shop', version: '1.0.0' });
    expect(await importJiraCommand([join(dir, 'export')], io)).toBe(1);
    const text = out.join('\n');
    expect(text).toContain(`${page}: SHOP-2: unknown status "Waiting for Legal": say which category it belongs to in the mapping file`);
    expect(text).toContain(`${page}: SHOP-3: its history goes back in time: change 5 at 2024-01-03T17:00:00.000Z is earlier than change 4`);
    expect(text).toMatch(new RegExp(`${cut.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON .*cut off`));
    expect(text).toContain(`${foreign}: is not a Jira response`);
    expect(text).toContain('Issues not imported — nothing of them was written (2)');
    let evs = await events();
    expect(mentions(evs, 'SHOP-1').map((e) => e.type)).toEqual(['item.added', 'item.started', 'item.delivered']);
    for (const key of ['SHOP-2', 'SHOP-3', 'SHOP-9']) expect(mentions(evs, key)).toEqual([]);

    // Mapped and fixed, the same command imports what was missing and nothing twice.
    rmSync(cut);
    rmSync(foreign);
    const mapping = put('mapping.json', { statuses: { 'Waiting for Legal': 'In Progress' } });
    out = [];
    expect(await importJiraCommand([join(dir, 'export'), '--mapping', mapping], io)).toBe(1); // SHOP-3 still goes back in time
    expect(out.join('\n')).toMatch(/written\s+2 decisions/); // SHOP-2's add and start
    expect(out.join('\n')).toMatch(/skipped\s+4 already imported/); // the backlog and SHOP-1's three
    evs = await events();
    expect(mentions(evs, 'SHOP-2').map((e) => e.type)).toEqual(['item.added', 'item.started']);
    const head = evs.length;
    out = [];
    expect(await importJiraCommand([join(dir, 'export'), '--mapping', mapping], io)).toBe(1);
    expect(out.join('\n')).toMatch(/written\s+0 decisions/);
    expect((await events()).length).toBe(head);
  });

  it('--pseudonymise: no name, e-mail or account id in the store, text included; the same pseudonyms on every run', async () => {
    put('export/search-0.json', searchPageV2([good]));
    expect(await importJiraCommand([join(dir, 'export'), '--pseudonymise'], io)).toBe(0);
    const evs = await events();
    const all = JSON.stringify(evs);
    for (const name of ['olga.owner', 'Olga Owner', 'rita.reporter', 'Rita Reporter', '@example.com', 'JIRAUSER']) expect(all).not.toContain(name);
    const added = evs.find((e) => e.type === 'item.added')!;
    expect(added.metadata.actor.id).toMatch(/^person-[0-9a-f]{10}$/);
    expect(added.data.title).toMatch(/^Pay by invoice \(asked by person-[0-9a-f]{10}, person-[0-9a-f]{10}\)$/);
    expect(existsSync(join(data, 'pseudonym-salt'))).toBe(true);
    out = [];
    expect(await importJiraCommand([join(dir, 'export'), '--pseudonymise'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/written\s+0 decisions/);
  });

  it('--out writes the decisions as an NDJSON import file that `import <file>` takes as it is', async () => {
    put('export/one.json', good);
    const file = join(dir, 'converted.ndjson');
    expect(await importJiraCommand([join(dir, 'export'), '--out', file], io)).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.decision)).toEqual(['backlog.create', 'item.add', 'item.start', 'item.deliver']);
    expect(lines.every((l) => l.statedWhy === false)).toBe(true);
    expect(await events()).toEqual([]);
    expect(await importCommand([file], io)).toBe(0);
    expect((await events()).map((e) => e.type)).toEqual(['backlog.created', 'item.added', 'item.started', 'item.delivered']);
  });

  it('a bad mapping file stops before anything is read, saying which name to map where (exit 2)', async () => {
    put('export/one.json', good);
    const mapping = put('mapping.json', { statuses: { 'Waiting for Legal': 'Blocked' } });
    expect(await importJiraCommand([join(dir, 'export'), '--mapping', mapping], io)).toBe(2);
    expect(err.join('\n')).toContain(`import jira: bad mapping: ${mapping}: statuses["Waiting for Legal"] is "Blocked"; it must be one of "To Do", "In Progress", "Done"`);
    expect(await events()).toEqual([]);
  });

  it('usage errors exit 2 and say what is missing', async () => {
    expect(await importJiraCommand([], io)).toBe(2);
    expect(err.join('\n')).toContain('which files?');
    expect(await importJiraCommand([join(dir, 'nothing-here')], io)).toBe(2);
    expect(await importJiraCommand(['--frobnicate'], io)).toBe(2);
    expect(await importXesCommand([], io)).toBe(2);
    expect(await importJiraCommand(['x', '--backlog', ''], io)).toBe(2);
  });

  describe('xes', () => {
    const xes = (traces: string) => `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
${traces}
</log>`;
    const trace = (key: string, events: Array<[activity: string, at: string, who: string]>) =>
      `  <trace>
    <string key="concept:name" value="${key}"/>
${events
  .map(
    ([a, at, who]) => `    <event>
      <string key="org:resource" value="${who}"/>
      <date key="time:timestamp" value="${at}"/>
      <string key="concept:name" value="${a}"/>
      <string key="lifecycle:transition" value="complete"/>
    </event>`,
  )
  .join('\n')}
  </trace>`;

    it('maps activities to decisions; refuses an unknown status and a history back in time per issue, naming both', async () => {
      const file = put(
        'log.xes',
        xes(
          [
            trace('APP-1', [
              ['Open', '2019-01-01T10:00:00.000-0500', 'Ann Owner'],
              ['Pull Request Sent', '2019-01-02T10:00:00.000-0500', 'Ann Owner'],
              ['Resolved', '2019-01-03T10:00:00.000-0500', 'Ann Owner'],
              ['Reopened', '2019-01-04T10:00:00.000-0500', 'Bob Tester'],
              ['Change Field: Fix Version', '2019-01-05T10:00:00.000-0500', 'Ann Owner'],
              ['Change Field: Fix Version', '2019-01-06T10:00:00.000-0500', 'Ann Owner'],
            ]),
            trace('APP-2', [
              ['Open', '2019-01-01T11:00:00.000-0500', 'Ann Owner'],
              ['Awaiting Sign-off', '2019-01-02T11:00:00.000-0500', 'Ann Owner'],
            ]),
            trace('APP-3', [
              ['Open', '2019-01-01T12:00:00.000-0500', 'Ann Owner'],
              ['Resolved', '2018-12-31T12:00:00.000-0500', 'Ann Owner'],
            ]),
          ].join('\n'),
        ),
      );
      expect(await importXesCommand([file], io)).toBe(1);
      const text = out.join('\n');
      expect(text).toContain(`${file}: APP-2: unknown status "Awaiting Sign-off"`);
      expect(text).toContain(`${file}: APP-3: its history goes back in time`);
      const evs = await events();
      expect(mentions(evs, 'APP-1').map((e) => e.type)).toEqual(['item.added', 'item.started', 'item.delivered', 'item.reopened', 'item.reprioritized']);
      expect(mentions(evs, 'APP-2')).toEqual([]);
      expect(mentions(evs, 'APP-3')).toEqual([]);
    });

    it('refuses a file that is not XES, and one cut off, naming the file', async () => {
      const json = put('not.xes', '{"issues": []}');
      expect(await importXesCommand([json], io)).toBe(1);
      expect(err.join('\n')).toContain(`${json}: is not well-formed XML`);
      const html = put('page.xes', '<html><body>hi</body></html>');
      expect(await importXesCommand([html], io)).toBe(1);
      expect(err.join('\n')).toContain(`${html}: is not an XES log: its root element is <html>, not <log>`);
      const full = xes(trace('APP-9', [['Open', '2019-01-01T10:00:00.000-0500', 'Ann Owner']]));
      const cut = put('cut.xes', full.slice(0, full.length - 60));
      expect(await importXesCommand([cut], io)).toBe(1);
      expect(err.join('\n')).toMatch(new RegExp(`${cut.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: is not well-formed XML .*cut off. Nothing in it was imported`));
      expect(await events()).toEqual([]);
    });
  });
});
