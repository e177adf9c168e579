import { join, resolve } from 'node:path';
import { SqliteEventStore, type EventStore } from '@ledger/event-store';
import { createKafka, FileCheckpoint, jsonLineLog, KafkaRelay, kafkaConfigFromEnv, type KafkaConfig, type KafkaLog } from '@ledger/kafka';

export interface RelayAppConfig {
  kafka: KafkaConfig;
  eventStore: { kind: 'sqlite'; file: string; pollIntervalMs: number };
  checkpointFile: string;
  maxBatch: number;
  watermarkMs: number;
  logLevel: string;
}

/**
 * Env: KAFKA_* (libs/kafka kafka-config.ts), LEDGER_DATA_DIR / LEDGER_SQLITE_FILE / LEDGER_EVENT_STORE (as the
 * API), RELAY_CHECKPOINT_FILE (default <data dir>/relay-<topic>.checkpoint), RELAY_BATCH (default 1,000),
 * RELAY_POLL_MS (how often the store is polled for other processes' commits, default 50), RELAY_WATERMARK_MS
 * (default 20), LOG_LEVEL.
 */
export function relayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RelayAppConfig {
  const dataDir = resolve(env.LEDGER_DATA_DIR ?? './data');
  const kafka = kafkaConfigFromEnv(env, 'backlog-ledger-relay');
  const storeKind = env.LEDGER_EVENT_STORE ?? 'sqlite';
  if (storeKind !== 'sqlite') throw new Error(`LEDGER_EVENT_STORE="${storeKind}" is not available in this build; use "sqlite"`);
  return {
    kafka,
    eventStore: {
      kind: 'sqlite',
      file: env.LEDGER_SQLITE_FILE ? resolve(env.LEDGER_SQLITE_FILE) : join(dataDir, 'events.sqlite'),
      pollIntervalMs: intVar(env, 'RELAY_POLL_MS', 50, 1, 10_000),
    },
    checkpointFile: env.RELAY_CHECKPOINT_FILE ? resolve(env.RELAY_CHECKPOINT_FILE) : join(dataDir, `relay-${kafka.topic}.checkpoint`),
    maxBatch: intVar(env, 'RELAY_BATCH', 1_000, 1, 10_000),
    watermarkMs: intVar(env, 'RELAY_WATERMARK_MS', 20, 1, 60_000),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/** The store behind the event-store port (SQLite today; an EventStoreDB adapter plugs in here). */
export function openEventStore(config: RelayAppConfig['eventStore']): EventStore {
  return SqliteEventStore.open({ file: config.file, pollIntervalMs: config.pollIntervalMs });
}

export interface RunningRelay {
  relay: KafkaRelay;
  stop(): Promise<void>;
}

export async function startRelayApp(config: RelayAppConfig, log: KafkaLog = jsonLineLog(config.logLevel)): Promise<RunningRelay> {
  const store = openEventStore(config.eventStore);
  const relay = new KafkaRelay({
    kafka: createKafka(config.kafka, log),
    store,
    checkpoint: new FileCheckpoint(config.checkpointFile),
    topic: config.kafka.topic,
    dlqTopic: config.kafka.dlqTopic,
    partitions: config.kafka.partitions,
    replicationFactor: config.kafka.replicationFactor,
    maxBatch: config.maxBatch,
    watermarkMs: config.watermarkMs,
    log,
  });
  await relay.start();
  return {
    relay,
    stop: async () => {
      await relay.stop();
      await store.close();
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
