import { renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Gauge, Registry } from 'prom-client';
import type { CatchUpProgress, ImportProgress, ImportReport } from './importer';

/**
 * Import progress for Prometheus (ADR 0028). The import runs in its own short-lived process, usually while the API
 * is stopped (embedded stores have one writer), so there is nothing to scrape: it writes the node_exporter
 * "textfile collector" format instead, atomically (temp file + rename) at most every `everyMs` and once at the end,
 * where the last state stays (running 0, finished time, counts) until the next import overwrites it.
 */
export class ImportMetricsFile {
  private readonly registry = new Registry();
  private readonly source: string;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly g: Record<string, Gauge<'source'>>;

  constructor(
    private readonly path: string,
    file: string,
    private readonly everyMs = 2000,
  ) {
    this.source = basename(file);
    const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ['source'] as const, registers: [this.registry] });
    this.g = {
      running: gauge('ledger_import_running', '1 while the import runs, 0 once it ended.'),
      total: gauge('ledger_import_lines_total', 'Decision lines in the file (-1 while unknown).'),
      processed: gauge('ledger_import_lines_processed', 'Decision lines handled so far.'),
      written: gauge('ledger_import_decisions_written', 'Lines whose decision was written.'),
      skipped: gauge('ledger_import_lines_skipped', 'Lines already imported by an earlier run (nothing written).'),
      rejected: gauge('ledger_import_lines_rejected', 'Lines refused (nothing of them written).'),
      events: gauge('ledger_import_events_written', 'Events appended.'),
      behind: gauge(
        'ledger_import_catch_up_events_behind',
        'After the lines are in: events the read model or analytics (the slower one) have still to project before the import ends (ADR 0027); 0 otherwise.',
      ),
      started: gauge('ledger_import_started_timestamp_seconds', 'When the import started (Unix time).'),
      updated: gauge('ledger_import_last_update_timestamp_seconds', 'When these figures were written (Unix time): stale while running = stuck.'),
      finished: gauge('ledger_import_finished_timestamp_seconds', 'When the import ended (Unix time); 0 while it runs.'),
    };
    const now = Date.now() / 1000;
    this.set({ running: 1, total: -1, processed: 0, written: 0, skipped: 0, rejected: 0, events: 0, behind: 0, started: now, finished: 0 });
    this.flush();
  }

  progress(p: ImportProgress): void {
    this.set({ total: p.total ?? -1, processed: p.processed, written: p.written, skipped: p.skipped, rejected: p.rejected, events: p.events });
    if (Date.now() - this.lastWrite >= this.everyMs) this.flush();
  }

  /**
   * A bulk import pauses the read model and analytics; once the lines are in, the command waits for them to catch up
   * (minutes for a million decisions). Still running, so the figures keep being written (no stale "last update").
   */
  catchUp(c: CatchUpProgress): void {
    this.set({ behind: Math.max(0, c.head - Math.min(c.readModel, c.analytics ?? Infinity)) });
    if (Date.now() - this.lastWrite >= this.everyMs) this.flush();
  }

  /** The final state; `report` is null when the import failed before reporting. */
  async finish(report: ImportReport | null): Promise<void> {
    if (report) {
      this.set({ total: report.total ?? report.processed, processed: report.processed, written: report.written, skipped: report.skipped, rejected: report.rejected, events: report.events });
    }
    this.set({ running: 0, behind: 0, finished: Date.now() / 1000 });
    this.flush();
    await this.writing;
  }

  private set(values: Record<string, number>): void {
    for (const [k, v] of Object.entries(values)) this.g[k].set({ source: this.source }, v);
  }

  private flush(): void {
    this.lastWrite = Date.now();
    this.g.updated.set({ source: this.source }, this.lastWrite / 1000);
    this.writing = this.writing.then(async () => {
      const text = await this.registry.metrics();
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, this.path);
    });
  }
}
