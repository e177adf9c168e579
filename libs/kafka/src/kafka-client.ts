import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { KafkaConfig } from './kafka-config';
import type { KafkaLog } from './kafka-event-source';

/** A kafkajs client whose own logging goes through our log (warnings and errors only). */
export function createKafka(config: Pick<KafkaConfig, 'brokers' | 'clientId'>, log: KafkaLog = () => undefined): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5_000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...fields } = entry;
        log(level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'info', `kafkajs: ${message}`, fields);
      },
  });
}
