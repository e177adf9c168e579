import { effectivePeriod, fromDateInput, lastDayInput, parsePeriod, periodQuery, toDateInput, withPeriod } from './period';

describe('reporting period URL state (?from=&to=)', () => {
  it('reads both bounds as UTC instants; a bound without a zone or not an instant is left to the API', () => {
    expect(parsePeriod('?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00%2B01:00')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T23:00:00.000Z' });
    expect(parsePeriod('?at=2026-01-01T00:00:00Z')).toEqual({ from: null, to: null });
    expect(parsePeriod('?from=last-week&to=2026-02-01T00:00:00')).toEqual({ from: null, to: null });
    expect(parsePeriod('?to=2026-02-01T00:00:00Z')).toEqual({ from: null, to: '2026-02-01T00:00:00.000Z' });
  });

  it('ignores a period that ends before it starts (the API answers 400 for it)', () => {
    expect(parsePeriod('?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z')).toEqual({ from: null, to: null });
    // A period of one instant is valid.
    expect(parsePeriod('?from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z').from).toBe('2026-03-01T00:00:00.000Z');
  });

  it('sets and clears the bounds, keeping ?at= and the rest', () => {
    const s = withPeriod('?at=2026-01-31T12%3A00%3A00.000Z', { from: '2026-01-01T00:00:00.000Z', to: null });
    expect(new URLSearchParams(s).get('at')).toBe('2026-01-31T12:00:00.000Z');
    expect(parsePeriod(s)).toEqual({ from: '2026-01-01T00:00:00.000Z', to: null });
    expect(withPeriod(s, { from: null, to: null })).toBe('?at=2026-01-31T12%3A00%3A00.000Z');
    expect(withPeriod('?from=x', { from: null, to: null })).toBe('');
  });

  it('knows the period the API uses by default: 90 days up to the "as of" instant, else up to now', () => {
    expect(effectivePeriod({ from: null, to: null }, '2026-04-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(effectivePeriod({ from: null, to: null }, null, '2026-04-01T00:00:00.000Z').from).toBe('2026-01-01T00:00:00.000Z');
    expect(effectivePeriod({ from: null, to: '2026-04-01T00:00:00.000Z' }, '2026-06-01T00:00:00.000Z', 'x')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(effectivePeriod({ from: '2025-01-01T00:00:00.000Z', to: null }, null, '2026-04-01T00:00:00.000Z')).toEqual({ from: '2025-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
  });

  it('turns the viewer\'s chosen days into bounds: from the start of the first day to the start of the day after the last', () => {
    const from = fromDateInput('2026-01-10', 'from')!;
    const to = fromDateInput('2026-01-20', 'to')!;
    expect(Date.parse(to) - Date.parse(from)).toBe(11 * 86_400_000);
    expect(toDateInput(from)).toBe('2026-01-10');
    expect(lastDayInput(to)).toBe('2026-01-20');
    // Month ends roll over; impossible days are refused.
    expect(toDateInput(fromDateInput('2026-01-31', 'to')!)).toBe('2026-02-01');
    expect(fromDateInput('2026-02-30', 'from')).toBeNull();
    expect(fromDateInput('', 'to')).toBeNull();
    expect(fromDateInput('10/01/2026', 'from')).toBeNull();
  });

  it('adds only the explicit bounds to a request', () => {
    expect(periodQuery({ from: null, to: null })).toEqual({});
    expect(periodQuery({ from: 'a', to: null })).toEqual({ from: 'a' });
    expect(periodQuery({ from: 'a', to: 'b' })).toEqual({ from: 'a', to: 'b' });
  });
});
