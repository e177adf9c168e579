import type { EventToAppend } from '@ledger/kernel';
import { LedgerError } from '@ledger/kernel';
import type { ExpectedRevision } from './event-store.port';
import type { SerializedEventToAppend } from './batch-append';

export const MAX_STREAM_ID_LENGTH = 200;

/**
 * Shape checks every adapter runs before touching storage. Throws a LedgerError of kind
 * 'validation' (code STREAM.INVALID_APPEND): the request itself is wrong, retrying cannot help.
 */
export function validateAppend(
  streamId: string,
  events: ReadonlyArray<EventToAppend | SerializedEventToAppend>,
  expected: ExpectedRevision,
): void {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) {
    invalid(`stream id must be a non-empty string of at most ${MAX_STREAM_ID_LENGTH} characters`, streamId);
  }
  if (!(expected === 'any' || expected === 'no-stream' || (Number.isSafeInteger(expected) && expected >= 0))) {
    invalid(`expected revision must be 'any', 'no-stream' or an integer >= 0, got ${String(expected)}`, streamId);
  }
  if (!Array.isArray(events) || events.length === 0) invalid('an append needs at least one event', streamId);

  const ids = new Set<string>();
  for (const event of events) {
    if (typeof event?.id !== 'string' || event.id.length === 0) invalid('every event needs a non-empty id', streamId);
    if (ids.has(event.id)) invalid(`event id ${event.id} appears twice in the same append`, streamId);
    ids.add(event.id);
    if (typeof event.type !== 'string' || event.type.length === 0) invalid(`event ${event.id}: type must be a non-empty string`, streamId);
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      invalid(`event ${event.id}: schemaVersion must be an integer >= 1`, streamId);
    }
    if ('dataJson' in event) {
      // Already serialized (SerializedEventToAppend): the text of an object, as canonicalJson writes it.
      if (!isObjectText(event.dataJson)) invalid(`event ${event.id}: dataJson must be the JSON text of an object`, streamId);
      if (!isObjectText(event.metadataJson)) invalid(`event ${event.id}: metadataJson must be the JSON text of an object`, streamId);
      continue;
    }
    if (!isPlainObject(event.data)) invalid(`event ${event.id}: data must be an object`, streamId);
    if (!isPlainObject(event.metadata)) invalid(`event ${event.id}: metadata must be an object`, streamId);
  }
}

function isObjectText(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('{') && value.endsWith('}');
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string, streamId: unknown): never {
  throw new LedgerError('STREAM.INVALID_APPEND', 'validation', message, { streamId });
}
