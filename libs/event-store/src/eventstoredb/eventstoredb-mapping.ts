import {
  AccessDeniedError,
  ANY,
  CancelledError,
  DeadlineExceededError,
  ErrorType,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, EventToAppend, RecordedEvent } from '@ledger/kernel';
import { LedgerError } from '@ledger/kernel';
import { EventStoreUnavailableError, ExpectedRevision, WrongExpectedRevisionError } from '../event-store.port';
import { canonicalJson, eventHash } from '../hash-chain';

/**
 * Pure translation between the port and EventStoreDB (no I/O here, so it is unit-tested without a server).
 *
 * Stored layout of one ledger event in EventStoreDB:
 * - event id = the port's event id (a UUID: EventStoreDB's own idempotency works on it);
 * - event type = the port's type; content type application/json; data = the port's data;
 * - metadata = { $correlationId, $causationId (EventStoreDB conventions, used by its system projections),
 *   ledger: { v, schemaVersion, recordedAt, prevHash, hash }, metadata: <the port's metadata, untouched> }.
 * The hash is computed exactly like the SQLite adapter's (hash-chain.ts), over the port-level stream id
 * (without the adapter's stream prefix), the revision, and the canonical JSON of data and metadata.
 */

export const LEDGER_ENVELOPE_VERSION = 1;

export interface LedgerEnvelope {
  v: number;
  schemaVersion: number;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

export interface StoredMetadata {
  $correlationId?: string;
  $causationId?: string;
  ledger: LedgerEnvelope;
  metadata: EventMetadata;
}

// ---------------------------------------------------------------- stream names

/** Port stream id → EventStoreDB stream name. */
export function esdbStreamName(prefix: string, streamId: string): string {
  return prefix + streamId;
}

/** EventStoreDB stream name → port stream id, or null when the stream is not one of this store's. */
export function portStreamId(prefix: string, streamName: string): string | null {
  if (!streamName.startsWith(prefix)) return null;
  const id = streamName.slice(prefix.length);
  return id.length > 0 ? id : null;
}

/**
 * `$`-prefixed streams and event types belong to EventStoreDB itself ($stats, $settings, $metadata,
 * projections' link events …); the ledger never reads or writes them.
 */
export function isSystemEvent(streamName: string, eventType: string): boolean {
  return streamName.startsWith('$') || eventType.startsWith('$');
}

// ---------------------------------------------------------------- revisions

/**
 * The revision the adapter sends with an append. It is always the stream head the adapter has just read
 * (never ANY), because the hash chain links to that head: if another writer got in between, the server must
 * reject the append instead of storing an event whose prevHash points at the wrong predecessor.
 */
export function toEsdbExpectedRevision(head: number | 'no-stream'): AppendExpectedRevision {
  return head === 'no-stream' ? NO_STREAM : BigInt(head);
}

/** Port expected revision → EventStoreDB's, for callers that do not chain (kept for symmetry and tests). */
export function portExpectedToEsdb(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  return toEsdbExpectedRevision(expected);
}

/** EventStoreDB's current revision (NO_STREAM | bigint) → the port's actual revision. */
export function fromCurrentRevision(current: CurrentRevision | AppendExpectedRevision): number | 'no-stream' {
  if (typeof current === 'bigint') return toSafeNumber(current, 'revision');
  if (current === NO_STREAM) return 'no-stream';
  throw new EventStoreUnavailableError(`unexpected current revision from EventStoreDB: ${String(current)}`);
}

/** Whether `expected` (the caller's) is satisfied by the stream head. */
export function expectedMatches(expected: ExpectedRevision, head: number | 'no-stream'): boolean {
  return expected === 'any' || expected === head;
}

// ---------------------------------------------------------------- positions

/**
 * The port's global position of an EventStoreDB event: its commit position. Events appended through gRPC
 * are implicit transactions whose every prepare is flagged committed, so each event's $all position is
 * (commit = prepare = its own log position): unique per event and strictly increasing in $all order, but
 * a byte offset, so NOT gap-free. Commit positions are unsigned 64-bit; numbers are exact up to 2^53
 * (8 PiB of transaction log), beyond which this throws rather than silently rounding.
 */
export function toPortPosition(position: Position): number {
  return toSafeNumber(position.commit, 'commit position');
}

/** A port position the adapter handed out earlier, back as an EventStoreDB $all position. */
export function toEsdbPosition(position: number): ReadPosition {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`position must be a non-negative safe integer, got ${String(position)}`);
  }
  if (position === 0) return 'start';
  const p = BigInt(position);
  return { commit: p, prepare: p };
}

function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new EventStoreUnavailableError(
      `EventStoreDB ${what} ${value.toString()} is outside 0..2^53-1 and cannot be represented exactly (see ADR 0012)`,
    );
  }
  return Number(value);
}

// ---------------------------------------------------------------- events

export interface ChainedEvent {
  event: EventToAppend;
  streamId: string;
  revision: number;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

/** Computes the hash-chain fields of the events of one append, linked to the stream head. */
export function chainEvents(
  streamId: string,
  events: EventToAppend[],
  head: { revision: number; hash: string; recordedAt: string } | null,
  genesisHash: string,
  now: string,
): ChainedEvent[] {
  // recordedAt never goes backwards within a stream, even if this writer's clock is behind the last one's.
  const recordedAt = head && head.recordedAt > now ? head.recordedAt : now;
  let revision = head ? head.revision + 1 : 0;
  let prevHash = head ? head.hash : genesisHash;
  return events.map((event) => {
    const hash = eventHash(prevHash, {
      streamId,
      revision,
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      dataJson: canonicalJson(event.data),
      metadataJson: canonicalJson(event.metadata),
      recordedAt,
    });
    const chained: ChainedEvent = { event, streamId, revision, recordedAt, prevHash, hash };
    prevHash = hash;
    revision += 1;
    return chained;
  });
}

/** The EventStoreDB event written for a chained ledger event. */
export function toEsdbEvent(chained: ChainedEvent): EventData {
  const { event } = chained;
  const metadata: StoredMetadata = {
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
    ledger: {
      v: LEDGER_ENVELOPE_VERSION,
      schemaVersion: event.schemaVersion,
      recordedAt: chained.recordedAt,
      prevHash: chained.prevHash,
      hash: chained.hash,
    },
    metadata: event.metadata,
  };
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: metadata as unknown as Record<string, unknown>,
  });
}

