import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import type { RecordedEvent } from '@ledger/kernel';
import type { EventStore, Subscription } from '@ledger/event-store';
import { EVENT_STORE, LEDGER_INDEX } from '../infrastructure/tokens';
import type { LedgerIndex } from './ledger-index.port';
import { JsonLogger } from '../shared/json-logger';
import type { Pausable } from '../shared/pausable';
import { NO_TRACING, Tracing } from '../tracing/tracing';

/** Events per catch-up page: one read, one read-model transaction, then a yield to the event loop. */
export const CATCH_UP_PAGE = 5_000;

/**
 * Keeps the read model up to date: catches up from its checkpoint in pages, in the background (the server
 * listens meanwhile; reads that need the read model wait for it, ADR 0005/0019), then follows every commit.
 */
@Injectable()
export class LedgerIndexProjector implements OnApplicationBootstrap, OnApplicationShutdown, Pausable {
  private subscription?: Subscription;
  private buffer: RecordedEvent[] = [];
  private scheduled = false;
  private stopping = false;
  private paused = false;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_INDEX) private readonly index: LedgerIndex,
    private readonly logger: JsonLogger,
    @Optional() private readonly tracing: Tracing = NO_TRACING,
  ) {}

  onApplicationBootstrap(): void {
    this.catchingUp = this.catchUpThenFollow();
  }

  /** Stops following the store (a bulk import writes meanwhile, ADR 0027); what was read is applied. */
  async pause(): Promise<void> {
    this.paused = true;
    await this.catchingUp;
    await this.subscription?.close();
    this.subscription = undefined;
    if (this.buffer.length) this.flush();
  }

  /** Catches up from the checkpoint again, in the background, then follows. */
  resume(): void {
    if (!this.paused || this.stopping) return;
    this.paused = false;
    this.catchingUp = this.catchUpThenFollow();
  }

  /** Pages of `readAll` (no per-event hand-off), yielding between pages; then the live subscription. */
  private async catchUpThenFollow(): Promise<void> {
    let cursor = this.index.checkpoint();
    const started = Date.now();
    let events = 0;
    try {
      for (;;) {
        const page = await this.store.readAll({ after: cursor, limit: CATCH_UP_PAGE });
        if (this.stopping || this.paused) return;
        if (page.length > 0) {
          this.index.apply(page);
          cursor = page[page.length - 1].position;
          events += page.length;
        }
        if (page.length < CATCH_UP_PAGE) break;
        await new Promise((resolve) => setImmediate(resolve));
        if (this.stopping || this.paused) return;
      }
    } catch (err) {
      if (!this.stopping && !this.paused) this.logger.error('read-model catch-up stopped', { err: String(err), checkpoint: this.index.checkpoint() });
      return;
    }
    if (events > 0) this.logger.info('read model caught up', { events, position: cursor, ms: Date.now() - started });
    if (this.stopping || this.paused) return;
    this.subscription = this.store.subscribeAll(
      cursor,
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
    if (!this.tracing.enabled) {
      this.index.apply(batch);
      return;
    }
    const startedAt = Date.now();
    this.index.apply(batch);
    this.tracing.projected('read-model', batch, startedAt, Date.now());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.catchingUp;
    await this.subscription?.close();
    if (this.buffer.length) this.flush();
  }
}
