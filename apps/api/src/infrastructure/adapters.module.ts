import { Global, Inject, Module, OnApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { randomIds, systemClock, type Clock, type IdGenerator } from '@ledger/kernel';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@ledger/event-store';
import type { AppConfig } from '../config/config';
import { READ_MODEL_VERSION, SqliteLedgerIndex } from '../read-model/sqlite-ledger-index';
import type { LedgerIndex } from '../read-model/ledger-index.port';
import { SqliteIdempotencyStore, type IdempotencyStore } from '../http/idempotency';
import { TokenVerifier } from '../auth/token-verifier';
import { JsonLogger } from '../shared/json-logger';
import type { ClickHouseClient } from '@clickhouse/client';
import { createAnalyticsClient } from '@ledger/analytics';
import { AnalyticsProjectorService } from '../analytics/analytics-projector.service';
import { ANALYTICS_CLIENT, APP_CONFIG, CLOCK, EVENT_STORE, FORUM_INDEX, ID_GENERATOR, IDEMPOTENCY_STORE, LEDGER_INDEX, WEBHOOK_OUTBOX } from './tokens';
import { SqliteWebhookOutbox } from '../webhooks/webhook-outbox';
import { ForumIndex } from '../forums/forum-index';
import { IpcClickHouseConnection } from '../cluster/clickhouse-ipc';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import { NO_TRACING, Tracing } from '../tracing/tracing';

export interface AdapterOverrides {
  clock?: Clock;
  ids?: IdGenerator;
  logger?: JsonLogger;
  /** Tests: this store instead of the configured one (closed with the application). */
  eventStore?: EventStore;
  /** The OpenTelemetry tracing of this app (app.factory.ts loads it when OTEL_EXPORTER_OTLP_ENDPOINT is set). */
  tracing?: Tracing;
}

/** The one place where configuration picks adapters for the ports. */
@Global()
@Module({})
export class AdaptersModule implements OnApplicationShutdown {
  static forConfig(config: AppConfig, overrides: AdapterOverrides = {}): DynamicModule {
    mkdirSync(config.dataDir, { recursive: true });
    const clock = overrides.clock ?? systemClock;
    const metrics = new LedgerMetrics();
    const onCommit = metrics.observeCommit.bind(metrics);
    return {
      module: AdaptersModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: ID_GENERATOR, useValue: overrides.ids ?? randomIds },
        { provide: JsonLogger, useValue: overrides.logger ?? new JsonLogger(config.logLevel) },
        { provide: TokenVerifier, useValue: new TokenVerifier(config.jwt) },
        { provide: LedgerMetrics, useValue: metrics },
        { provide: Tracing, useValue: overrides.tracing ?? NO_TRACING },
        {
          provide: EVENT_STORE,
          useFactory: (): EventStore =>
            overrides.eventStore ??
            (config.eventStore.kind === 'eventstoredb'
              ? EventStoreDbEventStore.connect({ connectionString: config.eventStore.url, clock, onCommit })
              : SqliteEventStore.open({ file: config.eventStore.file, clock, onCommit })),
        },
        {
          provide: LEDGER_INDEX,
          inject: [JsonLogger],
          useFactory: (logger: JsonLogger): LedgerIndex => {
            const index = new SqliteLedgerIndex(config.readModelFile);
            if (index.resetFromVersion !== null) {
              logger.warn('read model written by another version: emptied, it re-projects every event in the background', {
                file: config.readModelFile,
                fromVersion: index.resetFromVersion,
                toVersion: READ_MODEL_VERSION,
              });
            }
            return index;
          },
        },
        { provide: FORUM_INDEX, useFactory: (): ForumIndex => new ForumIndex(config.forums.indexFile) },
        {
          provide: ANALYTICS_CLIENT,
          // One of several API processes: the primary owns the embedded engine; this one reaches it over IPC.
          useFactory: (): ClickHouseClient =>
            config.cluster.worker > 0 && config.analytics.kind === 'chdb'
              ? createAnalyticsClient(config.analytics, new IpcClickHouseConnection())
              : createAnalyticsClient(config.analytics),
        },
        AnalyticsProjectorService,
        {
          provide: IDEMPOTENCY_STORE,
          useFactory: (): IdempotencyStore => new SqliteIdempotencyStore(config.apiStateFile, () => clock.now()),
        },
        { provide: WEBHOOK_OUTBOX, useFactory: () => new SqliteWebhookOutbox(config.webhooks.stateFile) },
      ],
      exports: [LedgerMetrics, Tracing, ANALYTICS_CLIENT, AnalyticsProjectorService, APP_CONFIG, CLOCK, ID_GENERATOR, JsonLogger, TokenVerifier, EVENT_STORE, LEDGER_INDEX, IDEMPOTENCY_STORE, WEBHOOK_OUTBOX, FORUM_INDEX],
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    private readonly logger: JsonLogger,
    private readonly analytics: AnalyticsProjectorService,
    @Inject(ANALYTICS_CLIENT) private readonly analyticsClient: ClickHouseClient,
    @Inject(WEBHOOK_OUTBOX) private readonly webhookOutbox: SqliteWebhookOutbox,
    @Inject(FORUM_INDEX) private readonly forumIndex: ForumIndex,
    private readonly tracing: Tracing,
  ) {}

  /** Runs after the HTTP server stopped taking requests: in-flight commits finish, then files close. */
  async onApplicationShutdown(): Promise<void> {
    await this.analytics.stop();
    await this.store.close();
    await this.analyticsClient.close();
    this.index.close();
    this.forumIndex.close();
    this.idempotency.close();
    this.webhookOutbox.close();
    await this.tracing.shutdown();
    this.logger.info('stopped: in-flight decisions committed, stores closed');
  }
}
