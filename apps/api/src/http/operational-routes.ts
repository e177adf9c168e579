/**
 * The probes and the metrics scrape: called by orchestrators and Prometheus every few seconds, carrying no principal.
 * They are never rate-limited (http/rate-limit.ts) and not traced (tracing/otel-tracing.ts).
 */
export function isOperationalRoute(route: string | undefined): boolean {
  return route === '/metrics' || route === '/health' || (route?.startsWith('/health/') ?? false);
}
