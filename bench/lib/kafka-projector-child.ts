/**
 * Child process of the Kafka benchmark: the Kafka projector (startKafkaProjector, as apps/projector runs it with
 * its defaults) into its own chDB dir, printing `cp <position> <epoch ms>` each time a checkpoint is durably
 * written, i.e. the moment events up to <position> become visible to analytics readers. Runs until SIGTERM.
 * Env: the projector's (KAFKA_*, CLICKHOUSE_*, LEDGER_DATA_DIR, PROJECTOR_*).
 */
import { createAnalyticsClient } from '@ledger/analytics';
import { projectorConfigFromEnv, startKafkaProjector } from '../../apps/projector/src/kafka-projector';

async function main(): Promise<void> {
  const config = projectorConfigFromEnv(process.env);
  const client = createAnalyticsClient(config.analytics);
  const insert = client.insert.bind(client);
  client.insert = (async (params: { table: string; values: Array<{ position?: number }> }) => {
    const result = await insert(params as never);
    if (params.table.endsWith('.projection_checkpoints')) process.stdout.write(`cp ${params.values[0].position} ${Date.now()}\n`);
    return result;
  }) as typeof client.insert;
  const running = await startKafkaProjector(config, { client, log: (level, msg, f) => level !== 'info' && process.stderr.write(`${msg} ${JSON.stringify(f ?? {})}\n`) });
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void running.stop().then(
      () => client.close(),
    ).finally(() => process.exit(0));
  });
}

main().catch((err) => {
  process.stderr.write(`kafka-projector-child failed: ${String(err?.stack ?? err)}\n`);
  process.exit(1);
});
