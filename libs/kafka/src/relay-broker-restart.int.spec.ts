import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { appendHistory, generateHistory } from '../../analytics/src/testing/generated-history';
import { createKafka } from './kafka-client';
import { FileCheckpoint, KafkaRelay } from './relay';
import { HEADERS } from './message-codec';
import { readTopic } from './testing/read-topic';
import { kafkaSh, uniqueName, type BrokerInstance } from './testing/broker';

/**
 * Its own broker (another port and data dir), because this test stops it: the shared test broker keeps
 * serving the other Kafka specs running in parallel.
 */
describe('KafkaRelay when the broker stops mid-publish and comes back (real broker)', () => {
  let dir: string;
  let broker: BrokerInstance;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-broker-restart-'));
    broker = { port: 19192 + (process.pid % 50) * 2, homeDir: join(dir, 'broker') };
    kafkaSh('start', broker);
  }, 180_000);

  afterAll(() => {
    kafkaSh('stop', broker);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('recovers after the restart and nothing is lost', async () => {
    const kafka = createKafka({ brokers: [`127.0.0.1:${broker.port}`], clientId: 'restart-test' });
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    const topic = uniqueName('restart');
    const errors: string[] = [];
    const relay = new KafkaRelay({
      kafka,
      store,
      checkpoint: new FileCheckpoint(join(dir, 'relay.checkpoint')),
      topic,
      partitions: 3,
      maxBatch: 100,
      retryMs: 200,
      log: (level, msg) => level === 'error' && errors.push(msg),
    });
    await appendHistory(store, generateHistory({ events: 2_000, backlogs: 2, seed: 7 }));
    await relay.start();
    // A writer keeps appending while the broker goes away and comes back.
    let writing = true;
    const writer = (async () => {
      for (let seed = 100; writing; seed++) {
        await appendHistory(store, generateHistory({ events: 100, backlogs: 1, seed }));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    expect(await relay.waitFor(1_000, 30_000)).toBe(true);
    kafkaSh('stop', broker);
    const duringOutage = relay.checkpoint();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(relay.checkpoint()).toBe(duringOutage); // nothing acknowledged while the broker is down
    kafkaSh('start', broker);
    await new Promise((r) => setTimeout(r, 1_000));
    writing = false;
    await writer;
    const head = await store.headPosition();
    expect(head).toBeGreaterThan(duringOutage);
    expect(await relay.waitFor(head, 90_000)).toBe(true);
    await relay.stop();
    await store.close();

    const messages = (await readTopic(kafka, topic, 60_000)).filter((m) => m.decoded.kind === 'event');
    const positions = new Set(messages.map((m) => Number(m.headers[HEADERS.position])));
    expect(positions.size).toBe(head); // every position 1..head at least once (a re-published batch may repeat)
    expect(Math.max(...positions)).toBe(head);
    // Per stream, first appearances come in revision order.
    const seen = new Map<string, number>();
    for (const m of [...messages].sort((a, b) => a.partition - b.partition || a.offset - b.offset)) {
      if (m.decoded.kind !== 'event') continue;
      const { streamId, revision } = m.decoded.event;
      const last = seen.get(streamId) ?? -1;
      if (revision > last) {
        expect(revision).toBe(last + 1);
        seen.set(streamId, revision);
      }
    }
  }, 240_000);
});
