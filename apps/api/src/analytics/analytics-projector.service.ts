import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { ClickHouseClient } from '@clickhouse/client';
import { AnalyticsProjector, EventStoreSource, ExternalProjection, migrate } from '@ledger/analytics';
import type { EventStore } from '@ledger/event-store';
import { LedgerError } from '@ledger/kernel';
import type { AppConfig } from '../config/config';
import { ANALYTICS_CLIENT, APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens';
import { JsonLogger } from '../shared/json-logger';
import type { Pausable } from '../shared/pausable';

export class AnalyticsBehindError extends LedgerError {
  constructor(position: number, reached: number) {
    super('ANALYTICS.BEHIND', 'unavailable', `analytics have reached position ${reached}, not yet ${position}; retry shortly`, {
      minPosition: position,
      reached,
    });
  }
}

/**
 * Embedded tier: migrations at start, then the projector follows the event store in-process.
 * (The distributed tier runs the same projector in apps/projector, fed from Kafka.)
 */
@Injectable()
export class AnalyticsProjectorService implements OnApplicationBootstrap, Pausable {
  /** LEDGER_PROJECTOR=external: not run here; the checkpoint apps/projector writes is read instead. */
  readonly projector: AnalyticsProjector | ExternalProjection;

  constructor(
    @Inject(ANALYTICS_CLIENT) private readonly client: ClickHouseClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: JsonLogger,
  ) {
    this.projector =
      config.projector === 'external'
        ? new ExternalProjection({ client, database: config.analytics.database, store })
        : new AnalyticsProjector({
            client,
            database: config.analytics.database,
            source: new EventStoreSource(store),
            log: (level, message, fields) => logger[level === 'info' ? 'info' : level](message, fields ?? {}),
          });
  }

  get database(): string {
    return this.config.analytics.database;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Several API processes: the primary migrates before it starts the workers (ADR 0031).
    if (this.config.cluster.worker === 0) {
      await migrate(this.client, { database: this.config.analytics.database, cluster: this.config.analytics.cluster }, (line) =>
        this.logger.info(line),
      );
    }
    await this.projector.start();
  }

  /** Read-your-writes for analytics: wait (bounded) until the projection has reached `minPosition`. */
  async reached(minPosition: number | undefined): Promise<void> {
    if (!minPosition) return;
    const head = await this.store.headPosition();
    if (minPosition > head) {
      // A position nobody has written can never be reached: the client's mistake, not a wait.
      throw new LedgerError('ANALYTICS.POSITION_NOT_WRITTEN', 'validation', `minPosition ${minPosition} is beyond the last written position ${head}`, {
        field: 'minPosition',
        head,
      });
    }
    if (!(await this.projector.waitFor(minPosition, this.config.readYourWritesTimeoutMs))) {
      throw new AnalyticsBehindError(minPosition, this.projector.checkpoint());
    }
  }

  async stop(): Promise<void> {
    await this.restarting;
    await this.projector.stop();
  }

  private paused = false;
  private restarting: Promise<void> = Promise.resolve();

  /** Stops projecting (what was delivered is flushed and checkpointed); a bulk import writes meanwhile (ADR 0027). */
  async pause(): Promise<void> {
    this.paused = true;
    await this.stop();
  }

  /** Projects again from the checkpoint. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.restarting = this.projector.start().catch((err) => this.logger.error('analytics projector did not restart', { err: String(err) }));
  }
}
