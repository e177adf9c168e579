import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import {
  AnalyticsProjector,
  DecisionWriter,
  EventStoreSource,
  health,
  influence,
  reversals,
  zombies,
  zombieTrend,
  type MetricScope,
} from '@ledger/analytics';
import { encodeEvent, ensureTopics, FileCheckpoint, HEADERS, KafkaRelay, DLQ_HEADERS } from '@ledger/kafka';
import { startAnalytics, type AnalyticsHarness } from '../../../libs/analytics/src/testing/analytics-harness';
import { appendHistory, generateHistory } from '../../../libs/analytics/src/testing/generated-history';
import { digest } from '../../../libs/analytics/src/testing/digest';
import { testKafka, testBrokers, uniqueName } from '../../../libs/kafka/src/testing/broker';
import { readTopic } from '../../../libs/kafka/src/testing/read-topic';
import { startKafkaProjector, type ProjectorAppConfig } from './kafka-projector';

const quiet = () => undefined;

/** Every metric the API serves, for each backlog of the history, as of its end. */
async function allMetrics(analytics: AnalyticsHarness, database: string, backlogIds: string[], at: Date) {
  const period = { from: new Date('2026-01-01T00:00:00Z'), to: at };
  const out: Record<string, unknown> = {};
  for (const id of backlogIds) {
    const scope: MetricScope = { database, backlogIds: [id], at };
    out[id] = {
      zombies: await zombies(analytics.client, scope),
      reversals: await reversals(analytics.client, scope, period),
      health: await health(analytics.client, scope, period),
      influence: await influence(analytics.client, scope, period),
      trend: await zombieTrend(analytics.client, scope, [new Date('2026-03-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'), at]),
    };
  }
  return out;
}

