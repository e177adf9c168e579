import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import { ConfigError, dataLayout } from '../config/config';
import { processIo, type OpsIo } from './backup.cli';
import { ProgressBar } from './progress';

const HELP = `Recomputes every hash chain of the event store, offline (the API may run or not), with progress.

  npm run ledger -- verify [<dir>]

Without <dir>: the configured store (LEDGER_DATA_DIR, LEDGER_SQLITE_FILE, or EventStoreDB with
LEDGER_EVENT_STORE=eventstoredb). With <dir>: the events.sqlite in that data or backup directory, opened read-only.
Exit codes: 0 every chain intact, 1 a chain is broken (the first break is printed) or the store cannot be read,
2 bad usage.`;

/** `verify [<dir>]`: resolves to the exit code. */
export async function verifyCommand(argv: string[], io: OpsIo = processIo): Promise<number> {
  const dirs: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      io.out(HELP);
      return 0;
    }
    if (arg.startsWith('-')) return usageError(io, `unknown option ${arg}`);
    dirs.push(arg);
  }
  if (dirs.length > 1) return usageError(io, 'one directory at most');

  let store: EventStore;
  let what: string;
  try {
    if (dirs.length === 1) {
      const file = join(resolve(dirs[0]), 'events.sqlite');
      if (!existsSync(file) || !statSync(file).isFile()) {
        io.err(`verify: no events.sqlite in ${resolve(dirs[0])}; give a data directory or a backup directory`);
        return 2;
      }
      store = SqliteEventStore.open({ file, readonly: true });
      what = file;
    } else {
      const layout = dataLayout(io.env);
      if (layout.eventStore.kind === 'eventstoredb') {
        store = EventStoreDbEventStore.connect({ connectionString: layout.eventStore.url });
        what = 'EventStoreDB';
      } else {
        if (!existsSync(layout.eventStore.file)) {
          io.err(`verify: no event store at ${layout.eventStore.file}. Set LEDGER_DATA_DIR (or LEDGER_SQLITE_FILE), or give a directory.`);
          return 2;
        }
        store = SqliteEventStore.open({ file: layout.eventStore.file, readonly: true });
        what = layout.eventStore.file;
      }
    }
  } catch (e) {
    if (e instanceof ConfigError) return usageError(io, `configuration: ${e.message}`);
    io.err(`verify: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }

  try {
    const head = await store.headPosition();
    io.err(`verifying ${head.toLocaleString('en-US')} events in ${what}`);
    const bar = new ProgressBar(io, 'verify', head, 'events');
    const report = await store.verify((checked) => bar.update(checked));
    const ms = bar.done();
    const rate = ms > 0 ? Math.round((report.eventsChecked * 1000) / ms).toLocaleString('en-US') : '-';
    const summary = `${report.eventsChecked.toLocaleString('en-US')} events in ${report.streamsChecked.toLocaleString('en-US')} streams in ${(ms / 1000).toFixed(1)} s (${rate} events/s)`;
    if (report.ok) {
      io.out(`verified ${summary}: every hash chain is intact`);
      return 0;
    }
    const b = report.firstBreak!;
    io.out(
      [
        `BROKEN: checked ${summary}; the first broken link:`,
        `  position ${b.position}, stream ${b.streamId}, revision ${b.revision}: ${b.problem}`,
        `  expected ${b.expected}`,
        `  actual   ${b.actual}`,
        'The events from there on cannot be trusted as recorded: restore the last backup whose verify passes (docs/operations.md).',
      ].join('\n'),
    );
    return 1;
  } catch (e) {
    io.err(`verify: the store could not be read: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await store.close().catch(() => undefined);
  }
}

function usageError(io: OpsIo, message: string): number {
  io.err(`verify: ${message}\n\n${HELP}`);
  return 2;
}
