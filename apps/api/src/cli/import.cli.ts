import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from '../config/config';
import { openImporter, type CatchUpProgress, type ImportOptions, type ImportProgress, type ImportReport, type RejectedLine } from '../import/importer';
import { ImportMetricsFile } from '../import/import-metrics-file';

const HELP = `Imports past decisions from an NDJSON file (one decision per line, in chronological order; format in
docs/import-format.md) through the same command handlers and deciders as the HTTP API.

  npm run ledger -- import <file.ndjson> [--stop-on-error] [--metrics-file <path.prom>]

Every line is judged like an API request by its actor, at its time; a refused line is reported with its
line number and nothing of it is written. By default the import continues with the next lines and exits
1 at the end; --stop-on-error stops at the first refused line. Running the same file again writes nothing
new: lines already imported are skipped, so after fixing refused lines just run the same command again.
Lines are committed a few thousand at a time: if the import is interrupted (even killed), run the same
command again and it continues after the last committed line. Once the lines are in, the command waits
for the read model and the analytics to catch up (progress on stderr).

--metrics-file: progress for Prometheus, written every 2 s and at the end in the node_exporter textfile format
(e.g. /var/lib/node_exporter/textfile/ledger_import.prom; metrics in docs/operations.md).

Writes into LEDGER_DATA_DIR (default ./data). Stop the API first: the embedded stores are opened by one
process at a time. Exit codes: 0 all lines imported (or already there), 1 some lines refused, 2 bad usage.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress is redrawn in place on a terminal, printed every few seconds otherwise. */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  isTty: Boolean(process.stderr.isTTY),
  env: process.env,
};

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The CLI's config: the server's, with quieter logs unless LOG_LEVEL says otherwise. */
export function cliConfig(io: CliIo): AppConfig {
  return loadConfig({ ...io.env, LOG_LEVEL: io.env.LOG_LEVEL ?? 'warn' });
}

/** `import <file> [--stop-on-error]`: resolves to the exit code. */
export async function importCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  let file: string | undefined;
  let stopOnError = false;
  let metricsFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      io.out(HELP);
      return 0;
    }
    if (arg === '--stop-on-error') stopOnError = true;
    else if (arg === '--metrics-file') {
      metricsFile = argv[++i];
      if (!metricsFile || metricsFile.startsWith('-')) return usageError(io, '--metrics-file needs a path, e.g. --metrics-file ledger_import.prom');
      if (!existsSync(dirname(resolve(metricsFile)))) return usageError(io, `--metrics-file: no directory ${dirname(resolve(metricsFile))}`);
      // It is replaced by renaming a temp file onto it: never onto a device, a directory or a link's target.
      if (existsSync(metricsFile) && !lstatSync(metricsFile).isFile()) return usageError(io, `--metrics-file: ${metricsFile} exists and is not a regular file`);
    }
    else if (arg.startsWith('-')) return usageError(io, `unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else return usageError(io, `one file at a time (got "${file}" and "${arg}")`);
  }
  if (!file) return usageError(io, 'which file? e.g. npm run ledger -- import history.ndjson');
  if (!existsSync(file) || !statSync(file).isFile()) return usageError(io, `no such file: ${file}`);

  let config: AppConfig;
  try {
    config = cliConfig(io);
  } catch (e) {
    if (e instanceof ConfigError) return usageError(io, `configuration: ${e.message}`);
    throw e;
  }
  const { report, caughtUp } = await runImport(config, file, { stopOnError, metricsFile }, io);
  io.out(describeReport(report, stopOnError, caughtUp));
  return report.rejected > 0 ? 1 : 0;
}

/**
 * Opens the application, imports the file with progress on stderr, waits for the read model and analytics to catch
 * up (progress too), closes. Shared by `import` and `demo`.
 */
