import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { RecordedEvent } from '@ledger/kernel';
import type { EventStore, Subscription } from '@ledger/event-store';
import { EVENT_STORE, LEDGER_INDEX } from '../infrastructure/tokens';
import type { LedgerIndex } from './ledger-index.port';
import { JsonLogger } from '../shared/json-logger';

/** Keeps the read model up to date: catch up from its checkpoint, then follow every commit. */
@Injectable()
export class LedgerIndexProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: Subscription;
  private buffer: RecordedEvent[] = [];
  private scheduled = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.store.subscribeAll(
      this.index.checkpoint(),
      (e) => {
        this.buffer.push(e);
        if (this.buffer.length >= 1000) this.flush();
        else if (!this.scheduled) {
          this.scheduled = true;
          setImmediate(() => this.flush());
        }
      },
      { onError: (err) => this.logger.error('read-model projection stopped', { err: String(err) }) },
    );
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.buffer;
    this.buffer = [];
    this.index.apply(batch);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    if (this.buffer.length) this.flush();
  }
}
