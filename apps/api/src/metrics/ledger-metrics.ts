import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CommitObservation } from '@ledger/event-store';

/** The projections whose lag is exported (label `projection`). */
export type ProjectionName = 'read-model' | 'forum-index' | 'webhook-outbox' | 'analytics';

export interface ProjectionLagSample {
  projection: ProjectionName;
  position: number;
  lagEvents: number;
  lagSeconds: number;
}

export interface LagSnapshot {
  head: number;
  projections: ProjectionLagSample[];
}

export type WebhookAttemptOutcome = 'delivered' | 'retry' | 'dead';
export type RateLimitTier = 'principal' | 'address';

/** Route label of requests no route matched (404s, refused before routing): keeps the label set bounded. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * Prometheus metrics of one API process (ADR 0028). One registry per application instance, not prom-client's
 * global one: tests start several apps in one process. Names are a contract (infra/grafana dashboard, alerts):
 * change them only with the dashboard.
 */
export class LedgerMetrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status: latency from the first byte read to the last byte written. _count is the request count.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly decisions = new Counter({
    name: 'ledger_decisions_appended_total',
    help: 'Events (decisions) committed to the event store by this process, by event type. Idempotent retries that wrote nothing are not counted.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  private readonly commitDuration = new Histogram({
    name: 'ledger_event_store_commit_duration_seconds',
    help: 'Event-store commits: SQLite group commit (one transaction and fsync for every append queued meanwhile), or one EventStoreDB append.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly eventsPerCommit = new Histogram({
    name: 'ledger_event_store_events_per_commit',
    help: 'Events written by one event-store commit.',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
    registers: [this.registry],
  });

  private readonly webhookAttempts = new Counter({
    name: 'ledger_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome: delivered (2xx), retry (failed, another attempt is scheduled), dead (failed, no attempts left).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly rateLimited = new Counter({
    name: 'ledger_http_rate_limited_total',
    help: 'Requests refused with 429 by tier: principal (per token subject) or address (requests without a valid token, per client address).',
    labelNames: ['tier'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Every label value the dashboard shows starts at 0, so rate() sees the first event.
    for (const outcome of ['delivered', 'retry', 'dead'] as const) this.webhookAttempts.inc({ outcome }, 0);
    for (const tier of ['principal', 'address'] as const) this.rateLimited.inc({ tier }, 0);
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  observeCommit(commit: CommitObservation): void {
    this.commitDuration.observe(commit.durationMs / 1000);
    this.eventsPerCommit.observe(commit.eventTypes.length);
    for (const type of commit.eventTypes) this.decisions.inc({ type });
  }

  observeWebhookAttempt(outcome: WebhookAttemptOutcome): void {
    this.webhookAttempts.inc({ outcome });
  }

  observeRateLimited(tier: RateLimitTier): void {
    this.rateLimited.inc({ tier });
  }

  /**
   * Lag gauges, computed when scraped: `snapshot` is called once per scrape (the four gauges share it).
   * Registered by the component that can compute it (health/projection-lag.ts).
   */
  exportLag(snapshot: () => Promise<LagSnapshot>): void {
    let shared: Promise<LagSnapshot> | null = null;
    // prom-client collects the gauges one after another within one scrape: they share one snapshot.
    const once = () => {
      shared ??= snapshot().finally(() => setImmediate(() => (shared = null)));
      return shared;
    };
    const labelNames = ['projection'] as const;
    new Gauge({
      name: 'ledger_event_store_head_position',
      help: 'Global position of the last committed event.',
      registers: [this.registry],
      async collect() {
        this.set((await once()).head);
      },
    });
    const perProjection = (name: string, help: string, value: (s: ProjectionLagSample) => number) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const s of (await once()).projections) this.set({ projection: s.projection }, value(s));
        },
      });
    perProjection('ledger_projection_position', 'Last event position a projection has applied.', (s) => s.position);
    perProjection('ledger_projection_lag_events', 'Events committed to the store that a projection has not applied yet.', (s) => s.lagEvents);
    perProjection(
      'ledger_projection_lag_seconds',
      'Age of the oldest event a projection has not applied yet (0 when caught up).',
      (s) => s.lagSeconds,
    );
  }

  /** The exposition text (Prometheus text format 0.0.4). */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
