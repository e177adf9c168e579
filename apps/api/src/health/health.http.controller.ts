import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@ledger/event-store';
import { Public } from '../auth/auth.guard';
import { EVENT_STORE, LEDGER_INDEX } from '../infrastructure/tokens';
import { AnalyticsProjectorService } from '../analytics/analytics-projector.service';
import type { LedgerIndex } from '../read-model/ledger-index.port';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    private readonly analytics: AnalyticsProjectorService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and read-model lag (no token needed)', security: [] })
  @ApiOkResponse({ description: '{ status, eventStore, readModel, analytics: { position, lagEvents, lagSeconds, state } }' })
  async health() {
    const head = await this.store.headPosition();
    const position = this.index.checkpoint();
    const lag = this.analytics.projector.lag();
    return {
      status: 'ok',
      eventStore: { headPosition: head },
      readModel: { position, lagEvents: Math.max(0, head - position) },
      analytics: {
        position: this.analytics.projector.checkpoint(),
        lagEvents: Math.max(0, head - this.analytics.projector.checkpoint()),
        lagSeconds: lag.seconds,
        state: this.analytics.projector.status().state,
      },
    };
  }
}
