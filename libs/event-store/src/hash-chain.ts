import { createHash } from 'node:crypto';

/** prevHash of revision 0 of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly what is hashed: the stored columns, with data and metadata as their stored JSON text. */
export interface HashedFields {
  streamId: string;
  revision: number;
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  recordedAt: string;
}

/**
 * sha256 (hex) of the event chained to the previous event of its stream.
 * The input is the JSON text of a fixed-order array, so field boundaries are unambiguous
 * (strings are quoted and escaped) and data/metadata are hashed as the exact text that is stored.
 */
export function eventHash(prevHash: string, fields: HashedFields): string {
  const serialized = JSON.stringify([
    prevHash,
    fields.streamId,
    fields.revision,
    fields.id,
    fields.type,
    fields.schemaVersion,
    fields.dataJson,
    fields.metadataJson,
    fields.recordedAt,
  ]);
  return createHash('sha256').update(serialized, 'utf8').digest('hex');
}

/**
 * JSON.stringify with object keys sorted (recursively, by UTF-16 code unit), so equal values
 * always give the same text. Otherwise follows JSON.stringify: toJSON() is honoured (Dates),
 * undefined/function properties are dropped, undefined in arrays and non-finite numbers become null.
 * Throws on cycles and BigInt, like JSON.stringify.
 */
export function canonicalJson(value: unknown): string {
  const text = serialize(value, []);
  if (text === undefined) throw new TypeError('canonicalJson: value is not serializable to JSON');
  return text;
}

/** `ancestors`: the objects being serialized around this one (a short stack: cycles are found by identity). */
function serialize(value: unknown, ancestors: object[]): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt is not serializable');
    case 'object':
      if (value === null) return 'null';
      break;
    default:
      return undefined; // undefined, function, symbol
  }

  if (ancestors.includes(value)) throw new TypeError('canonicalJson: cyclic structure');
  ancestors.push(value);
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + (serialize(value[i], ancestors) ?? 'null');
    text += ']';
  } else {
    const keys = Object.keys(value);
    // Objects that come from canonical JSON (parsed back) are already in order: skip the sort.
    for (let i = 1; i < keys.length; i++) {
      if (keys[i - 1] > keys[i]) {
        keys.sort();
        break;
      }
    }
    text = '{';
    let first = true;
    for (const key of keys) {
      const item = serialize((value as Record<string, unknown>)[key], ancestors);
      if (item === undefined) continue;
      text += (first ? '' : ',') + JSON.stringify(key) + ':' + item;
      first = false;
    }
    text += '}';
  }
  ancestors.pop();
  return text;
}
