/**
 * Child process of the SIGKILL test (analytics-projector.int.spec.ts): projects an event store into chDB with the
 * live projector in small batches, printing each durable checkpoint, then (once caught up) a digest of the table.
 * Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register projector-child.ts <store> <chdbDir> <db> <batchSize>
 * stdout lines: `orphans <rows beyond the checkpoint>`, `start <checkpoint>`, `checkpoint <n>` (after it is durable), `digest <json>`, `raw <rows stored>`, `done`.
 */
import { SqliteEventStore } from '@ledger/event-store';
import { createAnalyticsClient } from '../clickhouse/analytics-client';
import { migrate } from '../migrations/migrator';
import { AnalyticsProjector } from '../projection/analytics-projector';
import { EventStoreSource } from '../source/event-source';
import { digest, rawCount } from './digest';

async function main(): Promise<void> {
  const [file, dir, database, batchArg] = process.argv.slice(2);
  if (!file || !dir || !database) {
    process.stderr.write('usage: projector-child <store> <chdbDir> <database> [batchSize]\n');
    process.exit(2);
  }
  const batchSize = Number(batchArg ?? 200);
  const store = SqliteEventStore.open({ file });
  const client = createAnalyticsClient({ kind: 'chdb', path: dir, database });
  // LEDGER_CHILD_KILL_AT_CHECKPOINT=n: SIGKILL ourselves when the n-th checkpoint is about to be written, i.e.
  // right after its rows insert returned: the worst moment, made deterministic.
  const killAt = Number(process.env.LEDGER_CHILD_KILL_AT_CHECKPOINT ?? 0);
  if (killAt > 0) {
    let checkpoints = 0;
    const insert = client.insert.bind(client);
    client.insert = ((params: { table: string }) => {
      if (params.table.endsWith('.projection_checkpoints') && ++checkpoints === killAt) process.kill(process.pid, 'SIGKILL');
      return insert(params as never);
    }) as typeof client.insert;
  }
  await migrate(client, { database });
  const projector = new AnalyticsProjector({
    client,
    database,
    source: new EventStoreSource(store, { catchUpPage: batchSize, maxBatch: batchSize }),
    batchSize,
    flushMs: 5,
    log: (level, message, fields) => {
      if (level !== 'info') process.stderr.write(`${level}: ${message} ${JSON.stringify(fields ?? {})}\n`);
    },
  });
  await projector.start();
  // Rows beyond the durable checkpoint: left by a kill between an insert and its checkpoint (re-inserted now).
  const orphans = await client.query({
    query: `SELECT toString(count()) AS n FROM ${database}.decisions WHERE position > {cp:UInt64}`,
    query_params: { cp: projector.checkpoint() },
    format: 'JSONEachRow',
  });
  process.stdout.write(`orphans ${(await orphans.json<{ n: string }>())[0].n}\n`);
  // stdout to a pipe is synchronous on Linux: a printed checkpoint is visible to the parent even after SIGKILL.
  process.stdout.write(`start ${projector.checkpoint()}\n`);
  const head = await store.headPosition();
  let printed = projector.checkpoint();
  while (printed < head) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    const now = projector.checkpoint();
    if (now !== printed) process.stdout.write(`checkpoint ${(printed = now)}\n`);
  }
  await projector.stop();
  process.stdout.write(`digest ${JSON.stringify(await digest(client, database))}\n`);
  process.stdout.write(`raw ${await rawCount(client, database)}\n`);
  await client.close();
  await store.close();
  process.stdout.write('done\n');
}

main().catch((err) => {
  process.stderr.write(`projector-child failed: ${String(err?.stack ?? err)}\n`);
  process.exit(1);
});
