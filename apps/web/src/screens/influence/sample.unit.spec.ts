import { isSmallSample, MIN_RESOLVED, winRateText } from './sample';

describe('influence: win rate with its count, and the small-sample warning', () => {
  it('warns below 5 resolved escalations, not at 5', () => {
    expect(MIN_RESOLVED).toBe(5);
    expect(isSmallSample(0)).toBe(true);
    expect(isSmallSample(4)).toBe(true);
    expect(isSmallSample(5)).toBe(false);
    expect(isSmallSample(40)).toBe(false);
  });

  it('below the threshold the next resolution alone can move the rate by 20 points or more', () => {
    // The largest move of k/n by one more resolution: 0/n → 1/(n + 1), or n/n → n/(n + 1).
    const largestSwing = (n: number) => Math.max(...Array.from({ length: n + 1 }, (_, k) => Math.max((k + 1) / (n + 1) - k / n, k / n - k / (n + 1))));
    for (let n = 1; n < MIN_RESOLVED; n++) expect(largestSwing(n)).toBeGreaterThanOrEqual(0.2);
    expect(largestSwing(MIN_RESOLVED)).toBeLessThan(0.2);
  });

  it('always says the count with the rate', () => {
    expect(winRateText(3, 4)).toBe('3 of 4 (75 %)');
    expect(winRateText(1, 3)).toBe('1 of 3 (33.3 %)');
    expect(winRateText(0, 0)).toBe('none resolved');
    expect(winRateText(0, 6)).toBe('0 of 6 (0 %)');
  });
});
