import { ProblemException } from '../http/problem';

export interface LimiterOptions {
  /** Failed attempts allowed per client address within the window. */
  maxFailures: number;
  windowMs: number;
  /** Client addresses remembered at most (the oldest is forgotten first). */
  maxClients: number;
}

export const SIGN_IN_LIMITS: LimiterOptions = { maxFailures: 10, windowMs: 15 * 60_000, maxClients: 10_000 };

/**
 * Brute-force brake on sign-in (ADR 0023): a client address with `maxFailures` failed attempts within the sliding
 * window is refused (429, Retry-After) until the oldest of them leaves the window, whatever it sends. In memory,
 * per process: the secrets are 256-bit random, so this only stops noise and slows a guesser further.
 */
export class RedemptionLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly options: LimiterOptions = SIGN_IN_LIMITS,
  ) {}

  assertAllowed(client: string): void {
    const recent = this.recent(client);
    if (recent.length < this.options.maxFailures) return;
    const retryAfter = Math.max(1, Math.ceil((recent[0] + this.options.windowMs - this.now()) / 1000));
    throw new ProblemException(429, 'SIGN_IN.TOO_MANY_ATTEMPTS', `too many failed sign-in attempts from your address: try again in ${retryAfter} s`, {
      retryAfter,
    });
  }

  recordFailure(client: string): void {
    const recent = this.recent(client);
    recent.push(this.now());
    this.failures.delete(client);
    this.failures.set(client, recent);
    if (this.failures.size > this.options.maxClients) this.failures.delete(this.failures.keys().next().value as string);
  }

  private recent(client: string): number[] {
    const since = this.now() - this.options.windowMs;
    const kept = (this.failures.get(client) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(client);
    else this.failures.set(client, kept);
    return kept;
  }
}
