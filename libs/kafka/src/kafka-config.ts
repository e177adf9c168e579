/** Kafka settings of the distributed tier (relay and projector). */
export interface KafkaConfig {
  /** Bootstrap servers, host:port. */
  brokers: string[];
  clientId: string;
  /** Versioned topic of decision events. */
  topic: string;
  /** Dead-letter topic of the projector: `<topic>.dlq`. */
  dlqTopic: string;
  /** Partitions the relay creates the topic with (and the DLQ), if it does not exist yet. */
  partitions: number;
  /** Replication factor of the topics the relay creates. */
  replicationFactor: number;
  /** Consumer group of the projector. */
  groupId: string;
}

export const DEFAULT_TOPIC = 'backlog-ledger.decisions.v1';

/**
 * Reads KAFKA_BROKERS (comma-separated, default 127.0.0.1:19092: infra/kafka/kafka.sh), KAFKA_CLIENT_ID,
 * KAFKA_TOPIC, KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR, KAFKA_GROUP_ID.
 */
export function kafkaConfigFromEnv(env: NodeJS.ProcessEnv, clientIdDefault = 'backlog-ledger'): KafkaConfig {
  const brokers = (env.KAFKA_BROKERS || '127.0.0.1:19092').split(',').map((b) => b.trim()).filter(Boolean);
  for (const b of brokers) {
    if (!/^[A-Za-z0-9_.\-\[\]:]+:\d{1,5}$/.test(b)) throw new Error(`KAFKA_BROKERS must be host:port[,host:port…], got "${b}"`);
  }
  const topic = env.KAFKA_TOPIC || DEFAULT_TOPIC;
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(topic)) throw new Error(`KAFKA_TOPIC must be a Kafka topic name (letters, digits, . _ -), got "${topic}"`);
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID || clientIdDefault,
    topic,
    dlqTopic: `${topic}.dlq`,
    partitions: intVar(env, 'KAFKA_TOPIC_PARTITIONS', 3, 1, 1000),
    replicationFactor: intVar(env, 'KAFKA_REPLICATION_FACTOR', 1, 1, 10),
    groupId: env.KAFKA_GROUP_ID || 'backlog-ledger-projector',
  };
}

function intVar(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}
