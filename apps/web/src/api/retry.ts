import { ApiError } from './problem';

/** How many times a 503 ("catching up") read is retried before the screen says so and stops. */
export const CATCH_UP_RETRIES = 30;

/** Queries retry only while the API says it is catching up (503); anything else is shown at once. */
export function retryWhileCatchingUp(failureCount: number, error: unknown): boolean {
  return error instanceof ApiError && error.catchingUp && failureCount < CATCH_UP_RETRIES;
}

/** Wait as long as Retry-After says (1–10 s), else a second. */
export function catchUpDelay(_failureCount: number, error: unknown): number {
  const seconds = error instanceof ApiError && error.retryAfterSeconds !== null ? error.retryAfterSeconds : 1;
  return Math.min(10, Math.max(1, seconds)) * 1000;
}