/**
 * A resolved EventStoreDB event → the port's RecordedEvent; null when it is not a ledger event of this store
 * (another prefix, a system event, a link, or an event without the ledger envelope).
 */
export function fromResolvedEvent(
  prefix: string,
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): RecordedEvent | null {
  const e = resolved.event;
  if (!e || resolved.link) return null;
  if (isSystemEvent(e.streamId, e.type)) return null;
  const streamId = portStreamId(prefix, e.streamId);
  if (streamId === null) return null;
  if (!e.isJson || !isObject(e.data)) return null;
  const stored = e.metadata;
  if (!isStoredMetadata(stored)) return null;
  if (!e.position) {
    throw new EventStoreUnavailableError(
      'EventStoreDB did not return event positions on a stream read; the ledger needs server version 22.6 or later',
    );
  }
  return {
    id: e.id,
    type: e.type,
    schemaVersion: stored.ledger.schemaVersion,
    data: e.data as Record<string, unknown>,
    metadata: stored.metadata,
    streamId,
    revision: toSafeNumber(e.revision, 'revision'),
    position: toPortPosition(e.position),
    recordedAt: stored.ledger.recordedAt,
    hash: stored.ledger.hash,
    prevHash: stored.ledger.prevHash,
  };
}

function isStoredMetadata(value: unknown): value is StoredMetadata {
  if (!isObject(value)) return false;
  const { ledger, metadata } = value as Partial<StoredMetadata>;
  return (
    isObject(ledger) &&
    isObject(metadata) &&
    Number.isSafeInteger(ledger.schemaVersion) &&
    typeof ledger.recordedAt === 'string' &&
    typeof ledger.hash === 'string' &&
    typeof ledger.prevHash === 'string'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

// ---------------------------------------------------------------- errors

const CHECK_CONNECTION =
  'check that EVENTSTORE_URL points at a running EventStoreDB/KurrentDB node (esdb://host:2113), ' +
  'that its TLS setting matches the server (append ?tls=false for an insecure development server), ' +
  'and that the server is up and reachable from here';

/**
 * Client errors → port errors. Connectivity problems become EventStoreUnavailableError (STORE.UNAVAILABLE,
 * 503) with what to check; a concurrency conflict becomes WrongExpectedRevisionError carrying the caller's
 * expected revision and the server's actual one.
 */
export function mapEsdbError(
  error: unknown,
  context: { streamId?: string; expected?: ExpectedRevision; url?: string } = {},
): unknown {
  if (error instanceof LedgerError) return error;
  if (error instanceof WrongExpectedVersionError && context.streamId !== undefined) {
    return new WrongExpectedRevisionError(
      context.streamId,
      context.expected ?? 'any',
      fromCurrentRevision(error.actualVersion),
    );
  }
  const where = context.url ? ` at ${redactUrl(context.url)}` : '';
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError
  ) {
    return new EventStoreUnavailableError(`EventStoreDB${where} is unavailable${detail}; ${CHECK_CONNECTION}`);
  }
  if (error instanceof NotLeaderError) {
    return new EventStoreUnavailableError(
      `EventStoreDB${where} answered from a follower node${detail}; connect to the leader (nodePreference=leader in EVENTSTORE_URL)`,
    );
  }
  if (error instanceof AccessDeniedError) {
    return new EventStoreUnavailableError(
      `EventStoreDB${where} denied access${detail}; check the credentials in EVENTSTORE_URL (esdb://user:password@host:2113)`,
    );
  }
  if (error instanceof StreamDeletedError) {
    return new LedgerError('STREAM.DELETED', 'invariant', `stream ${context.streamId ?? error.streamName} was deleted in EventStoreDB`, {
      streamId: context.streamId,
    });
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new LedgerError(
      'STREAM.INVALID_APPEND',
      'validation',
      `the append is larger than the server's maximum append size (${error.maxAppendSize} bytes)`,
      { streamId: context.streamId },
    );
  }
  if (isConnectionFailure(error)) {
    return new EventStoreUnavailableError(`cannot reach EventStoreDB${where}${detail}; ${CHECK_CONNECTION}`);
  }
  return new EventStoreUnavailableError(`EventStoreDB${where} request failed${detail}`);
}

/** The server could not be reached at all (as opposed to answering with an error). */
export function isTransportFailure(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    isConnectionFailure(error)
  );
}

/** gRPC transport failures that the client does not wrap (DNS, refused connection, TLS handshake). */
function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const type = (error as { type?: unknown }).type;
  if (type === ErrorType.UNAVAILABLE || type === ErrorType.DEADLINE_EXCEEDED) return true;
  const code = (error as { code?: unknown }).code;
  if (code === 14 || code === 4 || code === 'ECONNREFUSED' || code === 'ENOTFOUND') return true;
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|failed to connect|No connection established|SSL|TLS|handshake|discover/i.test(
    error.message,
  );
}

/** Connection strings may carry a password: never put it in an error message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]*)@/, '//$1:***@');
}
