import { BINS, duration, rate, timeToReversalHistogram } from './histogram';

describe('time-to-reversal histogram', () => {
  it('has every bin, zeros included, for no reversal', () => {
    expect(timeToReversalHistogram([])).toEqual(BINS.map((b) => ({ label: b.label, count: 0 })));
  });

  it('puts each duration in the bin whose upper bound (exclusive) it is below', () => {
    const h = timeToReversalHistogram([0, 0.99, 1, 2.99, 3, 6.5, 7, 13.9, 14, 29.99, 30, 89, 90, 400]);
    expect(h.map((b) => b.count)).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it('leaves out reversals without a reversed decision on record, and nonsense', () => {
    expect(timeToReversalHistogram([null, -1, Number.NaN, 2]).reduce((n, b) => n + b.count, 0)).toBe(1);
  });

  it('formats rates and durations', () => {
    expect(rate(null)).toBe('—');
    expect(rate(0.125)).toBe('12.5 %');
    expect(duration(0.5)).toBe('12 h');
    expect(duration(2.04)).toBe('2 d');
    expect(duration(null)).toBe('—');
  });
});
