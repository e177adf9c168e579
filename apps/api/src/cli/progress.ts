/** Progress of long CLI work on stderr: a bar redrawn in place on a terminal, a line every few seconds otherwise. */

export interface ProgressIo {
  err(line: string): void;
  isTty: boolean;
  /** Raw write for redrawing in place (a terminal only). */
  write?(text: string): void;
}

export type ProgressUnit = 'events' | 'bytes';

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatAmount(n: number, unit: ProgressUnit): string {
  if (unit === 'events') return fmtInt(n);
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * One progress line: `label [#####.....]  45%  450,000 / 1,000,000 events  12,345 events/s  ETA 45 s`.
 * Without a total (0): amount and rate only.
 */
export function progressText(label: string, done: number, total: number, elapsedMs: number, unit: ProgressUnit): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const rateText = unit === 'events' ? `${fmtInt(rate)} events/s` : `${formatAmount(rate, 'bytes')}/s`;
  if (total <= 0) return `${label}  ${formatAmount(done, unit)}${unit === 'events' ? ' events' : ''}  ${rateText}`;
  const fraction = Math.min(1, done / total);
  const width = 24;
  const filled = Math.round(fraction * width);
  const eta = rate > 0 ? (total - Math.min(done, total)) / rate : Infinity;
  return (
    `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ` +
    `${formatAmount(done, unit)} / ${formatAmount(total, unit)}${unit === 'events' ? ' events' : ''}  ${rateText}  ETA ${formatDuration(eta)}`
  );
}

export class ProgressBar {
  private readonly started = Date.now();
  private lastPrinted = 0;
  private drawn = false;

  constructor(
    private readonly io: ProgressIo,
    private readonly label: string,
    private total: number,
    private readonly unit: ProgressUnit,
    /** Between two lines when not on a terminal. */
    private readonly everyMs = 2000,
  ) {}

  setTotal(total: number): void {
    this.total = total;
  }

  update(done: number): void {
    const elapsed = Date.now() - this.started;
    const text = progressText(this.label, done, this.total, elapsed, this.unit);
    if (this.io.isTty && this.io.write) {
      this.io.write(`\r\x1b[2K${text}`);
      this.drawn = true;
    } else if (elapsed - this.lastPrinted >= this.everyMs) {
      this.lastPrinted = elapsed;
      this.io.err(text);
    }
  }

  /** Clears the bar; the caller prints the outcome. Returns the elapsed time in ms. */
  done(): number {
    if (this.drawn && this.io.write) this.io.write('\r\x1b[2K');
    this.drawn = false;
    return Date.now() - this.started;
  }
}
