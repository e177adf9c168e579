import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Ledger-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, `X-Ledger-Timestamp` in Unix
 * seconds. docs/webhooks.md gives receivers the same verification in a few lines of Node.
 */
export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * What a receiver runs (kept identical to the docs/webhooks.md snippet): constant-time comparison and a
 * tolerance on the timestamp against replays.
 */
export function verifySignature(secret: string, header: string | undefined, timestamp: string | undefined, rawBody: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!header || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signature(secret, Number(timestamp), rawBody));
  return header.split(',').some((candidate) => {
    const given = Buffer.from(candidate.trim());
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
