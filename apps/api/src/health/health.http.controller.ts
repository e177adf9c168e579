import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@ledger/event-store';
import { Public } from '../auth/auth.guard';
import type { AppConfig } from '../config/config';
import type { ForumIndex } from '../forums/forum-index';
import { APP_CONFIG, EVENT_STORE, FORUM_INDEX, LEDGER_INDEX, WEBHOOK_OUTBOX } from '../infrastructure/tokens';
import { AnalyticsProjectorService } from '../analytics/analytics-projector.service';
import type { LedgerIndex } from '../read-model/ledger-index.port';
import type { SqliteWebhookOutbox } from '../webhooks/webhook-outbox';
import { HealthDto } from './health.response.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    @Inject(FORUM_INDEX) private readonly forumIndex: ForumIndex,
    @Inject(WEBHOOK_OUTBOX) private readonly outbox: SqliteWebhookOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly analytics: AnalyticsProjectorService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and read-model lag (no token needed)', security: [] })
  @ApiOkResponse({
    type: HealthDto,
    description:
      '{ status, apiProcess: { worker, processes }, eventStore, readModel, forums, webhooks, analytics: { position, lagEvents, lagSeconds, state } }. The server answers while ' +
      'the read models catch up after a start (reads that need one wait for it or answer 503). The forum index catches up on demand ' +
      '(each forum read and scheduler pass), so some lag between them is normal; webhooks is null where this replica does not dispatch.',
  })
  async health(): Promise<HealthDto> {
    const head = await this.store.headPosition();
    const lag = (position: number) => ({ position, lagEvents: Math.max(0, head - position) });
    const analyticsLag = this.analytics.projector.lag();
    return {
      status: 'ok',
      // Which of several API processes answered (ADR 0031); worker 0 of 1 when there is one.
      apiProcess: { worker: this.config.cluster.worker, processes: this.config.cluster.processes },
      eventStore: { headPosition: head },
      readModel: lag(this.index.checkpoint()),
      forums: lag(this.forumIndex.checkpoint()),
      webhooks: this.config.webhooks.dispatch || this.config.webhooks.sharedOutbox ? lag(this.outbox.checkpoint()) : null,
      analytics: {
        ...lag(this.analytics.projector.checkpoint()),
        lagSeconds: analyticsLag.seconds,
        state: this.analytics.projector.status().state,
      },
    };
  }
}
