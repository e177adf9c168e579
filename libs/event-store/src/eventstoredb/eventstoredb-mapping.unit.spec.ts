import {
  AccessDeniedError,
  ANY,
  MaxAppendSizeExceededError,
  NO_STREAM,
  StreamDeletedError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type EventData,
} from '@eventstore/db-client';
import type { EventToAppend, RecordedEvent } from '@ledger/kernel';
import { LedgerError } from '@ledger/kernel';
import { EventStoreUnavailableError, IdempotencyViolationError, WrongExpectedRevisionError } from '../event-store.port';
import { checkLink, idempotentResult, validateForEsdb } from './eventstoredb-event-store';
import { canonicalJson, eventHash, GENESIS_HASH } from '../hash-chain';
import {
  chainEvents,
  esdbStreamName,
  expectedMatches,
  fromCurrentRevision,
  fromResolvedEvent,
  isSystemEvent,
  mapEsdbError,
  portExpectedToEsdb,
  portStreamId,
  redactUrl,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toPortPosition,
} from './eventstoredb-mapping';

const PREFIX = 'run42_';

function event(n: number, extra: Partial<EventToAppend> = {}): EventToAppend {
  return {
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    type: 'item.killed',
    schemaVersion: 2,
    data: { reason: `reason ${n}`, nested: { b: 2, a: [1, null, 'ü'] } },
    metadata: { actor: { id: 'u-1', role: 'product-owner' }, correlationId: `corr-${n}`, causationId: n > 1 ? `cause-${n}` : null },
    ...extra,
  };
}

/** What the server hands back for an event the adapter wrote: JSON bodies parsed again, server fields added. */
function asStored(
  data: EventData,
  streamName: string,
  revision: number,
  position: number | null,
): AllStreamResolvedEvent {
  return {
    event: {
      streamId: streamName,
      id: data.id,
      isJson: true,
      revision: BigInt(revision),
      type: data.type,
      created: new Date('2025-01-01T00:00:00Z'),
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      ...(position === null ? {} : { position: { commit: BigInt(position), prepare: BigInt(position) } }),
    },
  } as unknown as AllStreamResolvedEvent;
}

