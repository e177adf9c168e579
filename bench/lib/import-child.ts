/**
 * Child process of the import benchmark: `npm run ledger -- import <file>` as the CLI runs it (runImport: import
 * with progress, then the read model and analytics catch up), measured from inside.
 *   argv[2]: JSON { dataDir, file, mode: 'bulk' | 'one-by-one' }
 * Progress on stderr; the result as one line `RESULT <json>` on stdout.
 */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { loadConfig } from '../../apps/api/src/config/config';
import { runImport, type CliIo } from '../../apps/api/src/cli/import.cli';
import { BENCH_JWT_SECRET } from './app-process';

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** CPU time the whole machine spent busy (every process, every core), in ms: /proc/stat's first line. */
function machineBusyMs(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ = 100 on Linux
}
const ownMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

async function main(): Promise<void> {
  const { dataDir, file, mode } = JSON.parse(process.argv[2]) as { dataDir: string; file: string; mode: 'bulk' | 'one-by-one' };
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn' });
  const io: CliIo = { out: () => undefined, err: (t) => process.stderr.write(`  [import-child] ${t}\n`), isTty: false, env: process.env };
  const loadBefore = load();
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  // Opening the app is not part of the import: the machine's CPU is sampled from the first progress report on.
  let start: { t: number; busy: number; own: NodeJS.CpuUsage } | null = null;
  let during: { wallMs: number; machineMs: number; ownMs: number } | null = null;
  const { report, caughtUp } = await runImport(
    config,
    file,
    {
      stopOnError: false,
      mode,
      onProgress: () => void (start ??= { t: Date.now(), busy: machineBusyMs(), own: process.cpuUsage() }),
      onImported: () => {
        if (start) during = { wallMs: Date.now() - start.t, machineMs: machineBusyMs() - start.busy, ownMs: ownMs(start.own) };
      },
    },
    io,
  );
  const phase = during as { wallMs: number; machineMs: number; ownMs: number } | null;
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
    cores: os.cpus().length,
    /**
     * During the import (from its first progress report to its last line): the cores this process used and the cores
     * every other process on the machine used meanwhile (other sessions share its cores).
     */
    import_own_cores: phase && phase.wallMs > 0 ? Math.round((phase.ownMs / phase.wallMs) * 100) / 100 : null,
    import_foreign_cores: phase && phase.wallMs > 0 ? Math.round((Math.max(0, phase.machineMs - phase.ownMs) / phase.wallMs) * 100) / 100 : null,
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
