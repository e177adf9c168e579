import { ProblemException } from '../http/problem';
import { RedemptionLimiter } from './redemption-limiter';

describe('sign-in brute-force brake', () => {
  let now = 0;
  const limiter = () => new RedemptionLimiter(() => now, { maxFailures: 3, windowMs: 60_000, maxClients: 2 });
  beforeEach(() => (now = 1_000_000));

  it('refuses an address with maxFailures failures in the window, with Retry-After until the oldest leaves it', () => {
    const l = limiter();
    for (const dt of [0, 10_000, 10_000]) {
      now += dt;
      l.assertAllowed('10.0.0.1');
      l.recordFailure('10.0.0.1');
    }
    now += 5_000;
    try {
      l.assertAllowed('10.0.0.1');
      throw new Error('expected 429');
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemException);
      expect((e as ProblemException).getStatus()).toBe(429);
      expect((e as ProblemException).extra).toEqual({ retryAfter: 35 });
    }
    l.assertAllowed('10.0.0.2');
    now += 35_000;
    l.assertAllowed('10.0.0.1');
  });

  it('forgets the oldest address beyond maxClients', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure('a');
    l.recordFailure('b');
    l.recordFailure('c');
    l.assertAllowed('a');
  });
});