describe('EventStoreDB mapping', () => {
  describe('stream names', () => {
    it('prefixes port stream ids and strips the prefix back, refusing other prefixes', () => {
      expect(esdbStreamName(PREFIX, 'item-7')).toBe('run42_item-7');
      expect(portStreamId(PREFIX, 'run42_item-7')).toBe('item-7');
      expect(portStreamId(PREFIX, 'run43_item-7')).toBeNull();
      expect(portStreamId(PREFIX, 'run42_')).toBeNull();
      expect(esdbStreamName('', 'item-7')).toBe('item-7');
      expect(portStreamId('', 'item-7')).toBe('item-7');
    });

    it('recognises system events by a $ on the stream name or the event type', () => {
      expect(isSystemEvent('$stats-127.0.0.1:2113', 'statsCollected')).toBe(true);
      expect(isSystemEvent('$$item-1', '$metadata')).toBe(true);
      expect(isSystemEvent('item-1', '$>')).toBe(true);
      expect(isSystemEvent('item-1', 'item.killed')).toBe(false);
      expect(isSystemEvent('item-$1', 'item.killed')).toBe(false);
    });
  });

  describe('revisions', () => {
    it('sends the head it read: NO_STREAM for a missing stream, the revision as bigint otherwise', () => {
      expect(toEsdbExpectedRevision('no-stream')).toBe(NO_STREAM);
      expect(toEsdbExpectedRevision(0)).toBe(0n);
      expect(toEsdbExpectedRevision(41)).toBe(41n);
      expect(portExpectedToEsdb('any')).toBe(ANY);
      expect(portExpectedToEsdb('no-stream')).toBe(NO_STREAM);
      expect(portExpectedToEsdb(3)).toBe(3n);
    });

    it("maps the server's current revision back to the port's actual revision", () => {
      expect(fromCurrentRevision(NO_STREAM)).toBe('no-stream');
      expect(fromCurrentRevision(5n)).toBe(5);
      expect(() => fromCurrentRevision(2n ** 60n)).toThrow(EventStoreUnavailableError);
    });

    it('checks the caller expectation against the head', () => {
      expect(expectedMatches('any', 'no-stream')).toBe(true);
      expect(expectedMatches('any', 4)).toBe(true);
      expect(expectedMatches('no-stream', 'no-stream')).toBe(true);
      expect(expectedMatches('no-stream', 0)).toBe(false);
      expect(expectedMatches(4, 4)).toBe(true);
      expect(expectedMatches(3, 4)).toBe(false);
      expect(expectedMatches(0, 'no-stream')).toBe(false);
    });
  });

  describe('positions', () => {
    it('uses the commit position as the port position, exactly up to 2^53 - 1', () => {
      expect(toPortPosition({ commit: 1_234_567n, prepare: 1_234_567n })).toBe(1_234_567);
      expect(toPortPosition({ commit: BigInt(Number.MAX_SAFE_INTEGER), prepare: 0n })).toBe(Number.MAX_SAFE_INTEGER);
      expect(() => toPortPosition({ commit: BigInt(Number.MAX_SAFE_INTEGER) + 1n, prepare: 0n })).toThrow(
        /2\^53/,
      );
    });

    it('turns a port position back into a $all position, 0 meaning the start', () => {
      expect(toEsdbPosition(0)).toBe('start');
      expect(toEsdbPosition(98_765)).toEqual({ commit: 98_765n, prepare: 98_765n });
      expect(toPortPosition(toEsdbPosition(98_765) as { commit: bigint; prepare: bigint })).toBe(98_765);
      expect(() => toEsdbPosition(-1)).toThrow(RangeError);
      expect(() => toEsdbPosition(1.5)).toThrow(RangeError);
    });
  });

  describe('hash chain in metadata', () => {
    it('chains from the genesis hash on a new stream, revisions from 0, hashes as the SQLite adapter computes them', () => {
      const events = [event(1), event(2)];
      const chained = chainEvents('item-1', events, null, GENESIS_HASH, '2025-03-01T10:00:00.000Z');

      expect(chained.map((c) => c.revision)).toEqual([0, 1]);
      expect(chained[0].prevHash).toBe(GENESIS_HASH);
      expect(chained[1].prevHash).toBe(chained[0].hash);
      expect(chained[0].hash).toBe(
        eventHash(GENESIS_HASH, {
          streamId: 'item-1',
          revision: 0,
          id: events[0].id,
          type: 'item.killed',
          schemaVersion: 2,
          dataJson: canonicalJson(events[0].data),
          metadataJson: canonicalJson(events[0].metadata),
          recordedAt: '2025-03-01T10:00:00.000Z',
        }),
      );
    });

    it('links to the stream head and never lets recordedAt go backwards within the stream', () => {
      const head = { revision: 6, hash: 'a'.repeat(64), recordedAt: '2025-03-01T10:00:05.000Z' };
      const [next] = chainEvents('item-1', [event(3)], head, GENESIS_HASH, '2025-03-01T10:00:00.000Z');
      expect(next).toMatchObject({ revision: 7, prevHash: head.hash, recordedAt: head.recordedAt });

      const [later] = chainEvents('item-1', [event(3)], head, GENESIS_HASH, '2025-03-01T11:00:00.000Z');
      expect(later.recordedAt).toBe('2025-03-01T11:00:00.000Z');
      expect(later.hash).not.toBe(next.hash);
    });

    it('writes JSON events whose metadata carries the envelope, the untouched port metadata and $correlationId/$causationId', () => {
      const [first, second] = chainEvents('item-1', [event(1), event(2)], null, GENESIS_HASH, '2025-03-01T10:00:00.000Z');
      const written = toEsdbEvent(second);

      expect(written).toMatchObject({ id: event(2).id, type: 'item.killed', contentType: 'application/json', data: event(2).data });
      expect(written.metadata).toEqual({
        $correlationId: 'corr-2',
        $causationId: 'cause-2',
        ledger: { v: 1, schemaVersion: 2, recordedAt: '2025-03-01T10:00:00.000Z', prevHash: first.hash, hash: second.hash },
        metadata: event(2).metadata,
      });
      expect(toEsdbEvent(first).metadata).not.toHaveProperty('$causationId');
    });

    it('reads back what it wrote as the same RecordedEvent, with a hash that still verifies', () => {
      const [chained] = chainEvents('item-1', [event(1)], null, GENESIS_HASH, '2025-03-01T10:00:00.000Z');
      const recorded = fromResolvedEvent(PREFIX, asStored(toEsdbEvent(chained), 'run42_item-1', 0, 4_096));

      expect(recorded).toEqual({
        ...event(1),
        streamId: 'item-1',
        revision: 0,
        position: 4_096,
        recordedAt: '2025-03-01T10:00:00.000Z',
        hash: chained.hash,
        prevHash: GENESIS_HASH,
      });
      expect(
        eventHash(recorded!.prevHash, {
          streamId: recorded!.streamId,
          revision: recorded!.revision,
          id: recorded!.id,
          type: recorded!.type,
          schemaVersion: recorded!.schemaVersion,
          dataJson: canonicalJson(recorded!.data),
          metadataJson: canonicalJson(recorded!.metadata),
          recordedAt: recorded!.recordedAt,
        }),
      ).toBe(recorded!.hash);
    });
  });

  describe('events that are not this store’s', () => {
    const [chained] = chainEvents('item-1', [event(1)], null, GENESIS_HASH, '2025-03-01T10:00:00.000Z');
    const ours = toEsdbEvent(chained);

    it.each<[string, AllStreamResolvedEvent]>([
      ['another prefix', asStored(ours, 'run43_item-1', 0, 10)],
      ['a system stream', asStored(ours, '$stats-node', 0, 10)],
      ['a system event type', asStored({ ...ours, type: '$metadata' } as EventData, 'run42_item-1', 0, 10)],
      ['an event without the ledger envelope', asStored({ ...ours, metadata: { $correlationId: 'x' } } as EventData, 'run42_item-1', 0, 10)],
      ['a binary event', { event: { ...asStored(ours, 'run42_item-1', 0, 10).event!, isJson: false, data: new Uint8Array([1]) } } as AllStreamResolvedEvent],
      ['a resolved link', { ...asStored(ours, 'run42_item-1', 0, 10), link: asStored(ours, '$ce-item', 0, 11).event } as AllStreamResolvedEvent],
      ['no event at all', {} as AllStreamResolvedEvent],
    ])('skips %s', (_, resolved) => {
      expect(fromResolvedEvent(PREFIX, resolved)).toBeNull();
    });

    it('refuses to invent a position when the server does not return one (server older than 22.6)', () => {
      expect(() => fromResolvedEvent(PREFIX, asStored(ours, 'run42_item-1', 0, null))).toThrow(/22\.6/);
    });
  });

  describe('errors', () => {
    const grpcUnavailable = {
      code: 14,
      details: 'No connection established',
      message: '14 UNAVAILABLE: No connection established',
      metadata: { getMap: () => ({}) },
    };

    it('maps a wrong expected version to WrongExpectedRevisionError with the caller expectation and the actual head', () => {
      const conflict = new WrongExpectedVersionError(undefined, { streamName: 'run42_item-1', expected: 0n, current: 1n });
      const mapped = mapEsdbError(conflict, { streamId: 'item-1', expected: 0 });
      expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ streamId: 'item-1', expected: 0, actual: 1, code: 'STREAM.WRONG_EXPECTED_REVISION' });

      const missing = new WrongExpectedVersionError(undefined, { streamName: 'run42_item-1', expected: 3n, current: NO_STREAM });
      expect(mapEsdbError(missing, { streamId: 'item-1', expected: 3 })).toMatchObject({ actual: 'no-stream' });
    });

    it('maps an unreachable server to STORE.UNAVAILABLE naming EVENTSTORE_URL and tls=false, without the password', () => {
      const mapped = mapEsdbError(new UnavailableError(grpcUnavailable as never), { url: 'esdb://admin:changeit@es:2113' });
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect(mapped).toMatchObject({ code: 'STORE.UNAVAILABLE', kind: 'unavailable' });
      const message = (mapped as Error).message;
      expect(message).toContain('esdb://admin:***@es:2113');
      expect(message).not.toContain('changeit');
      expect(message).toContain('EVENTSTORE_URL');
      expect(message).toContain('?tls=false');
    });

    it('recognises a refused connection the client did not wrap', () => {
      const raw = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2113'), { code: 'ECONNREFUSED' });
      expect((mapEsdbError(raw) as Error).message).toMatch(/cannot reach EventStoreDB.*EVENTSTORE_URL/);
    });

    it('points at the credentials on access denied', () => {
      const denied = new AccessDeniedError({ ...grpcUnavailable, code: 7, message: 'Access denied' } as never);
      const mapped = mapEsdbError(denied);
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as Error).message).toMatch(/credentials/);
    });

    it('maps an oversized append to a validation error and a deleted stream to STREAM.DELETED', () => {
      expect(mapEsdbError(new MaxAppendSizeExceededError(undefined, 1024), { streamId: 'item-1' })).toMatchObject({
        code: 'STREAM.INVALID_APPEND',
        kind: 'validation',
      });
      expect(mapEsdbError(new StreamDeletedError(undefined, 'run42_item-1'), { streamId: 'item-1' })).toMatchObject({
        code: 'STREAM.DELETED',
        kind: 'invariant',
      });
    });

    it('passes ledger errors through and wraps anything else as unavailable', () => {
      const ledger = new LedgerError('X.Y', 'validation', 'no');
      expect(mapEsdbError(ledger)).toBe(ledger);
      const other = mapEsdbError(new Error('boom'));
      expect(other).toBeInstanceOf(EventStoreUnavailableError);
      expect((other as Error).message).toContain('boom');
    });

    it('redacts only the password of a connection string', () => {
      expect(redactUrl('esdb://u:p@h:2113?tls=false')).toBe('esdb://u:***@h:2113?tls=false');
      expect(redactUrl('esdb://h:2113')).toBe('esdb://h:2113');
    });
  });
});

