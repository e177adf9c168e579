import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { SqliteEventStore } from '@ledger/event-store';
import { appendHistory, generateHistory } from '../../analytics/src/testing/generated-history';
import { FileCheckpoint, KafkaRelay } from './relay';
import { HEADERS } from './message-codec';
import { readTopic, type TopicMessage } from './testing/read-topic';
import { testKafka, uniqueName } from './testing/broker';

function expectExactlyOnceInStreamOrder(messages: TopicMessage[], head: number) {
  const events = messages.filter((m) => m.decoded.kind === 'event');
  const positions = events.map((m) => Number(m.headers[HEADERS.position])).sort((a, b) => a - b);
  expect(positions).toEqual(Array.from({ length: head }, (_, i) => i + 1)); // each once, none missing
  const byStream = new Map<string, TopicMessage[]>();
  for (const m of events) {
    if (m.decoded.kind !== 'event') continue;
    const e = m.decoded.event;
    expect(m.key).toBe(e.streamId);
    expect(m.headers[HEADERS.type]).toBe(e.type);
    expect(m.headers[HEADERS.schemaVersion]).toBe(String(e.schemaVersion));
    expect(m.headers[HEADERS.eventId]).toBe(e.id);
    byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), m]);
  }
  for (const [, list] of byStream) {
    expect(new Set(list.map((m) => m.partition)).size).toBe(1); // one stream, one partition
    const inOffsetOrder = [...list].sort((a, b) => a.offset - b.offset).map((m) => (m.decoded.kind === 'event' ? m.decoded.event.revision : -1));
    expect(inOffsetOrder).toEqual(inOffsetOrder.map((_, i) => i)); // revisions 0,1,2,… in offset order
  }
}

describe('KafkaRelay (real Kafka broker, real SQLite store)', () => {
  let kafka: Kafka;
  let dir: string;

  beforeAll(() => {
    kafka = testKafka();
    dir = mkdtempSync(join(tmpdir(), 'ledger-relay-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes every event once, keyed by stream in per-item order, and a restart resumes from its checkpoint', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'a.sqlite'), pollIntervalMs: 20 });
    const topic = uniqueName('relay');
    const checkpoint = new FileCheckpoint(join(dir, 'a.checkpoint'));
    const first = await appendHistory(store, generateHistory({ events: 1500, backlogs: 3, seed: 3 }));
    const relay = new KafkaRelay({ kafka, store, checkpoint, topic, partitions: 3, maxBatch: 200 });
    await relay.start();
    expect(await relay.waitFor(first, 30_000)).toBe(true);
    // Live: events appended while the relay runs are picked up by the subscription.
    const live = await appendHistory(store, generateHistory({ events: 300, backlogs: 1, seed: 4 }));
    expect(await relay.waitFor(live, 30_000)).toBe(true);
    await relay.stop();
    expect(await checkpoint.read()).toBe(live);

    // Appended while the relay is down, then a new relay process (same checkpoint file).
    const head = await appendHistory(store, generateHistory({ events: 700, backlogs: 2, seed: 5 }));
    const restarted = new KafkaRelay({ kafka, store, checkpoint, topic, partitions: 3, maxBatch: 200 });
    await restarted.start();
    expect(await restarted.waitFor(head, 30_000)).toBe(true);
    await restarted.stop();

    const messages = await readTopic(kafka, topic);
    expectExactlyOnceInStreamOrder(messages, head);
    expect(new Set(messages.map((m) => m.partition)).size).toBe(3);
    // Every partition ends up told the final checkpoint (watermark message or floor header).
    const floorOf = (p: number) => Math.max(...messages.filter((m) => m.partition === p).map((m) => Number(m.headers[HEADERS.floor] ?? 0)));
    for (const p of [0, 1, 2]) expect(floorOf(p)).toBe(head);
    await store.close();
  }, 120_000);
});
