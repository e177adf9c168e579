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
  const text = serialize(value, new Set());
  if (text === undefined) throw new TypeError('canonicalJson: value is not serializable to JSON');
  return text;
}

function serialize(value: unknown, ancestors: Set<object>): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') throw new TypeError('canonicalJson: BigInt is not serializable');
  if (typeof value !== 'object') return undefined; // undefined, function, symbol

  if (ancestors.has(value)) throw new TypeError('canonicalJson: cyclic structure');
  ancestors.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = '[' + value.map((item) => serialize(item, ancestors) ?? 'null').join(',') + ']';
  } else {
    const parts: string[] = [];
    for (const key of Object.keys(value).sort()) {
      const item = serialize((value as Record<string, unknown>)[key], ancestors);
      if (item !== undefined) parts.push(JSON.stringify(key) + ':' + item);
    }
    text = '{' + parts.join(',') + '}';
  }
  ancestors.delete(value);
  return text;
}
