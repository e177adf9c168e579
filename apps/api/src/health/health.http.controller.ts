import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@ledger/event-store';
import { Public } from '../auth/auth.guard';
import type { AppConfig } from '../config/config';
import type { ForumIndex } from '../forums/forum-index';
import { APP_CONFIG, EVENT_STORE, FORUM_INDEX, LEDGER_INDEX, WEBHOOK_OUTBOX } from '../infrastructure/tokens';
import { AnalyticsProjectorService } from '../analytics/analytics-projector.service';
import type { LedgerIndex } from '../read-model/ledger-index.port';
import type { SqliteWebhookOutbox } from '../webhooks/webhook-outbox';
import { HealthDto } from './health.response.dto';
import { Drain } from '../http/drain';
import { ProblemException } from '../http/problem';
import { ProjectionLag } from './projection-lag';

class LiveResponseDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

class ReadyProjectionDto {
  @ApiProperty({ enum: ['read-model', 'webhook-outbox', 'analytics'] }) projection: string;
  @ApiProperty({ description: 'Last event position it has applied.' }) position: number;
  @ApiProperty({ description: 'Committed events it has not applied yet.' }) lagEvents: number;
  @ApiProperty() ready: boolean;
}

class ReadyResponseDto {
  @ApiProperty({ enum: ['ready'] }) status: 'ready';
  @ApiProperty({ description: 'Position of the last committed event.' }) headPosition: number;
  @ApiProperty({ description: 'LEDGER_READY_MAX_LAG_EVENTS: the most a projection may lag and still count as ready.' }) maxLagEvents: number;
  @ApiProperty({ type: [ReadyProjectionDto] }) projections: ReadyProjectionDto[];
}

/** How long /health/ready waits for the event store before it counts as unreachable. */
const STORE_TIMEOUT_MS = 2_000;

const problem503 = {
  status: 503,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
};

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
    private readonly lag: ProjectionLag,
    private readonly drain: Drain,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and read-model lag (no token needed)', security: [] })
  @ApiOkResponse({
    type: HealthDto,
    description:
      '{ status, eventStore, readModel, forums, webhooks, analytics: { position, lagEvents, lagSeconds, state } }. The server answers while ' +
      'the read models catch up after a start (reads that need one wait for it or answer 503). The forum index catches up on demand ' +
      '(each forum read and scheduler pass), so some lag between them is normal; webhooks is null where this replica does not dispatch.',
  })
  async health(): Promise<HealthDto> {
    const head = await this.store.headPosition();
    const lag = (position: number) => ({ position, lagEvents: Math.max(0, head - position) });
    const analyticsLag = this.analytics.projector.lag();
    return {
      status: 'ok',
      eventStore: { headPosition: head },
      readModel: lag(this.index.checkpoint()),
      forums: lag(this.forumIndex.checkpoint()),
      webhooks: this.config.webhooks.dispatch ? lag(this.outbox.checkpoint()) : null,
      analytics: {
        ...lag(this.analytics.projector.checkpoint()),
        lagSeconds: analyticsLag.seconds,
        state: this.analytics.projector.status().state,
      },
    };
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness probe: the process answers (touches no store; no token needed)', security: [] })
  @ApiOkResponse({ type: LiveResponseDto })
  live(): LiveResponseDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness probe: the event store answers and every read model is within LEDGER_READY_MAX_LAG_EVENTS of its head (no token needed)',
    description:
      'Counts the read model (ranking, audit), the webhook outbox (where this replica dispatches) and the analytics projection. The forum ' +
      'index is not counted: it catches up on demand, on each forum read and scheduler pass. 503 (HEALTH.NOT_READY) while one lags more, ' +
      'while the store does not answer within 2 s, and once shutdown has begun; the problem lists the checks.',
    security: [],
  })
  @ApiOkResponse({ type: ReadyResponseDto })
  @ApiResponse({ ...problem503, description: 'Not ready (HEALTH.NOT_READY); `checks` says why' })
  async ready(): Promise<ReadyResponseDto> {
    const maxLagEvents = this.config.readyMaxLagEvents;
    if (this.drain.draining) {
      throw new ProblemException(503, 'HEALTH.NOT_READY', 'shutting down: this process takes no new work', { checks: { draining: true } });
    }
    let head: number;
    try {
      head = await withTimeout(this.store.headPosition(), STORE_TIMEOUT_MS);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new ProblemException(503, 'HEALTH.NOT_READY', `the event store does not answer: ${reason}`, {
        checks: { eventStore: { reachable: false, error: reason } },
      });
    }
    const projections = this.lag
      .positions()
      .filter((p) => p.projection !== 'forum-index')
      .map(({ projection, position }) => {
        const lagEvents = Math.max(0, head - position);
        return { projection, position, lagEvents, ready: lagEvents <= maxLagEvents };
      });
    const behind = projections.filter((p) => !p.ready);
    if (behind.length > 0) {
      throw new ProblemException(
        503,
        'HEALTH.NOT_READY',
        `catching up: ${behind.map((p) => `${p.projection} is ${p.lagEvents} events behind`).join(', ')} (ready at <= ${maxLagEvents})`,
        { checks: { eventStore: { reachable: true, headPosition: head }, maxLagEvents, projections } },
      );
    }
    return { status: 'ready', headPosition: head, maxLagEvents, projections };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