export async function runImport(
  config: AppConfig,
  file: string,
  options: {
    stopOnError: boolean;
    mode?: ImportOptions['mode'];
    metricsFile?: string;
    /** Besides the progress line and the metrics file (the benchmark samples the machine's CPU with it). */
    onProgress?: ImportOptions['onProgress'];
    /** Once the lines are in, before the wait for the read model and analytics. */
    onImported?: () => void;
  },
  io: CliIo,
): Promise<{ report: ImportReport; caughtUp: CatchUpProgress }> {
  const progress = new ProgressLine(io);
  const metrics = options.metricsFile ? new ImportMetricsFile(options.metricsFile, file) : null;
  let report: ImportReport | null = null;
  const { importer, close } = await openImporter(config);
  try {
    report = await importer.importFile(file, {
      stopOnError: options.stopOnError,
      mode: options.mode,
      onProgress: (p) => {
        progress.update(p);
        metrics?.progress(p);
        options.onProgress?.(p);
      },
      onRejected: (r) => progress.rejected(r),
    });
    progress.done();
    options.onImported?.();
    const caughtUp = await importer.projectionsCaughtUp((c) => {
      progress.show(catchUpText(c), c.elapsedMs);
      metrics?.catchUp(c);
    }, 500);
    progress.done();
    return { report, caughtUp };
  } finally {
    await metrics?.finish(report);
    await close();
  }
}

/** One line of progress on stderr, redrawn in place on a terminal, printed every 2 s otherwise. */
export class ProgressLine {
  private lastPrinted = -Infinity;
  private drawn = false;

  constructor(private readonly io: CliIo) {}

  /** Import progress: bar, lines, decisions/s, ETA, refused lines (progressText). */
  update(p: ImportProgress): void {
    this.show(progressText(p), p.elapsedMs);
  }

  show(text: string, elapsedMs: number): void {
    if (this.io.isTty) {
      process.stderr.write(`\r\x1b[2K${text}`);
      this.drawn = true;
    } else if (elapsedMs - this.lastPrinted >= 2000) {
      this.lastPrinted = elapsedMs;
      this.io.err(text);
    }
  }

  rejected(r: RejectedLine): void {
    this.clear();
    this.io.err(`line ${r.line}: ${r.code}: ${r.message}`);
  }

  done(): void {
    this.clear();
    this.lastPrinted = -Infinity;
  }

  private clear(): void {
    if (this.drawn) process.stderr.write('\r\x1b[2K');
    this.drawn = false;
  }
}

const BAR_WIDTH = 24;

/** `[#########---------------]` for a fraction in [0, 1]. */
export function bar(fraction: number): string {
  const full = Math.max(0, Math.min(BAR_WIDTH, Math.floor(fraction * BAR_WIDTH)));
  return `[${'#'.repeat(full)}${'-'.repeat(BAR_WIDTH - full)}]`;
}

/** 75 s → 1:15; 3725 s → 1:02:05. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}

/** The rest at the rate so far; '?' until there is a rate. */
function eta(done: number, total: number, elapsedMs: number): string {
  if (done <= 0 || elapsedMs <= 0) return '?';
  return duration(((total - done) * elapsedMs) / done / 1000);
}

/** Import progress: bar, lines done / total, decisions per second, ETA, refused lines so far. */
export function progressText(p: ImportProgress): string {
  if (p.phase === 'waiting-for-read-model' && p.readModel) {
    const { position, target } = p.readModel;
    return `import: first the read model catches up with the ${fmt(target)} events already in the ledger: ${fmt(position)} / ${fmt(target)}`;
  }
  const rate = p.elapsedMs > 0 ? (1000 * p.processed) / p.elapsedMs : 0;
  if (p.total === null) return `import: ${fmt(p.processed)} lines  ${fmt(rate)} decisions/s  refused: ${fmt(p.rejected)}`;
  const fraction = p.total > 0 ? p.processed / p.total : 1;
  return (
    `import ${bar(fraction)} ${Math.floor(100 * fraction)}%  ${fmt(p.processed)} / ${fmt(p.total)} lines  ` +
    `${fmt(rate)} decisions/s  ETA ${eta(p.processed, p.total, p.elapsedMs)}  refused: ${fmt(p.rejected)}`
  );
}

