import { emptyShards, filterShards, getIn, setIn, valuesOf, type Shards } from './shards';

describe('sharded copy-on-write map', () => {
  it('sets without touching the map it came from, and reads back every key', () => {
    let m: Shards<number> = emptyShards;
    const versions = [m];
    for (let i = 0; i < 500; i++) versions.push((m = setIn(m, `k${i}`, i)));
    expect(valuesOf(m).sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(valuesOf(versions[10])).toHaveLength(10);
    expect(getIn(versions[10], 'k10')).toBeUndefined();
    expect(getIn(m, 'k10')).toBe(10);
    expect(getIn(m, 'constructor')).toBeUndefined();
    expect([m.size, versions[10].size]).toEqual([500, 10]);
    expect(setIn(m, 'k1', 1).size).toBe(500);
    const even = filterShards(m, (v) => v % 2 === 0, (v) => `k${v}`);
    expect(valuesOf(even)).toHaveLength(250);
    expect(valuesOf(m)).toHaveLength(500);
  });
});
