import {
  NO_STREAM,
  StreamNotFoundError,
  UnknownError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';

interface LogRecord {
  streamName: string;
  id: string;
  type: string;
  revision: number;
  data: unknown;
  metadata: unknown;
  position: bigint;
}

/**
 * An in-memory stand-in for the parts of an EventStoreDB node the adapter uses, with the server's semantics
 * where they differ from SQLite: $all positions are byte offsets with gaps, system events ($stats…) sit
 * between the ledger's events, readAll's fromPosition is inclusive and must be a record boundary ("invalid
 * position" otherwise), subscriptions start after their position, appends are deduplicated by event id at
 * the expected revision, and a missing stream is a StreamNotFoundError. It lets the contract suite exercise
 * the adapter's own logic here; it is not evidence about a real server (that run needs EVENTSTORE_URL).
 */
export class SimulatedEsdbServer {
  private readonly log: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private nextPosition = 1_000n;
  private appends = 0;
  private readonly waiters = new Set<() => void>();
  disposed = 0;

  client(): EventStoreDBClient {
    const server = this;
    return {
      appendToStream: (name: string, events: EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}) =>
        server.append(name, events, options.expectedRevision ?? 'any'),
      readStream: (name: string, options: { fromRevision?: bigint } = {}) => server.readStream(name, options.fromRevision ?? 0n),
      readAll: (options: { fromPosition?: ReadPosition; direction?: string; maxCount?: number } = {}) =>
        server.readAll(options.fromPosition ?? 'start', options.direction ?? 'forwards', options.maxCount ?? Number.MAX_SAFE_INTEGER),
      subscribeToAll: (options: { fromPosition?: ReadPosition } = {}) => server.subscribe(options.fromPosition ?? 'start'),
      dispose: async () => {
        server.disposed += 1;
      },
    } as unknown as EventStoreDBClient;
  }

  private async append(name: string, events: EventData[], expected: AppendExpectedRevision) {
    await new Promise((resolve) => setImmediate(resolve));
    const stream = this.streams.get(name) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const from = expected === NO_STREAM ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : stream.length;
    const already = events.every((e, i) => stream[from + i]?.id === e.id);
    if (already && expected !== 'any') {
      const last = stream[from + events.length - 1];
      return { success: true, nextExpectedRevision: BigInt(last.revision), position: pos(last.position) };
    }
    if (expected !== 'any' && expected !== current) {
      throw new WrongExpectedVersionError(undefined, { streamName: name, expected, current });
    }
    for (const e of events) {
      const record: LogRecord = {
        streamName: name,
        id: e.id,
        type: e.type,
        revision: stream.length,
        data: JSON.parse(JSON.stringify(e.data)),
        metadata: JSON.parse(JSON.stringify(e.metadata)),
        position: this.take(),
      };
      stream.push(record);
      this.log.push(record);
    }
    this.streams.set(name, stream);
    if (++this.appends % 3 === 0) {
      this.log.push({ streamName: '$stats-node', id: `stats-${this.appends}`, type: '$statsCollected', revision: 0, data: {}, metadata: {}, position: this.take() });
    }
    for (const wake of [...this.waiters]) wake();
    const last = stream[stream.length - 1];
    return { success: true, nextExpectedRevision: BigInt(last.revision), position: pos(last.position) };
  }

  /** Byte offsets: a gap of 100..499 between records, like variable-size log records. */
  private take(): bigint {
    const p = this.nextPosition;
    this.nextPosition += 100n + BigInt(Math.floor(Math.random() * 400));
    return p;
  }

  private async *readStream(name: string, fromRevision: bigint): AsyncGenerator<{ event: unknown }> {
    await Promise.resolve();
    const stream = this.streams.get(name);
    if (!stream) throw new StreamNotFoundError(undefined, name);
    for (const r of stream.slice(Number(fromRevision))) yield { event: resolved(r) };
  }

  private async *readAll(from: ReadPosition, direction: string, maxCount: number): AsyncGenerator<AllStreamResolvedEvent> {
    await Promise.resolve();
    let records: LogRecord[];
    if (direction === 'backwards') {
      records = [...this.log].reverse();
    } else if (from === 'start') {
      records = this.log;
    } else if (from === 'end') {
      records = [];
    } else {
      const at = this.log.findIndex((r) => r.position === from.commit);
      if (at < 0 && from.commit < this.nextPosition) throw new UnknownError(undefined, 'Invalid position');
      records = at < 0 ? [] : this.log.slice(at);
    }
    for (const r of records.slice(0, maxCount)) yield { event: resolved(r) } as AllStreamResolvedEvent;
  }

  private subscribe(from: ReadPosition) {
    const server = this;
    let stopped = false;
    let wake: (() => void) | null = null;
    async function* run(): AsyncGenerator<AllStreamResolvedEvent> {
      let cursor = from === 'start' ? -1n : from === 'end' ? server.nextPosition : from.commit;
      while (!stopped) {
        const next = server.log.find((r) => r.position > cursor);
        if (next) {
          cursor = next.position;
          yield { event: resolved(next) } as AllStreamResolvedEvent;
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = () => {
            server.waiters.delete(wake!);
            resolve();
          };
          server.waiters.add(wake);
        });
      }
    }
    const iterator = run();
    return {
      [Symbol.asyncIterator]: () => iterator,
      unsubscribe: async () => {
        stopped = true;
        wake?.();
      },
    };
  }
}

function pos(p: bigint): Position {
  return { commit: p, prepare: p };
}

function resolved(r: LogRecord) {
  return {
    streamId: r.streamName,
    id: r.id,
    isJson: true,
    revision: BigInt(r.revision),
    type: r.type,
    created: new Date(),
    data: r.data,
    metadata: r.metadata,
    position: pos(r.position),
  };
}