/** After the import: how far the read model and the analytics are (positions, as counts on the embedded store). */
export function catchUpText(c: CatchUpProgress): string {
  const slowest = Math.min(c.readModel, c.analytics ?? Infinity);
  const fraction = c.head > 0 ? slowest / c.head : 1;
  const parts = [`read model ${fmt(c.readModel)}`, ...(c.analytics === null ? [] : [`analytics ${fmt(c.analytics)}`])];
  return `catching up ${bar(fraction)} ${Math.floor(100 * fraction)}%  ${parts.join(', ')} / ${fmt(c.head)} events`;
}

const SHOWN = 50;

const HINTS: Record<string, string> = {
  'IMPORT.OUT_OF_ORDER': 'sort the lines by `at` (chronological order is required)',
  'IMPORT.UNKNOWN_REF': 'define the key in an earlier line, or use the id (UUID) of something already in the ledger',
  'IMPORT.UNKNOWN_DECISION': 'see docs/import-format.md for the decision names',
  'VALIDATION.FAILED': 'see docs/import-format.md for the fields of each decision',
  'IMPORT.INVALID_JSON': 'each line must be one complete JSON object',
};

export function describeReport(r: ImportReport, stopOnError: boolean, caughtUp?: CatchUpProgress): string {
  const seconds = r.elapsedMs / 1000;
  const rate = seconds > 0 ? r.processed / seconds : 0;
  const out = [
    `Imported ${r.source}: ${fmt(r.processed)} lines in ${seconds.toFixed(1)} s (${fmt(rate)} decisions/s)`,
    `  written   ${fmt(r.written).padStart(7)} decisions` +
      (r.written ? ` (${fmt(r.events)} events, positions ${fmt(r.headBefore + 1)}-${fmt(r.headAfter)})` : ''),
    `  skipped   ${fmt(r.skipped).padStart(7)} already imported`,
    `  rejected  ${fmt(r.rejected).padStart(7)}` +
      (r.rejected ? ` lines: ${r.rejectedLines.slice(0, SHOWN).map((l) => l.line).join(', ')}${r.rejected > SHOWN ? ', …' : ''}` : ''),
  ];
  if (r.firstAt) out.push(`  history   ${r.firstAt} → ${r.lastAt}`);
  if (caughtUp && caughtUp.elapsedMs >= 1000) out.push(`  then the read model and analytics caught up in ${(caughtUp.elapsedMs / 1000).toFixed(1)} s`);
  if (r.rejected) {
    out.push('', 'Rejected lines (nothing of them was written):');
    for (const l of r.rejectedLines.slice(0, SHOWN)) out.push(`  line ${l.line}: ${l.code}: ${l.message}`);
    if (r.rejected > SHOWN) out.push(`  … and ${fmt(r.rejected - SHOWN)} more`);
    const hints = [...new Set(r.rejectedLines.map((l) => HINTS[l.code]).filter(Boolean))];
    if (hints.length) out.push('', 'Hints:', ...hints.map((h) => `  - ${h}`));
  }
  if (r.stopped?.reason === 'aborted') {
    out.push(
      '',
      `Aborted at line ${r.stopped.line}: the store is not usable (${r.stopped.code}); later lines were not attempted.`,
      'Fix the cause, then run the same command again: lines already imported are skipped.',
    );
  } else if (r.stopped) {
    out.push(
      '',
      `Stopped at line ${r.stopped.line} (--stop-on-error); ${r.total !== null ? `${fmt(r.total - r.processed)} later lines were` : 'later lines were'} not attempted.`,
      'Fix that line, then run the same command again: lines already imported are skipped.',
    );
  } else if (r.rejected) {
    out.push(
      '',
      `Fix the rejected lines and run the same command again: the ${fmt(r.written + r.skipped)} lines imported are skipped, only the fixed ones are written.`,
    );
    if (!stopOnError && r.rejectedLines.some((l) => l.code === 'IMPORT.UNKNOWN_REF')) {
      out.push('(Lines that referred to a rejected line were rejected too; they go through once it is fixed.)');
    }
  }
  return out.join('\n');
}

function usageError(io: CliIo, message: string): number {
  io.err(`import: ${message}\n\n${HELP}`);
  return 2;
}

if (require.main === module) {
  importCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`import: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
