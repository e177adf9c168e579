import { kafkaConfigFromEnv } from './kafka-config';

describe('kafkaConfigFromEnv', () => {
  it('defaults to the local broker of infra/kafka/kafka.sh and the versioned topic', () => {
    expect(kafkaConfigFromEnv({}, 'backlog-ledger-relay')).toEqual({
      brokers: ['127.0.0.1:19092'],
      clientId: 'backlog-ledger-relay',
      topic: 'backlog-ledger.decisions.v1',
      dlqTopic: 'backlog-ledger.decisions.v1.dlq',
      partitions: 3,
      replicationFactor: 1,
      groupId: 'backlog-ledger-projector',
    });
  });

  it('reads KAFKA_* variables', () => {
    const c = kafkaConfigFromEnv({
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      KAFKA_TOPIC: 'ledger.v2',
      KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_CLIENT_ID: 'relay-a',
      KAFKA_GROUP_ID: 'analytics',
    });
    expect(c).toEqual({ brokers: ['k1:9092', 'k2:9092'], clientId: 'relay-a', topic: 'ledger.v2', dlqTopic: 'ledger.v2.dlq', partitions: 12, replicationFactor: 3, groupId: 'analytics' });
  });

  it.each([
    [{ KAFKA_BROKERS: 'no-port' }, /KAFKA_BROKERS/],
    [{ KAFKA_TOPIC: 'bad topic!' }, /KAFKA_TOPIC/],
    [{ KAFKA_TOPIC_PARTITIONS: '0' }, /KAFKA_TOPIC_PARTITIONS/],
    [{ KAFKA_TOPIC_PARTITIONS: 'many' }, /KAFKA_TOPIC_PARTITIONS/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => kafkaConfigFromEnv(env)).toThrow(message);
  });
});