describe('projector over Kafka (real broker, real chDB, real SQLite store)', () => {
  let analytics: AnalyticsHarness;
  let kafka: Kafka;
  let brokers: string[];
  let dir: string;
  let store: SqliteEventStore;
  let head: number;
  let backlogIds: string[];
  let at: Date;
  let embeddedDb: string;

  const config = (topic: string, groupId: string, database: string): ProjectorAppConfig => ({
    kafka: { brokers, clientId: 'test-projector', topic, dlqTopic: `${topic}.dlq`, partitions: 4, replicationFactor: 1, groupId },
    analytics: { kind: 'chdb', path: 'in-process', database },
    batchSize: 500,
    flushMs: 20,
    logLevel: 'silent',
  });

  /** Relay → Kafka: the whole store published to a new topic with 4 partitions. */
  async function publishAll(topic: string): Promise<void> {
    const relay = new KafkaRelay({
      kafka,
      store,
      checkpoint: new FileCheckpoint(join(dir, `${topic}.checkpoint`)),
      topic,
      dlqTopic: `${topic}.dlq`,
      partitions: 4,
      maxBatch: 500,
    });
    await relay.start();
    expect(await relay.waitFor(head, 60_000)).toBe(true);
    await relay.stop();
  }

  beforeAll(async () => {
    brokers = testBrokers();
    kafka = testKafka(brokers);
    analytics = await startAnalytics();
    dir = mkdtempSync(join(tmpdir(), 'ledger-kafka-projector-'));
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const history = generateHistory({ events: 6_000, backlogs: 3, seed: 21 });
    head = await appendHistory(store, history);
    backlogIds = [...new Set(history.filter((e) => e.type === 'backlog.created').map((e) => String(e.data.backlogId)))];
    at = new Date(history[history.length - 1].recordedAt);
    // The embedded tier: the same projector fed straight from the store.
    embeddedDb = await analytics.freshDatabase();
    const embedded = new AnalyticsProjector({ client: analytics.client, database: embeddedDb, source: new EventStoreSource(store), batchSize: 500, flushMs: 20 });
    await embedded.start();
    expect(await embedded.waitFor(head, 60_000)).toBe(true);
    await embedded.stop();
  }, 180_000);

  afterAll(async () => {
    await store?.close();
    await analytics?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('produces exactly the metrics of the embedded tier for the same history, checkpoint = head', async () => {
    const topic = uniqueName('proj-same');
    await publishAll(topic);
    const db = await analytics.freshDatabase();
    const running = await startKafkaProjector(config(topic, uniqueName('g'), db), { client: analytics.client, log: quiet });
    expect(await running.projector.waitFor(head, 60_000)).toBe(true);
    await running.stop();
    expect(running.projector.checkpoint()).toBe(head);
    expect(await new DecisionWriter(analytics.client, db).readCheckpoint()).toBe(head);
    expect(await digest(analytics.client, db)).toEqual(await digest(analytics.client, embeddedDb));
    const viaKafka = await allMetrics(analytics, db, backlogIds, at);
    const embedded = await allMetrics(analytics, embeddedDb, backlogIds, at);
    expect(viaKafka).toEqual(embedded);
    // Not vacuous: the history has reversals for the comparison to catch.
    const reports = Object.values(embedded) as Array<{ reversals: { reversingDecisions: number } }>;
    expect(reports.some((r) => r.reversals.reversingDecisions > 0)).toBe(true);
  }, 180_000);

  it('two instances in one group split the partitions and the totals are still exact', async () => {
    const topic = uniqueName('proj-two');
    const groupId = uniqueName('g');
    await ensureTopics(kafka, [{ topic, numPartitions: 4, replicationFactor: 1 }, { topic: `${topic}.dlq`, numPartitions: 4, replicationFactor: 1 }]);
    const db = await analytics.freshDatabase();
    const assignments: Array<number[]> = [[], []];
    const a = await startKafkaProjector(config(topic, groupId, db), { client: analytics.client, log: quiet, onAssignment: (p) => (assignments[0] = p) });
    const b = await startKafkaProjector(config(topic, groupId, db), { client: analytics.client, log: quiet, onAssignment: (p) => (assignments[1] = p) });
    // Both in the group (the rebalance after b joined is done) before anything is published.
    for (let i = 0; i < 200 && !(assignments[0].length > 0 && assignments[1].length > 0 && assignments[0].length + assignments[1].length === 4); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect([...assignments[0], ...assignments[1]].sort()).toEqual([0, 1, 2, 3]);
    await publishAll(topic);
    expect(await a.projector.waitFor(head, 60_000)).toBe(true);
    expect(await b.projector.waitFor(head, 60_000)).toBe(true);
    // Both did work (each saw events of its own partitions).
    expect(a.projector.status().head).toBeGreaterThan(0);
    expect(b.projector.status().head).toBeGreaterThan(0);
    await a.stop();
    await b.stop();
    expect(await digest(analytics.client, db)).toEqual(await digest(analytics.client, embeddedDb));
    expect(await new DecisionWriter(analytics.client, db).readCheckpoint()).toBe(head);
  }, 180_000);

  it('sends a malformed message to the dead-letter topic with the reason, and the rest of the partition flows on', async () => {
    const topic = uniqueName('proj-dlq');
    const dlqTopic = `${topic}.dlq`;
    await ensureTopics(kafka, [{ topic, numPartitions: 1, replicationFactor: 1 }, { topic: dlqTopic, numPartitions: 1, replicationFactor: 1 }]);
    const events: RecordedEvent[] = await store.readAll({ after: 0, limit: 60 });
    const good = (e: RecordedEvent, floor: number) => ({ ...encodeEvent(e, floor), partition: 0 });
    const valid = encodeEvent(events[40], 0).headers!;
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [
        ...events.slice(0, 20).map((e) => good(e, 0)),
        { partition: 0, key: 'x', value: '{"id": "broken', headers: { ...valid } }, // not JSON
        { partition: 0, key: 'x', value: JSON.stringify({ ...events[40], data: undefined }), headers: { ...valid } }, // missing data
        { partition: 0, key: 'x', value: JSON.stringify(events[41]), headers: { ...encodeEvent(events[41], 0).headers, [HEADERS.envelope]: '99' } }, // unknown version
        ...events.slice(20, 60).map((e) => good(e, 20)),
      ],
    });
    await producer.disconnect();
    const db = await analytics.freshDatabase();
    const running = await startKafkaProjector(config(topic, uniqueName('g'), db), { client: analytics.client, log: quiet });
    expect(await running.projector.waitFor(60, 60_000)).toBe(true);
    await running.stop();

    const rows = await analytics.client.query({ query: `SELECT toString(count()) AS n, toString(max(position)) AS max FROM ${db}.decisions FINAL`, format: 'JSONEachRow' });
    const [{ n, max }] = await rows.json<{ n: string; max: string }>();
    const expected = await analytics.freshDatabase();
    await analytics.insert(expected, events);
    expect(await digest(analytics.client, db)).toEqual(await digest(analytics.client, expected));
    expect(Number(max)).toBe(60);
    expect(Number(n)).toBeGreaterThan(50);

    const dead = await readTopic(kafka, dlqTopic);
    expect(dead).toHaveLength(3);
    expect(dead.map((m) => m.headers[DLQ_HEADERS.offset])).toEqual(['20', '21', '22']);
    expect(dead.every((m) => m.headers[DLQ_HEADERS.partition] === '0' && m.headers[DLQ_HEADERS.topic] === topic)).toBe(true);
    expect(dead[0].headers[DLQ_HEADERS.reason]).toMatch(/not JSON/);
    expect(dead[1].headers[DLQ_HEADERS.reason]).toMatch(/"data"/);
    expect(dead[2].headers[DLQ_HEADERS.reason]).toMatch(/envelope-version/);
    expect(dead[0].value?.toString()).toBe('{"id": "broken');
  }, 180_000);
});
