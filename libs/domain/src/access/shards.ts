/**
 * A persistent (copy-on-write) map for decider state that grows with history: the keys are spread over 64 shards,
 * so a pure evolve that sets one key copies one shard (~n/64 entries) and the 64-entry index, not the whole map.
 * A plain spread of a 10,000-entry object per event made folding 10k invitations take minutes (measured).
 */
export type Shards<V> = Readonly<Record<string, Readonly<Record<string, V>>>>;

const SHARDS = 64;

function shardOf(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return String((h >>> 0) % SHARDS);
}

export const emptyShards: Shards<never> = {};

export function getIn<V>(s: Shards<V>, key: string): V | undefined {
  const shard = s[shardOf(key)];
  return shard !== undefined && Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : undefined;
}

export function setIn<V>(s: Shards<V>, key: string, value: V): Shards<V> {
  const k = shardOf(key);
  return { ...s, [k]: { ...s[k], [key]: value } };
}

export function valuesOf<V>(s: Shards<V>): V[] {
  const out: V[] = [];
  for (const shard of Object.values(s)) for (const v of Object.values(shard)) out.push(v);
  return out;
}

/** A new map with only the values `keep` accepts (O(n): call it rarely). */
export function filterShards<V>(s: Shards<V>, keep: (v: V) => boolean): Shards<V> {
  const out: Record<string, Record<string, V>> = {};
  for (const [k, shard] of Object.entries(s)) {
    const kept: Record<string, V> = {};
    let any = false;
    for (const [key, v] of Object.entries(shard)) {
      if (keep(v)) {
        kept[key] = v;
        any = true;
      }
    }
    if (any) out[k] = kept;
  }
  return out;
}
