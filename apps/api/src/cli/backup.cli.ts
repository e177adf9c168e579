import { ConfigError, dataLayout, type DataLayout } from '../config/config';
import { BackupError, createBackup } from '../backup/backup';
import { restoreBackup } from '../backup/restore';
import { formatAmount, ProgressBar, type ProgressIo, type ProgressUnit } from './progress';

const BACKUP_HELP = `Backs up an embedded ledger (LEDGER_DATA_DIR), also while the API runs and takes decisions.

  npm run ledger -- backup <dir>

<dir> must be new or empty. The event store, the API state (idempotent answers) and the webhook outbox are copied
with SQLite's online backup API, each as one consistent snapshot, the event store last; the generated secrets
(jwt-secret, webhook-key) are copied as files. Not copied, because they are rebuilt from the events: the read model,
the forum index and the analytics. manifest.json (written last) records the backup's head and a checksum per file.
Details: docs/operations.md, ADR 0029. Exit codes: 0 done, 1 failed (nothing is left in <dir>), 2 bad usage.`;

const RESTORE_HELP = `Restores a backup into LEDGER_DATA_DIR, which must be new or empty (a restore never overwrites).

  npm run ledger -- restore <backup dir>

Checks every file against the backup's manifest before writing anything, copies them, then verifies every hash
chain of the restored event store and that it ends at the backup's head. Then start the API: the read model and
the forum index catch up from the events in the background; for the analytics run
\`npm run ledger -- projections rebuild\` first (or let the API project them as it starts).
Exit codes: 0 restored, 1 failed (the restored files are removed again), 2 bad usage or refused input.`;

export interface OpsIo extends ProgressIo {
  out(line: string): void;
  env: NodeJS.ProcessEnv;
}

export const processIo: OpsIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  write: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
  env: process.env,
};

/** One progress bar per label, replaced when the label changes. */
export function progressReporter(io: OpsIo) {
  let current: { label: string; bar: ProgressBar } | null = null;
  return {
    progress(label: string, done: number, total: number, unit: ProgressUnit = 'bytes') {
      if (current?.label !== label) {
        current?.bar.done();
        current = { label, bar: new ProgressBar(io, label, total, unit) };
      }
      current.bar.setTotal(total);
      current.bar.update(done);
    },
    step(line: string) {
      current?.bar.done();
      current = null;
      io.err(line);
    },
    finish() {
      current?.bar.done();
      current = null;
    },
  };
}

function oneDirectory(argv: string[], command: string, help: string, io: OpsIo): string | number {
  const dirs: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      io.out(help);
      return 0;
    }
    if (arg.startsWith('-')) return usageError(io, command, `unknown option ${arg}`, help);
    dirs.push(arg);
  }
  if (dirs.length !== 1) return usageError(io, command, dirs.length ? 'one directory, please' : 'which directory?', help);
  return dirs[0];
}

function layoutOf(io: OpsIo, command: string, help: string): DataLayout | number {
  try {
    return dataLayout(io.env);
  } catch (e) {
    if (e instanceof ConfigError) return usageError(io, command, `configuration: ${e.message}`, help);
    throw e;
  }
}

/** `backup <dir>`: resolves to the exit code. */
export async function backupCommand(argv: string[], io: OpsIo = processIo): Promise<number> {
  const dir = oneDirectory(argv, 'backup', BACKUP_HELP, io);
  if (typeof dir === 'number') return dir;
  const layout = layoutOf(io, 'backup', BACKUP_HELP);
  if (typeof layout === 'number') return layout;
  const reporter = progressReporter(io);
  const started = Date.now();
  try {
    io.err(`backing up ${layout.dataDir} into ${dir}`);
    const manifest = await createBackup(layout, dir, reporter);
    reporter.finish();
    const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    io.out(
      [
        `Backed up ${layout.dataDir} into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s (${formatAmount(bytes, 'bytes')}):`,
        `  events up to position ${manifest.events.headPosition.toLocaleString('en-US')} (the backup's head)`,
        `  files: ${manifest.files.map((f) => f.name).join(', ')}`,
        ...(manifest.fromEnvironment.length ? [`  not in the backup, set where you restore it: ${manifest.fromEnvironment.join(', ')}`] : []),
        `Restore with: LEDGER_DATA_DIR=<new dir> npm run ledger -- restore ${dir}`,
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    reporter.finish();
    return failure(io, 'backup', e);
  }
}

/** `restore <backup dir>`: resolves to the exit code. */
export async function restoreCommand(argv: string[], io: OpsIo = processIo): Promise<number> {
  const dir = oneDirectory(argv, 'restore', RESTORE_HELP, io);
  if (typeof dir === 'number') return dir;
  const layout = layoutOf(io, 'restore', RESTORE_HELP);
  if (typeof layout === 'number') return layout;
  const reporter = progressReporter(io);
  const started = Date.now();
  try {
    const { manifest, verify } = await restoreBackup(dir, layout, reporter);
    reporter.finish();
    io.out(
      [
        `Restored the backup of ${manifest.sourceDataDir} (taken ${manifest.createdAt}) into ${layout.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
        `  events up to position ${manifest.events.headPosition.toLocaleString('en-US')}; ${verify.eventsChecked.toLocaleString('en-US')} events in ${verify.streamsChecked.toLocaleString('en-US')} streams verified, every hash chain intact`,
        ...(manifest.fromEnvironment.length ? [`  set as on the source: ${manifest.fromEnvironment.join(', ')}`] : []),
        'Next: npm run ledger -- projections rebuild   (analytics; optional: the API also projects them as it starts)',
        '      npm start                               (the read model and forum index catch up from the events)',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    reporter.finish();
    return failure(io, 'restore', e);
  }
}

function failure(io: OpsIo, command: string, e: unknown): number {
  if (e instanceof BackupError) {
    io.err(`${command}: ${e.message}`);
    return e.exitCode;
  }
  io.err(`${command} failed: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
}

function usageError(io: OpsIo, command: string, message: string, help: string): number {
  io.err(`${command}: ${message}\n\n${help}`);
  return 2;
}
