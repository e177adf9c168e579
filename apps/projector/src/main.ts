/**
 * `npm run start:projector`: Kafka → ClickHouse (the distributed tier's analytics projector, its own deployable).
 * Several instances may run with the same KAFKA_GROUP_ID: the topic's partitions are split between them.
 * SIGTERM/SIGINT: stop fetching, flush and commit what was delivered, leave the group, exit 0.
 */
import { jsonLineLog } from '@ledger/kafka';
import { projectorConfigFromEnv, startKafkaProjector } from './kafka-projector';

async function main(): Promise<void> {
  let config;
  try {
    config = projectorConfigFromEnv();
  } catch (e) {
    process.stderr.write(`configuration error: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const log = jsonLineLog(config.logLevel);
  const running = await startKafkaProjector(config, { log });
  const statusTimer = setInterval(() => log('info', 'projector status', { ...running.status() }), 30_000);
  statusTimer.unref();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log('info', `${signal}: shutting down`);
      setTimeout(() => {
        process.stderr.write('projector shutdown took longer than 30 s; exiting (uncommitted batches are re-read on start)\n');
        process.exit(1);
      }, 30_000).unref();
      running.stop().then(
        () => process.exit(0),
        (e) => {
          process.stderr.write(`projector shutdown failed: ${e instanceof Error ? e.stack : String(e)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((e) => {
  process.stderr.write(`projector failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
