/**
 * Child process of the import benchmark: `npm run ledger -- import <file>` as the CLI runs it (runImport: import
 * with progress, then the read model and analytics catch up), measured from inside.
 *   argv[2]: JSON { dataDir, file, mode: 'bulk' | 'one-by-one' }
 * Progress on stderr; the result as one line `RESULT <json>` on stdout.
 */
import * as os from 'node:os';
import { loadConfig } from '../../apps/api/src/config/config';
import { runImport, type CliIo } from '../../apps/api/src/cli/import.cli';
import { BENCH_JWT_SECRET } from './app-process';

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

async function main(): Promise<void> {
  const { dataDir, file, mode } = JSON.parse(process.argv[2]) as { dataDir: string; file: string; mode: 'bulk' | 'one-by-one' };
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn' });
  const io: CliIo = { out: () => undefined, err: (t) => process.stderr.write(`  [import-child] ${t}\n`), isTty: false, env: process.env };
  const loadBefore = load();
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const { report, caughtUp } = await runImport(config, file, { stopOnError: false, mode }, io);
  const cpu = process.cpuUsage(cpu0);
  const result = {
    mode,
    processed: report.processed,
    written: report.written,
    skipped: report.skipped,
    rejected: report.rejected,
    events: report.events,
    import_ms: report.elapsedMs,
    catch_up_ms: caughtUp.elapsedMs,
    /** Everything after the process started: open the app, import, catch up, close. */
    command_ms: Date.now() - t0,
    /** Process CPU (all threads: the writer thread, chDB's) over the command. */
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    load_before: loadBefore,
    load_after: load(),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`import-child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
