/**
 * GET/POST JSON from a tracker's REST API, politely and persistently (docs/import-trackers.md, "Live"):
 * - 429 (and GitHub's 403 with no requests left): waits as long as `Retry-After` (seconds or an HTTP date) or
 *   `x-ratelimit-reset` says, plus a little jitter, then tries again;
 * - 5xx, a dropped connection, a body cut off mid-way, a timeout: exponential backoff with full jitter;
 * - any other 4xx: no retry (404 is handed back to the caller, who may know another way).
 * Credentials travel in headers only; URLs in messages and logs carry none.
 */

export interface RetryPolicy {
  /** Tries per request, the first included (default 6). */
  attempts: number;
  /** First backoff step (default 500 ms), doubled each time up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest wait a rate limit may ask for before we give up (default 15 min). */
  maxRateLimitWaitMs: number;
  /** Per-request timeout (default 60 s). */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Told about every retry (the CLI prints it; tests check the waits). */
  onRetry?: (r: { url: string; attempt: number; waitMs: number; reason: string }) => void;
}

export const defaultRetryPolicy = (): RetryPolicy => ({
  attempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRateLimitWaitMs: 15 * 60_000,
  timeoutMs: 60_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  random: Math.random,
});

/** The request failed for good: the message says what and what to do; no credentials in it. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Where to say a request went: no user info, no token in a query. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    for (const k of [...u.searchParams.keys()]) if (/token|key|secret|password/i.test(k) && k !== 'nextPageToken') u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}

export async function fetchJson(
  url: string,
  init: { method?: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown },
  policy: RetryPolicy,
  hints: { auth: string } = { auth: 'the credentials' },
): Promise<JsonResponse> {
  const shown = safeUrl(url);
  let lastReason = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let waitMs: number | null = null;
    try {
      const res = await fetch(url, {
        method: init.method ?? 'GET',
        headers: { accept: 'application/json', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      const rateLimited = res.status === 429 || (res.status === 403 && res.headers.get('x-ratelimit-remaining') === '0');
      if (rateLimited) {
        await res.arrayBuffer().catch(() => undefined);
        const asked = retryAfterMs(res.headers, Date.now());
        if (asked !== null && asked > policy.maxRateLimitWaitMs) {
          throw new FetchError(shown, res.status, `${shown}: rate limited for ${Math.ceil(asked / 60_000)} more minutes; run the same command again later (it resumes where it stopped)`);
        }
        lastReason = `HTTP ${res.status} (rate limited)`;
        waitMs = asked !== null ? asked + Math.floor(policy.random() * policy.baseDelayMs) : backoff(policy, attempt);
      } else if (res.status >= 500) {
        await res.arrayBuffer().catch(() => undefined);
        lastReason = `HTTP ${res.status}`;
        const asked = retryAfterMs(res.headers, Date.now());
        waitMs = asked !== null ? Math.min(asked, policy.maxRateLimitWaitMs) : backoff(policy, attempt);
      } else if (res.status === 401 || res.status === 403) {
        await res.arrayBuffer().catch(() => undefined);
        throw new FetchError(shown, res.status, `${shown}: HTTP ${res.status}: the server refused ${hints.auth}; check them (they are read from the environment and never printed)`);
      } else {
        let text: string;
        try {
          text = await res.text();
        } catch (e) {
          throw new RetryableBody(`the connection dropped while reading the body (${(e as Error).message})`);
        }
        if (res.status === 404) return { status: 404, body: null, headers: res.headers };
        if (res.status >= 400) {
          throw new FetchError(shown, res.status, `${shown}: HTTP ${res.status}: ${text.slice(0, 300).replace(/\s+/g, ' ')}`);
        }
        try {
          return { status: res.status, body: text === '' ? null : JSON.parse(text), headers: res.headers };
        } catch (e) {
          throw new RetryableBody(`the body is not complete JSON (${(e as Error).message})`);
        }
      }
    } catch (e) {
      if (e instanceof FetchError) throw e;
      lastReason = e instanceof RetryableBody ? e.message : `${(e as Error).name === 'TimeoutError' ? 'timed out' : 'connection failed'} (${causeOf(e)})`;
      waitMs = backoff(policy, attempt);
    }
    if (attempt === policy.attempts) break;
    policy.onRetry?.({ url: shown, attempt, waitMs, reason: lastReason });
    await policy.sleep(waitMs);
  }
  throw new FetchError(shown, null, `${shown}: gave up after ${policy.attempts} tries (last: ${lastReason}); run the same command again to resume where it stopped`);
}

class RetryableBody extends Error {}

function backoff(policy: RetryPolicy, attempt: number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(policy.random() * cap) + 1;
}

/** Retry-After in seconds or as an HTTP date; else GitHub's x-ratelimit-reset (epoch seconds). */
export function retryAfterMs(headers: Headers, now: number): number | null {
  const ra = headers.get('retry-after');
  if (ra !== null) {
    if (/^\s*\d+(\.\d+)?\s*$/.test(ra)) return Math.round(Number(ra) * 1000);
    const at = Date.parse(ra);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return null;
}

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}
