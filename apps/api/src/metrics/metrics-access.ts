import { createHash, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '../http/problem';

/**
 * Scraping is authorised by its own token (LEDGER_METRICS_TOKEN), never by the API's JWTs: a Prometheus server
 * holds one static secret and no user identity (ADR 0028). Compared in constant time.
 */
export function assertMetricsToken(authorization: string | string[] | undefined, token: string): void {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  if (!header) {
    throw new ProblemException(401, 'METRICS.TOKEN_MISSING', 'send Authorization: Bearer <LEDGER_METRICS_TOKEN> to scrape the metrics');
  }
  const given = /^Bearer\s+(\S+)$/.exec(header.trim())?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  if (!timingSafeEqual(digest(given), digest(token))) {
    throw new ProblemException(401, 'METRICS.TOKEN_INVALID', 'the bearer token is not the metrics token (LEDGER_METRICS_TOKEN)');
  }
}
