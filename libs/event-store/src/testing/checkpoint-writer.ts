/**
 * Child process of the checkpoint-durability test (sqlite-event-store.int.spec.ts), run under strace: writes
 * enough to make SQLite checkpoint and restart the WAL several times, then exits.
 *   store   — through SqliteEventStore (32 concurrent writers, the store's own pragmas), then closes it;
 *   raw-off — a plain WAL connection with synchronous=OFF, the setting whose checkpoints do not sync (the
 *             counter-example that shows the test's check can fail).
 * Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register checkpoint-writer.ts <file> <mode> <events>
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { EventToAppend } from '@ledger/kernel';
import type { ExpectedRevision } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

const [file, mode, eventsArg] = process.argv.slice(2);
const total = Number(eventsArg);
if (!file || (mode !== 'store' && mode !== 'raw-off') || !(total > 0)) {
  process.stderr.write('usage: checkpoint-writer <file> store|raw-off <events>\n');
  process.exit(2);
}
/** ~2 KB per event: a few thousand events fill several WALs of 1,000 pages. */
const text = 'checkpoint '.repeat(200);

async function viaStore(): Promise<void> {
  // SQLite's default checkpoint interval (1,000 pages) rather than the store's 10,000: a few thousand events then
  // checkpoint and restart the WAL several times. What is checked, the syncs around each checkpoint, does not depend on it.
  const store = SqliteEventStore.open({ file, walAutocheckpointPages: 1000 });
  let left = total;
  const writer = async (w: number) => {
    const streamId = `ckpt-${w}-${randomUUID()}`;
    let expected: ExpectedRevision = 'no-stream';
    while (left > 0) {
      left -= 1;
      const event: EventToAppend = {
        id: randomUUID(),
        type: 'checkpoint.tick',
        schemaVersion: 1,
        data: { w, text },
        metadata: { actor: { id: `writer-${w}`, role: 'system' }, correlationId: randomUUID(), causationId: null },
      };
      expected = (await store.append(streamId, [event], expected)).nextRevision;
    }
  };
  await Promise.all(Array.from({ length: 32 }, (_, w) => writer(w)));
  await store.close();
}

function rawOff(): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (id, body) VALUES (?, ?)');
  const batch = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run(randomUUID(), text);
  });
  for (let done = 0; done < total; done += 32) batch(Math.min(32, total - done));
  db.close();
}

(mode === 'store' ? viaStore() : Promise.resolve(rawOff())).catch((err) => {
  process.stderr.write(`checkpoint-writer failed: ${String(err?.stack ?? err)}\n`);
  process.exit(1);
});
