import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SECRET } from '../../../../test/support/ledger';
import { parseExposition, sampleValue } from '../../../../test/support/prometheus';
import { importCommand, type CliIo } from './import.cli';
import { demoCommand } from './demo.cli';

const R = 'Because the data from the last quarter says so.';

describe('ledger import / demo commands', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  let io: CliIo;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
    out = [];
    err = [];
    io = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      isTty: false,
      env: { LEDGER_DATA_DIR: dir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' },
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (lines: object[] | string[]) => {
    const path = join(dir, 'history.ndjson');
    writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
    return path;
  };
  const lines = [
    { at: '2025-01-06T09:00:00Z', actor: { id: 'lena', role: 'product-leader' }, decision: 'backlog.create', backlog: 'b', name: 'Checkout', productGoal: 'Returning customers pay in one tap' },
    { at: '2025-01-06T10:00:00Z', actor: { id: 'olga', role: 'product-owner' }, decision: 'item.add', backlog: 'b', item: 'A', title: 'Apple Pay', kind: 'story', rationale: R },
    { at: '2025-01-07T10:00:00Z', actor: { id: 'olga', role: 'product-owner' }, decision: 'item.kill', item: 'A', reason: 'Nobody asked for it again.' },
  ];

  it('exits 2 on bad usage, saying what is wrong', async () => {
    expect(await importCommand([], io)).toBe(2);
    expect(err.join('\n')).toContain('which file?');
    expect(await importCommand(['--frobnicate', 'x'], io)).toBe(2);
    expect(await importCommand([join(dir, 'missing.ndjson')], io)).toBe(2);
    expect(err.join('\n')).toContain('no such file');
    expect(await demoCommand(['--months', 'many'], io)).toBe(2);
    expect(await demoCommand(['--end', '2999-01-01'], io)).toBe(2);
  });

  it('exits 0 when every line is imported, and 0 again (all skipped) on a re-run', async () => {
    const path = file(lines);
    expect(await importCommand([path], io)).toBe(0);
    expect(out.join('\n')).toMatch(/written\s+3 decisions/);
    out = [];
    expect(await importCommand([path], io)).toBe(0);
    expect(out.join('\n')).toMatch(/written\s+0 decisions/);
    expect(out.join('\n')).toMatch(/skipped\s+3 already imported/);
  });

  it('--metrics-file: progress for node_exporter\'s textfile collector, and the final state when done', async () => {
    const path = file([...lines, { ...lines[1], item: 'B', title: 'Google Pay', decision: 'item.frobnicate' }]);
    const prom = join(dir, 'ledger_import.prom');
    expect(await importCommand([path, '--metrics-file', prom], io)).toBe(1);
    const s = parseExposition(readFileSync(prom, 'utf8'));
    const v = (name: string) => sampleValue(s, name, { source: 'history.ndjson' });
    expect({
      running: v('ledger_import_running'),
      total: v('ledger_import_lines_total'),
      processed: v('ledger_import_lines_processed'),
      written: v('ledger_import_decisions_written'),
      skipped: v('ledger_import_lines_skipped'),
      rejected: v('ledger_import_lines_rejected'),
      events: v('ledger_import_events_written'),
    }).toEqual({ running: 0, total: 4, processed: 4, written: 3, skipped: 0, rejected: 1, events: 3 });
    const started = v('ledger_import_started_timestamp_seconds')!;
    expect(started).toBeGreaterThan(Date.now() / 1000 - 120);
    expect(v('ledger_import_finished_timestamp_seconds')).toBeGreaterThanOrEqual(started);
    expect(v('ledger_import_last_update_timestamp_seconds')).toBeGreaterThanOrEqual(v('ledger_import_finished_timestamp_seconds')!);
    expect(existsSync(`${prom}.${process.pid}.tmp`)).toBe(false);
    expect(await importCommand([path, '--metrics-file'], io)).toBe(2);
    expect(await importCommand([path, '--metrics-file', join(dir, 'nope', 'x.prom')], io)).toBe(2);
    expect(err.join('\n')).toContain('--metrics-file: no directory');
    expect(await importCommand([path, '--metrics-file', dir], io)).toBe(2);
    expect(err.join('\n')).toContain('exists and is not a regular file');
  });

  it('exits 1 when lines are refused, listing them with what to do next', async () => {
    const path = file([...lines.map((l) => JSON.stringify(l)), '{oops', JSON.stringify({ ...lines[2], at: '2025-01-08T10:00:00Z' })]);
    expect(await importCommand([path], io)).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('line 4: IMPORT.INVALID_JSON');
    expect(text).toContain('line 5: ITEM.ALREADY_KILLED: The item is killed.');
    expect(text).toContain('run the same command again');
    expect(err.join('\n')).toContain('line 5: ITEM.ALREADY_KILLED'); // reported as it happens too
    out = [];
    expect(await importCommand([path, '--stop-on-error'], io)).toBe(1);
    expect(out.join('\n')).toContain('Stopped at line 4 (--stop-on-error); 1 later lines were not attempted.');
  });

  it('demo writes its file and imports it; --no-import only writes', async () => {
    const target = join(dir, 'demo.ndjson');
    expect(await demoCommand(['--backlogs', '1', '--months', '2', '--seed', '5', '--end', '2025-06-01', '--out', target, '--no-import'], io)).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(existsSync(join(dir, 'events.sqlite'))).toBe(false);
    out = [];
    expect(await demoCommand(['--backlogs', '1', '--months', '2', '--seed', '5', '--end', '2025-06-01'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/rejected\s+0/);
    expect(text).toMatch(/\/analytics\/zombies/);
    expect(existsSync(join(dir, 'demo-5-1x2.ndjson'))).toBe(true);
  });
});
