import { bar, catchUpText, duration, progressText } from './import.cli';

const at = (processed: number, elapsedMs: number, total: number | null = 1_000_000) => ({
  processed,
  total,
  written: processed,
  skipped: 0,
  rejected: 3,
  events: processed,
  elapsedMs,
});

describe('import progress line', () => {
  it('shows a bar, lines done of all, the rate so far and the time left at that rate', () => {
    expect(progressText(at(250_000, 10_000))).toBe(
      'import [######------------------] 25%  250,000 / 1,000,000 lines  25,000 decisions/s  ETA 0:30  refused: 3',
    );
    expect(progressText(at(1_000_000, 40_000))).toContain('[########################] 100%');
    expect(progressText(at(1_000_000, 40_000))).toContain('ETA 0:00');
  });

  it('says "?" for the time left until there is a rate, and drops bar and ETA when the total is unknown', () => {
    expect(progressText(at(0, 0))).toContain('ETA ?');
    expect(progressText(at(12_345, 1_000, null))).toBe('import: 12,345 lines  12,345 decisions/s  refused: 3');
  });

  it('while the read model catches up before the first line, says so and how far it is', () => {
    expect(progressText({ ...at(0, 500), phase: 'waiting-for-read-model', readModel: { position: 120_000, target: 480_000 } })).toBe(
      'import: first the read model catches up with the 480,000 events already in the ledger: 120,000 / 480,000',
    );
  });

  it('after the import: the slower of read model and analytics sets the bar', () => {
    expect(catchUpText({ head: 1_000_000, readModel: 600_000, analytics: 250_000, elapsedMs: 5_000 })).toBe(
      'catching up [######------------------] 25%  read model 600,000, analytics 250,000 / 1,000,000 events',
    );
    expect(catchUpText({ head: 10, readModel: 10, analytics: null, elapsedMs: 5 })).toBe(
      'catching up [########################] 100%  read model 10 / 10 events',
    );
  });

  it('formats durations and clamps the bar', () => {
    expect(duration(75)).toBe('1:15');
    expect(duration(3725)).toBe('1:02:05');
    expect(duration(-3)).toBe('0:00');
    expect(bar(-1)).toBe(`[${'-'.repeat(24)}]`);
    expect(bar(2)).toBe(`[${'#'.repeat(24)}]`);
  });
});
