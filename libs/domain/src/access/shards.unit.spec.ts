import { emptyShards, filterShards, getIn, setIn, valuesOf } from './shards';

describe('sharded copy-on-write map', () => {
  it('sets without touching the map it came from, and reads back every key', () => {
    let m = emptyShards as ReturnType<typeof setIn<number>>;
    const versions = [m];
    for (let i = 0; i < 500; i++) versions.push((m = setIn(m, `k${i}`, i)));
    expect(valuesOf(m).sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(valuesOf(versions[10])).toHaveLength(10);
    expect(getIn(versions[10], 'k10')).toBeUndefined();
    expect(getIn(m, 'k10')).toBe(10);
    expect(getIn(m, 'constructor')).toBeUndefined();
    expect(Object.keys(m).length).toBeLessThanOrEqual(64);
    const even = filterShards(m, (v) => v % 2 === 0);
    expect(valuesOf(even)).toHaveLength(250);
    expect(valuesOf(m)).toHaveLength(500);
  });
});
