import { randomUUID } from 'node:crypto';
import { describeEventStoreContract, newEvent, newStreamId, rejectionOf } from '../testing/event-store.contract';
import { EventStoreUnavailableError } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * Runs the shared contract against a real EventStoreDB/KurrentDB node when EVENTSTORE_URL is set, e.g.
 *   docker run -p 2113:2113 docker.kurrent.io/kurrent-latest/kurrentdb:latest --insecure --run-projections=None
 *   EVENTSTORE_URL='esdb://localhost:2113?tls=false' npx jest libs/event-store/src/eventstoredb
 * Every run uses its own stream prefix, so repeated runs against the same server never see each other.
 */
const url = process.env.EVENTSTORE_URL;
const runPrefix = `ledgertest${randomUUID().replace(/-/g, '').slice(0, 12)}_`;

if (url) {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = EventStoreDbEventStore.connect({ connectionString: url, streamPrefix: runPrefix });
    return { store, cleanup: () => store.close() };
  });

  describe('EventStoreDbEventStore against a server', () => {
    it('keeps the streams of another prefix out of readAll, subscribeAll and headPosition', async () => {
      const mine = EventStoreDbEventStore.connect({ connectionString: url, streamPrefix: runPrefix });
      const other = EventStoreDbEventStore.connect({ connectionString: url, streamPrefix: `${runPrefix}other_` });
      try {
        const head = await mine.headPosition();
        const foreign = await other.append(newStreamId(), [newEvent()], 'no-stream');
        // `${runPrefix}other_` also starts with runPrefix: its streams are read back as "other_contract-…".
        const seen = await mine.readAll({ after: head, limit: 10 });
        expect(seen.map((e) => e.position)).toContain(foreign.position);
        expect(seen.find((e) => e.position === foreign.position)?.streamId.startsWith('other_')).toBe(true);

        const isolated = EventStoreDbEventStore.connect({ connectionString: url, streamPrefix: `x${runPrefix}` });
        try {
          expect(await isolated.readAll({ after: head, limit: 10 })).toEqual([]);
        } finally {
          await isolated.close();
        }
      } finally {
        await Promise.all([mine.close(), other.close()]);
      }
    });
  });
} else {
  describe.skip('EventStore contract: EventStoreDB (skipped: EVENTSTORE_URL is not set — EventStoreDB cannot run on this machine)', () => {
    it('runs the shared contract suite against a real EventStoreDB node', () => undefined);
  });
}

describe('EventStoreDbEventStore without a server', () => {
  it('rejects a connection string that is not an EventStoreDB URL with a clear STORE.UNAVAILABLE error', () => {
    let error: unknown;
    try {
      EventStoreDbEventStore.connect({ connectionString: 'http://user:secret@localhost:2113' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error).toMatchObject({ code: 'STORE.UNAVAILABLE' });
    expect((error as Error).message).toContain('EVENTSTORE_URL');
    expect((error as Error).message).not.toContain('secret');
  });

  it('maps an unreachable server to EventStoreUnavailableError saying what to check', async () => {
    // Port 1 on localhost: nothing listens there, the connection is refused at once.
    const store = EventStoreDbEventStore.connect({ connectionString: 'esdb://127.0.0.1:1?tls=false' });
    try {
      const error = await rejectionOf(store.readStream('item-1'));
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toMatch(/EVENTSTORE_URL/);
      expect((error as Error).message).toMatch(/tls=false/);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('rejects appends after close without contacting the server', async () => {
    const store = EventStoreDbEventStore.connect({ connectionString: 'esdb://127.0.0.1:1?tls=false' });
    await store.close();
    expect(await rejectionOf(store.append(newStreamId(), [newEvent()], 'any'))).toBeInstanceOf(EventStoreUnavailableError);
    expect(() => store.subscribeAll(0, () => undefined)).toThrow(EventStoreUnavailableError);
  });
});
