import { Kafka, logLevel, Partitioners, type LogEntry, type ProducerConfig } from 'kafkajs';
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

/**
 * Producer settings of the relay and the dead-letter publisher: idempotent (acks=all is set per send), one
 * request in flight (keeps per-partition order across retries), Java-compatible murmur2 partitioner, and
 * unbounded retries as kafkajs requires for idempotence (a broker outage makes a send wait, not fail).
 */
export const IDEMPOTENT_PRODUCER: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
  retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5_000 },
};
