/**
 * Child process of the crash test (sqlite-event-store.int.spec.ts): appends forever with several
 * concurrent writers and prints each event id on its own line once its append has been acknowledged.
 * Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register crash-writer.ts <file> [writers]
 */
import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@ledger/kernel';
import type { ExpectedRevision } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

const [file, writersArg = '8'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: crash-writer <file> [writers]\n');
  process.exit(2);
}
const store = SqliteEventStore.open({ file });

async function writer(w: number): Promise<never> {
  const streamId = `crash-${w}-${randomUUID()}`;
  let expected: ExpectedRevision = 'no-stream';
  for (let n = 0; ; n++) {
    const events: EventToAppend[] = Array.from({ length: 1 + (n % 3) }, (_, i) => ({
      id: randomUUID(),
      type: 'crash.tick',
      schemaVersion: 1,
      data: { writer: w, n, i, text: 'ünïcødé ☕' },
      metadata: { actor: { id: `writer-${w}`, role: 'system' }, correlationId: randomUUID(), causationId: null },
    }));
    const result = await store.append(streamId, events, expected);
    expected = result.nextRevision;
    // stdout to a pipe is synchronous on Linux: once written, the parent can read it even after SIGKILL.
    process.stdout.write(events.map((e) => e.id).join('\n') + '\n');
  }
}

for (let w = 0; w < Number(writersArg); w++) {
  writer(w).catch((err) => {
    process.stderr.write(`writer ${w} failed: ${String(err?.stack ?? err)}\n`);
    process.exit(1);
  });
}
