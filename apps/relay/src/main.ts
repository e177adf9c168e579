/**
 * `npm run start:relay`: event store → Kafka (the distributed tier's relay, its own deployable; run one).
 * SIGTERM/SIGINT: finish the batch in flight, record the checkpoint, exit 0.
 */
import { jsonLineLog } from '@ledger/kafka';
import { relayConfigFromEnv, startRelayApp } from './relay-app';

async function main(): Promise<void> {
  let config;
  try {
    config = relayConfigFromEnv();
  } catch (e) {
    process.stderr.write(`configuration error: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const log = jsonLineLog(config.logLevel);
  const running = await startRelayApp(config, log);
  const statusTimer = setInterval(() => log('info', 'relay status', { ...running.relay.status() }), 30_000);
  statusTimer.unref();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log('info', `${signal}: shutting down`);
      setTimeout(() => {
        process.stderr.write('relay shutdown took longer than 30 s; exiting (unacknowledged events are re-published on start)\n');
        process.exit(1);
      }, 30_000).unref();
      running.stop().then(
        () => process.exit(0),
        (e) => {
          process.stderr.write(`relay shutdown failed: ${e instanceof Error ? e.stack : String(e)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((e) => {
  process.stderr.write(`relay failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
