import { LEDGER_NAMESPACE, uuidV5 } from './ids';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('gives the RFC 4122 name-based ids (same as Python uuid.uuid5)', () => {
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('python.org', DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('is stable per name and namespace, and hashes names as UTF-8', () => {
    expect(uuidV5('item|olga|import:id:ü-1')).toBe(uuidV5('item|olga|import:id:ü-1', LEDGER_NAMESPACE));
    expect(uuidV5('item|olga|import:id:ü-1')).not.toBe(uuidV5('item|olga|import:id:u-1'));
    expect(uuidV5('x', DNS)).not.toBe(uuidV5('x'));
    expect(uuidV5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
