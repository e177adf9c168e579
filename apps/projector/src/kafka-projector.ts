import { resolve } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import {
  AnalyticsProjector,
  analyticsConfigFromEnv,
  createAnalyticsClient,
  migrate,
  type AnalyticsConfig,
  type ProjectorStatus,
} from '@ledger/analytics';
import { createKafka, jsonLineLog, KafkaEventSource, kafkaConfigFromEnv, type KafkaConfig, type KafkaLog } from '@ledger/kafka';

export interface ProjectorAppConfig {
  kafka: KafkaConfig;
  analytics: AnalyticsConfig;
  /** Flush to ClickHouse once this many events are pending. */
  batchSize: number;
  /** …or this long after the first one arrived. */
  flushMs: number;
  logLevel: string;
}

/**
 * Env: KAFKA_* (see libs/kafka kafka-config.ts), CLICKHOUSE_* (as the API; chDB under LEDGER_DATA_DIR/analytics
 * without CLICKHOUSE_URL), PROJECTOR_BATCH_SIZE (default 5,000), PROJECTOR_FLUSH_MS (default 100), LOG_LEVEL.
 */
export function projectorConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ProjectorAppConfig {
  const dataDir = resolve(env.LEDGER_DATA_DIR ?? './data');
  return {
    kafka: kafkaConfigFromEnv(env, 'backlog-ledger-projector'),
    analytics: analyticsConfigFromEnv(env, dataDir),
    batchSize: intVar(env, 'PROJECTOR_BATCH_SIZE', 5_000, 1, 100_000),
    flushMs: intVar(env, 'PROJECTOR_FLUSH_MS', 100, 0, 60_000),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

export interface RunningProjector {
  projector: AnalyticsProjector;
  client: ClickHouseClient;
  status(): ProjectorStatus;
  stop(): Promise<void>;
}

/**
 * The distributed tier's projector: the same AnalyticsProjector (rows by decision-row.ts, DecisionWriter,
 * checkpoint) as the embedded tier, fed by a Kafka consumer group instead of the event store.
 */
export async function startKafkaProjector(
  config: ProjectorAppConfig,
  options: { client?: ClickHouseClient; log?: KafkaLog; onAssignment?: (partitions: number[]) => void } = {},
): Promise<RunningProjector> {
  const log = options.log ?? jsonLineLog(config.logLevel);
  const client = options.client ?? createAnalyticsClient(config.analytics);
  await migrate(client, { database: config.analytics.database, cluster: config.analytics.cluster }, (line) => log('info', line));
  const kafka = createKafka(config.kafka, log);
  const source = new KafkaEventSource({
    kafka,
    topic: config.kafka.topic,
    dlqTopic: config.kafka.dlqTopic,
    groupId: config.kafka.groupId,
    log,
    onAssignment: options.onAssignment,
  });
  const projector = new AnalyticsProjector({
    client,
    database: config.analytics.database,
    source,
    batchSize: config.batchSize,
    flushMs: config.flushMs,
    headPollMs: 0,
    log,
  });
  await projector.start();
  log('info', 'projector started', { topic: config.kafka.topic, groupId: config.kafka.groupId, checkpoint: projector.checkpoint() });
  return {
    projector,
    client,
    status: () => projector.status(),
    stop: async () => {
      await projector.stop();
      if (!options.client) await client.close();
      log('info', 'projector stopped', { checkpoint: projector.checkpoint() });
    },
  };
}

function intVar(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}
