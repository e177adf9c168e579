import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { RecordedEvent } from '@ledger/kernel';

/**
 * The wire format of `backlog-ledger.decisions.v1` (ADR 0010).
 * - event message: key = stream id (one item's decisions stay in one partition, in order), value = the
 *   RecordedEvent as JSON, headers `envelope-version`, `type`, `schema-version`, `position`, `event-id`,
 *   `stream-id`, `floor`.
 * - watermark message: no key, empty value, headers `envelope-version`, `ledger-kind: watermark`, `floor`.
 * `floor` = the relay's acknowledged checkpoint when the message was sent: every event with position <= floor
 * was already in Kafka (acked) before this message, so it sits at an earlier offset of its own partition.
 * Consumers of the topic must skip watermark messages.
 */
export const ENVELOPE_VERSION = 1;

export const HEADERS = {
  envelope: 'envelope-version',
  kind: 'ledger-kind',
  type: 'type',
  schemaVersion: 'schema-version',
  position: 'position',
  eventId: 'event-id',
  streamId: 'stream-id',
  floor: 'floor',
} as const;

export function encodeEvent(event: RecordedEvent, floor: number): Message {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      [HEADERS.envelope]: String(ENVELOPE_VERSION),
      [HEADERS.type]: event.type,
      [HEADERS.schemaVersion]: String(event.schemaVersion),
      [HEADERS.position]: String(event.position),
      [HEADERS.eventId]: event.id,
      [HEADERS.streamId]: event.streamId,
      [HEADERS.floor]: String(floor),
    },
  };
}

export function encodeWatermark(partition: number, floor: number): Message {
  return {
    partition,
    value: null,
    headers: { [HEADERS.envelope]: String(ENVELOPE_VERSION), [HEADERS.kind]: 'watermark', [HEADERS.floor]: String(floor) },
  };
}

export type Decoded =
  | { kind: 'event'; event: RecordedEvent; floor: number }
  | { kind: 'watermark'; floor: number }
  | { kind: 'poison'; reason: string };

export function header(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined || v === null) return undefined;
  const one = Array.isArray(v) ? v[v.length - 1] : v;
  return Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Never throws: a message that is not a valid v1 event or watermark is `poison`, with the reason. */
export function decodeMessage(message: Pick<KafkaMessage, 'value' | 'headers'>): Decoded {
  const envelope = header(message.headers, HEADERS.envelope);
  if (envelope !== String(ENVELOPE_VERSION)) return { kind: 'poison', reason: `unknown envelope-version ${JSON.stringify(envelope ?? null)} (expected ${ENVELOPE_VERSION})` };
  const floorRaw = header(message.headers, HEADERS.floor) ?? '0';
  const floor = Number(floorRaw);
  if (!Number.isSafeInteger(floor) || floor < 0) return { kind: 'poison', reason: `bad floor header ${JSON.stringify(floorRaw)}` };
  if (header(message.headers, HEADERS.kind) === 'watermark') return { kind: 'watermark', floor };

  if (!message.value || message.value.length === 0) return { kind: 'poison', reason: 'empty value' };
  let value: unknown;
  try {
    value = JSON.parse(message.value.toString('utf8'));
  } catch (err) {
    return { kind: 'poison', reason: `value is not JSON: ${(err as Error).message}` };
  }
  if (!isObject(value)) return { kind: 'poison', reason: 'value is not a JSON object' };
  for (const f of ['id', 'streamId', 'type', 'recordedAt'] as const) {
    if (!isString(value[f])) return { kind: 'poison', reason: `missing or invalid field "${f}"` };
  }
  if (!isPositiveInt(value.position)) return { kind: 'poison', reason: 'missing or invalid field "position"' };
  if (!Number.isSafeInteger(value.revision) || (value.revision as number) < 0) return { kind: 'poison', reason: 'missing or invalid field "revision"' };
  if (!isPositiveInt(value.schemaVersion)) return { kind: 'poison', reason: 'missing or invalid field "schemaVersion"' };
  if (!isObject(value.data)) return { kind: 'poison', reason: 'missing or invalid field "data"' };
  if (!isObject(value.metadata) || !isObject(value.metadata.actor)) return { kind: 'poison', reason: 'missing or invalid field "metadata.actor"' };
  if (Number.isNaN(Date.parse(value.recordedAt as string))) return { kind: 'poison', reason: 'recordedAt is not a date' };
  const position = header(message.headers, HEADERS.position);
  if (position !== String(value.position)) return { kind: 'poison', reason: `position header ${JSON.stringify(position ?? null)} does not match the value (${value.position})` };
  const schemaVersion = header(message.headers, HEADERS.schemaVersion);
  if (schemaVersion !== String(value.schemaVersion)) {
    return { kind: 'poison', reason: `schema-version header ${JSON.stringify(schemaVersion ?? null)} does not match the value (${value.schemaVersion})` };
  }
  return { kind: 'event', event: value as unknown as RecordedEvent, floor };
}
