import fc from 'fast-check';
import { canonicalJson, eventHash, GENESIS_HASH, HashedFields } from './hash-chain';

const fields: HashedFields = {
  streamId: 'item-1',
  revision: 0,
  id: '00000000-0000-4000-8000-000000000001',
  type: 'item.created',
  schemaVersion: 1,
  dataJson: '{"title":"Café ☕"}',
  metadataJson: '{"actor":{"id":"u1","role":"admin"}}',
  recordedAt: '2025-01-02T03:04:05.678Z',
};

describe('GENESIS_HASH', () => {
  it('is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

describe('eventHash', () => {
  it('is pinned: stored chains must keep verifying after a refactor', () => {
    // sha256 of JSON.stringify([prevHash, streamId, revision, id, type, schemaVersion, dataJson, metadataJson, recordedAt])
    expect(eventHash(GENESIS_HASH, fields)).toBe('a91626d665617379f3e4345cc9534bd4f53a0c5b68ed348cd7462a95b69e5766');
  });

  it('is 64 lowercase hex characters and deterministic', () => {
    const h = eventHash(GENESIS_HASH, fields);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...fields })).toBe(h);
  });

  it('changes when the previous hash changes', () => {
    expect(eventHash('1'.padStart(64, '0'), fields)).not.toBe(eventHash(GENESIS_HASH, fields));
  });

  it.each([
    ['streamId', 'item-2'],
    ['revision', 1],
    ['id', '00000000-0000-4000-8000-000000000002'],
    ['type', 'item.killed'],
    ['schemaVersion', 2],
    ['dataJson', '{"title":"Cafe ☕"}'],
    ['metadataJson', '{"actor":{"id":"u2","role":"admin"}}'],
    ['recordedAt', '2025-01-02T03:04:05.679Z'],
  ] as const)('changes when %s changes', (field, value) => {
    expect(eventHash(GENESIS_HASH, { ...fields, [field]: value })).not.toBe(eventHash(GENESIS_HASH, fields));
  });

  it('is unambiguous: moving characters across a field boundary changes the hash', () => {
    const a = eventHash(GENESIS_HASH, { ...fields, streamId: 'ab', id: 'c' });
    const b = eventHash(GENESIS_HASH, { ...fields, streamId: 'a', id: 'bc' });
    expect(a).not.toBe(b);
    const c = eventHash(GENESIS_HASH, { ...fields, dataJson: '{}', metadataJson: '{"a":1}' });
    const d = eventHash(GENESIS_HASH, { ...fields, dataJson: '{}","{"a":1}', metadataJson: '' });
    expect(c).not.toBe(d);
  });

  it('distinguishes a numeric revision from the same digits as text', () => {
    const asText = eventHash(GENESIS_HASH, { ...fields, revision: '1' as unknown as number });
    expect(eventHash(GENESIS_HASH, { ...fields, revision: 1 })).not.toBe(asText);
  });

  it('hashes the stored JSON text, not the value: same value, different text, different hash', () => {
    const a = eventHash(GENESIS_HASH, { ...fields, dataJson: '{"a":1,"b":2}' });
    const b = eventHash(GENESIS_HASH, { ...fields, dataJson: '{"b":2,"a":1}' });
    expect(a).not.toBe(b);
  });
});

describe('canonicalJson', () => {
  it('sorts object keys recursively and keeps array order', () => {
    const value = { b: 1, a: { d: [3, { z: 1, y: 2 }, 1], c: null } };
    expect(canonicalJson(value)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1},1]},"b":1}');
  });

  it('follows JSON.stringify for undefined, functions, non-finite numbers, toJSON', () => {
    const value = {
      u: undefined,
      f: () => 1,
      list: [undefined, NaN, Infinity, -0],
      at: new Date('2025-01-02T03:04:05.678Z'),
    };
    expect(canonicalJson(value)).toBe('{"at":"2025-01-02T03:04:05.678Z","list":[null,null,null,0]}');
  });

  it('escapes strings like JSON.stringify (unicode, quotes, control characters)', () => {
    const value = { 'k"ey': 'é ☕ 😀 "quoted" \n\t\u0001 \u2028' };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it('throws on cycles, BigInt and a top-level undefined', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('round-trips: parsing gives back the value JSON.stringify would have kept', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
      }),
    );
  });

  it('is a fixed point: re-serializing parsed canonical JSON gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});
