import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExposition, sampleValue } from '../../../../test/support/prometheus';
import { ImportMetricsFile } from './import-metrics-file';

describe('ImportMetricsFile while a bulk import waits for the read model and analytics (ADR 0027)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-import-metrics-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const read = (path: string) => {
    const samples = parseExposition(readFileSync(path, 'utf8'));
    return (name: string) => sampleValue(samples, name, { source: 'history.ndjson' });
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('reports the events still to project, keeps the last-update time moving, and ends at 0 behind', async () => {
    const path = join(dir, 'import.prom');
    const metrics = new ImportMetricsFile(path, '/data/history.ndjson', 0);
    metrics.progress({ processed: 10, total: 10, written: 10, skipped: 0, rejected: 0, events: 11, elapsedMs: 5 });
    await settle();
    const afterLines = read(path)('ledger_import_last_update_timestamp_seconds')!;
    expect(read(path)('ledger_import_catch_up_events_behind')).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 30));
    // The slower of the two counts: analytics at 4 of 11.
    metrics.catchUp({ head: 11, readModel: 9, analytics: 4, elapsedMs: 500 });
    await settle();
    let v = read(path);
    expect(v('ledger_import_catch_up_events_behind')).toBe(7);
    expect(v('ledger_import_running')).toBe(1);
    expect(v('ledger_import_last_update_timestamp_seconds')).toBeGreaterThan(afterLines);
    expect(v('ledger_import_lines_processed')).toBe(10);

    // Analytics projected elsewhere (LEDGER_PROJECTOR=external): the read model alone.
    metrics.catchUp({ head: 11, readModel: 8, analytics: null, elapsedMs: 1000 });
    await settle();
    expect(read(path)('ledger_import_catch_up_events_behind')).toBe(3);

    await metrics.finish({ processed: 10, total: 10, written: 10, skipped: 0, rejected: 0, events: 11, elapsedMs: 5 } as never);
    v = read(path);
    expect(v('ledger_import_catch_up_events_behind')).toBe(0);
    expect(v('ledger_import_running')).toBe(0);
  });
});
