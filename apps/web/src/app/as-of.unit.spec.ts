import { fromLocalInput, hrefWithAt, parseAt, toLocalInput, upTo, withAt } from './as-of';

describe('as-of URL state (?at=)', () => {
  it('reads an ISO instant from the URL, normalized to UTC; anything else means "now"', () => {
    expect(parseAt('?at=2026-01-31T12:00:00Z')).toBe('2026-01-31T12:00:00.000Z');
    expect(parseAt('?tab=killed&at=2026-01-31T13:00:00%2B01:00')).toBe('2026-01-31T12:00:00.000Z');
    expect(parseAt('?at=2026-01-31')).toBe('2026-01-31T00:00:00.000Z');
    expect(parseAt('')).toBeNull();
    expect(parseAt('?at=')).toBeNull();
    expect(parseAt('?at=yesterday')).toBeNull();
    expect(parseAt('?at=2026-13-45T99:00:00Z')).toBeNull();
    // A local time without a zone is ambiguous in a shared link: refused.
    expect(parseAt('?at=2026-01-31T12:00:00')).toBeNull();
  });

  it('sets and clears the instant, keeping the other parameters', () => {
    expect(withAt('?tab=killed', '2026-01-31T12:00:00.000Z')).toBe('?tab=killed&at=2026-01-31T12%3A00%3A00.000Z');
    expect(withAt('?tab=killed&at=2026-01-31T12%3A00%3A00.000Z', null)).toBe('?tab=killed');
    expect(withAt('?at=x', null)).toBe('');
    expect(parseAt(withAt('', '2026-01-31T12:00:00.000Z'))).toBe('2026-01-31T12:00:00.000Z');
  });

  it('links to another screen keep the instant', () => {
    expect(hrefWithAt('/backlogs/b1', null)).toBe('/backlogs/b1');
    expect(hrefWithAt('/items/i1#event-e1', '2026-01-31T12:00:00.000Z')).toBe('/items/i1?at=2026-01-31T12%3A00%3A00.000Z#event-e1');
    expect(parseAt(hrefWithAt('/backlogs/b1', '2026-01-31T12:00:00.000Z').split('?')[1].replace(/^/, '?'))).toBe('2026-01-31T12:00:00.000Z');
  });

  it('round-trips the datetime-local control in the viewer zone (to the minute)', () => {
    const iso = '2026-01-31T12:34:00.000Z';
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('31/01/2026 12:34')).toBeNull();
  });

  it('keeps only what happened at or before the instant', () => {
    const entries = [{ t: '2026-01-01T00:00:00Z' }, { t: '2026-01-31T12:00:00Z' }, { t: '2026-02-01T00:00:00Z' }];
    expect(upTo(entries, null, (e) => e.t)).toHaveLength(3);
    expect(upTo(entries, '2026-01-31T12:00:00.000Z', (e) => e.t).map((e) => e.t)).toEqual(['2026-01-01T00:00:00Z', '2026-01-31T12:00:00Z']);
  });
});
