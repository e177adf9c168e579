/**
 * Child process of the SIGKILL test (kafka-projector-crash.int.spec.ts): the Kafka projector (startKafkaProjector,
 * as apps/projector runs it) into a chDB dir, until its checkpoint reaches <head>; then a digest of the table.
 * Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register projector-child.ts <chdbDir> <db> <topic> <group> <brokers> <batch> <head>
 * stdout lines: `start <checkpoint>`, `insert <n> <rows>` (after the n-th rows insert returned), `checkpoint <n>`,
 * `digest <json>`, `raw <rows stored>`, `done`.
 * LEDGER_CHILD_KILL_AT_INSERT=n: SIGKILL ourselves right after the n-th rows insert returned: the rows are in
 * ClickHouse, the offsets not committed, the checkpoint not written (the middle of a batch).
 */
import { createAnalyticsClient } from '@ledger/analytics';
import { digest, rawCount } from '../../../../libs/analytics/src/testing/digest';
import { startKafkaProjector } from '../kafka-projector';

async function main(): Promise<void> {
  const [dir, database, topic, groupId, brokers, batchArg, headArg] = process.argv.slice(2);
  const head = Number(headArg);
  const client = createAnalyticsClient({ kind: 'chdb', path: dir, database });
  const killAt = Number(process.env.LEDGER_CHILD_KILL_AT_INSERT ?? 0);
  let inserts = 0;
  const insert = client.insert.bind(client);
  client.insert = (async (params: { table: string; values: unknown[] }) => {
    const result = await insert(params as never);
    if (params.table.endsWith('.decisions')) {
      inserts += 1;
      process.stdout.write(`insert ${inserts} ${params.values.length}\n`);
      if (inserts === killAt) process.kill(process.pid, 'SIGKILL');
    }
    return result;
  }) as typeof client.insert;
  const running = await startKafkaProjector(
    {
      kafka: { brokers: brokers.split(','), clientId: 'crash-child', topic, dlqTopic: `${topic}.dlq`, partitions: 4, replicationFactor: 1, groupId },
      analytics: { kind: 'chdb', path: dir, database },
      batchSize: Number(batchArg),
      flushMs: 5,
      logLevel: 'silent',
    },
    { client, log: (level, message, fields) => level === 'error' && process.stderr.write(`${message} ${JSON.stringify(fields ?? {})}\n`) },
  );
  process.stdout.write(`start ${running.projector.checkpoint()}\n`);
  let printed = running.projector.checkpoint();
  while (printed < head) {
    await new Promise((r) => setTimeout(r, 5));
    const now = running.projector.checkpoint();
    if (now !== printed) process.stdout.write(`checkpoint ${(printed = now)}\n`);
  }
  await running.stop();
  process.stdout.write(`digest ${JSON.stringify(await digest(client, database))}\n`);
  process.stdout.write(`raw ${await rawCount(client, database)}\n`);
  await client.close();
  process.stdout.write('done\n');
}

main().catch((err) => {
  process.stderr.write(`projector-child failed: ${String(err?.stack ?? err)}\n`);
  process.exit(1);
});
