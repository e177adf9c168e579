import { describeEventStoreContract, newEvent, newStreamId } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { SimulatedEsdbServer } from '../testing/simulated-eventstoredb';

/*
 * The shared contract against the adapter over an in-memory simulation of EventStoreDB's semantics (positions
 * with gaps, system events in $all, inclusive/exclusive start positions, dedup by event id). It checks the
 * adapter's own logic on this machine; the real-server run is eventstoredb-event-store.int.spec.ts.
 */
describeEventStoreContract('EventStoreDB adapter over a simulated server', async () => {
  const server = new SimulatedEsdbServer();
  const store = new EventStoreDbEventStore(server.client(), { streamPrefix: 'sim_' });
  return { store, cleanup: () => store.close() };
});

describe('EventStoreDbEventStore over a simulated server', () => {
  it('hands out positions with gaps (log offsets) that still page, subscribe and verify', async () => {
    const server = new SimulatedEsdbServer();
    const store = new EventStoreDbEventStore(server.client(), { streamPrefix: 'sim_' });
    const s = newStreamId();
    await store.append(s, [newEvent(), newEvent()], 'no-stream');
    await store.append(s, [newEvent()], 1);
    const stored = await store.readStream(s);
    expect(stored[1].position - stored[0].position).toBeGreaterThan(1);
    expect(await store.readAll({ after: stored[0].position + 1, limit: 1 })).toEqual([stored[1]]);
    expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 3, streamsChecked: 1 });
    await store.close();
    expect(server.disposed).toBe(1);
  });

  it("retries an 'any' append that lost the race, linking its chain to the winner", async () => {
    const server = new SimulatedEsdbServer();
    const a = new EventStoreDbEventStore(server.client(), { streamPrefix: 'sim_' });
    const b = new EventStoreDbEventStore(server.client(), { streamPrefix: 'sim_' });
    const s = newStreamId();
    await a.append(s, [newEvent()], 'no-stream');
    const results = await Promise.all([a.append(s, [newEvent()], 'any'), b.append(s, [newEvent()], 'any')]);

    expect(results.map((r) => r.nextRevision).sort()).toEqual([1, 2]);
    const stream = await a.readStream(s);
    expect(stream.map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(stream[2].prevHash).toBe(stream[1].hash);
    expect((await a.verify()).ok).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  it('reports a concurrent identical append that the server deduplicated as alreadyAppended', async () => {
    const server = new SimulatedEsdbServer();
    const store = new EventStoreDbEventStore(server.client(), { streamPrefix: 'sim_' });
    const s = newStreamId();
    const events = [newEvent(), newEvent()];
    let tick = 0;
    const clocked = new EventStoreDbEventStore(server.client(), {
      streamPrefix: 'sim_',
      clock: { now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, tick++)) },
    });
    const [first, second] = await Promise.all([store.append(s, events, 'no-stream'), clocked.append(s, events, 'no-stream')]);

    expect([first.alreadyAppended, second.alreadyAppended].sort()).toEqual([false, true]);
    expect(first.position).toBe(second.position);
    expect(await store.readStream(s)).toHaveLength(2);
    await Promise.all([store.close(), clocked.close()]);
  });
});