describe('EventStoreDB adapter rules without I/O', () => {
  const recorded = (revision: number, id: string, position: number): RecordedEvent => ({
    ...event(revision + 1),
    id,
    streamId: 'item-1',
    revision,
    position,
    recordedAt: '2025-03-01T10:00:00.000Z',
    hash: 'h'.repeat(64),
    prevHash: GENESIS_HASH,
  });

  it('treats a full, consecutive, same-order repeat as an idempotent retry with the original result', () => {
    const stored = [recorded(3, 'a', 100), recorded(4, 'b', 250)];
    expect(idempotentResult('item-1', stored)).toEqual({ nextRevision: 4, position: 250, alreadyAppended: true });
  });

  it('rejects partial overlaps and reordered ids with IdempotencyViolationError', () => {
    expect(() => idempotentResult('item-1', [recorded(3, 'a', 100), undefined])).toThrow(IdempotencyViolationError);
    expect(() => idempotentResult('item-1', [recorded(4, 'b', 250), recorded(3, 'a', 100)])).toThrow(
      IdempotencyViolationError,
    );
  });

  it('verifies a link: revision gap, prev-hash mismatch and altered content are each reported', () => {
    const [c0, c1] = chainEvents('item-1', [event(1), event(2)], null, GENESIS_HASH, '2025-03-01T10:00:00.000Z');
    const r0 = fromResolvedEvent(PREFIX, asStored(toEsdbEvent(c0), 'run42_item-1', 0, 100))!;
    const r1 = fromResolvedEvent(PREFIX, asStored(toEsdbEvent(c1), 'run42_item-1', 1, 300))!;

    expect(checkLink(r0, undefined)).toBeNull();
    expect(checkLink(r1, { revision: 0, hash: r0.hash })).toBeNull();
    expect(checkLink(r1, undefined)).toMatchObject({ problem: 'revision-gap', expected: '0', actual: '1', position: 300 });
    expect(checkLink(r1, { revision: 0, hash: 'f'.repeat(64) })).toMatchObject({ problem: 'prev-hash-mismatch' });
    expect(checkLink({ ...r1, data: { reason: 'forged' } }, { revision: 0, hash: r0.hash })).toMatchObject({
      problem: 'hash-mismatch',
      actual: r1.hash,
    });
  });

  it('refuses what EventStoreDB cannot store as the ledger expects: non-UUID ids, $ streams and $ types', () => {
    expect(() => validateForEsdb('item-1', [event(1)])).not.toThrow();
    expect(() => validateForEsdb('item-1', [{ ...event(1), id: 'not-a-uuid' }])).toThrow(/UUID/);
    expect(() => validateForEsdb('$item-1', [event(1)])).toThrow(/reserved/);
    expect(() => validateForEsdb('item-1', [{ ...event(1), type: '$metadata' }])).toThrow(/reserved/);
  });
});
