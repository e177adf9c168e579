import { formatDuration, ProgressBar, progressText } from './progress';

describe('CLI progress', () => {
  it('shows the share done, the amount, the rate and the time left', () => {
    expect(progressText('verify', 250_000, 1_000_000, 2_000, 'events')).toBe(
      'verify [######..................]  25%  250,000 / 1,000,000 events  125,000 events/s  ETA 6 s',
    );
    expect(progressText('snapshot events.sqlite', 512 * 1024 * 1024, 1024 * 1024 * 1024, 4_000, 'bytes')).toBe(
      'snapshot events.sqlite [############............]  50%  512.0 MiB / 1.00 GiB  128.0 MiB/s  ETA 4 s',
    );
  });

  it('copes with the start (no rate yet), overshoot and an unknown total', () => {
    expect(progressText('verify', 0, 10, 0, 'events')).toBe('verify [........................]   0%  0 / 10 events  0 events/s  ETA ?');
    expect(progressText('verify', 12, 10, 1_000, 'events')).toMatch(/\[#{24}\] 100%  12 \/ 10 events  12 events\/s  ETA 0 s$/);
    expect(progressText('copy', 2048, 0, 1_000, 'bytes')).toBe('copy  2 KiB  2 KiB/s');
  });

  it('formats durations for people', () => {
    expect([formatDuration(0.4), formatDuration(59), formatDuration(61), formatDuration(3_725), formatDuration(Infinity)]).toEqual([
      '0 s',
      '59 s',
      '1 min 01 s',
      '1 h 02 min',
      '?',
    ]);
  });

  it('redraws in place on a terminal, and prints a line every few seconds otherwise', () => {
    const written: string[] = [];
    const tty = new ProgressBar({ isTty: true, err: () => undefined, write: (t) => written.push(t) }, 'x', 10, 'events');
    tty.update(1);
    tty.update(2);
    tty.done();
    expect(written.map((w) => w.slice(0, 6))).toEqual(['\r\x1b[2Kx', '\r\x1b[2Kx', '\r\x1b[2K']);

    const lines: string[] = [];
    const plain = new ProgressBar({ isTty: false, err: (l) => lines.push(l) }, 'x', 10, 'events', 60_000);
    plain.update(1);
    plain.update(2);
    expect(lines).toEqual([]); // not before the interval
    const every = new ProgressBar({ isTty: false, err: (l) => lines.push(l) }, 'x', 10, 'events', 0);
    every.update(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^x \[.*\]  30%  3 \/ 10 events/);
  });
});
