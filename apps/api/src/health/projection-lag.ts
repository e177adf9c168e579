import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import type { Clock } from '@ledger/kernel';
import { AnalyticsProjectorService } from '../analytics/analytics-projector.service';
import type { AppConfig } from '../config/config';
import type { ForumIndex } from '../forums/forum-index';
import { APP_CONFIG, CLOCK, EVENT_STORE, FORUM_INDEX, LEDGER_INDEX, WEBHOOK_OUTBOX } from '../infrastructure/tokens';
import { LedgerMetrics, type LagSnapshot, type ProjectionLagSample, type ProjectionName } from '../metrics/ledger-metrics';
import type { LedgerIndex } from '../read-model/ledger-index.port';
import type { SqliteWebhookOutbox } from '../webhooks/webhook-outbox';

/**
 * How far each projection of this process is behind the event store: the one computation behind /health,
 * /health/ready and the lag gauges of /metrics.
 */
@Injectable()
export class ProjectionLag {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    @Inject(FORUM_INDEX) private readonly forumIndex: ForumIndex,
    @Inject(WEBHOOK_OUTBOX) private readonly outbox: SqliteWebhookOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly analytics: AnalyticsProjectorService,
    metrics: LedgerMetrics,
  ) {
    metrics.exportLag(() => this.snapshot({ seconds: true }));
  }

  /** Checkpoints of the projections this process runs (the webhook outbox only where it dispatches). */
  positions(): { projection: ProjectionName; position: number }[] {
    return [
      { projection: 'read-model', position: this.index.checkpoint() },
      { projection: 'forum-index', position: this.forumIndex.checkpoint() },
      ...(this.config.webhooks.dispatch ? [{ projection: 'webhook-outbox' as const, position: this.outbox.checkpoint() }] : []),
      { projection: 'analytics', position: this.analytics.projector.checkpoint() },
    ];
  }

  /**
   * Head and lag of each projection. With `seconds`, the age of each one's oldest unapplied event (one point read
   * per lagging projection), by the ledger's clock, the one that stamped recordedAt.
   */
  async snapshot(options: { seconds: boolean }): Promise<LagSnapshot> {
    const head = await this.store.headPosition();
    const projections: ProjectionLagSample[] = [];
    for (const { projection, position } of this.positions()) {
      const lagEvents = Math.max(0, head - position);
      let lagSeconds = 0;
      if (options.seconds && lagEvents > 0) {
        const [oldest] = await this.store.readAll({ after: position, limit: 1 });
        if (oldest) lagSeconds = Math.max(0, (this.clock.now().getTime() - Date.parse(oldest.recordedAt)) / 1000);
      }
      projections.push({ projection, position, lagEvents, lagSeconds });
    }
    return { head, projections };
  }
}
