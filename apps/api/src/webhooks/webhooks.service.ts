import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LedgerError, type Clock } from '@ledger/kernel';
import type { EventStore } from '@ledger/event-store';
import type { AppConfig } from '../config/config';
import { APP_CONFIG, CLOCK, EVENT_STORE, WEBHOOK_OUTBOX } from '../infrastructure/tokens';
import { JsonLogger } from '../shared/json-logger';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import type { Pausable } from '../shared/pausable';
import { WebhookDispatcher } from './webhook-dispatcher';
import type { SqliteWebhookOutbox } from './webhook-outbox';
import { WebhookSecrets } from './webhook-secrets';

/** Starts the webhook dispatcher with the app and stops it (aborting attempts in flight) before the stores close. */
@Injectable()
export class WebhooksService implements OnApplicationBootstrap, OnApplicationShutdown, Pausable {
  private paused = false;

  readonly secrets: WebhookSecrets;
  readonly dispatcher: WebhookDispatcher;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WEBHOOK_OUTBOX) readonly outbox: SqliteWebhookOutbox,
    @Inject(APP_CONFIG) readonly config: AppConfig,
    @Inject(CLOCK) clock: Clock,
    logger: JsonLogger,
    metrics: LedgerMetrics,
  ) {
    this.secrets = WebhookSecrets.fromConfig(config.webhooks);
    this.dispatcher = new WebhookDispatcher({
      store,
      outbox,
      clock,
      secretOf: (id) => this.secrets.secretOf(id),
      log: (level, message, fields) => logger[level](message, fields ?? {}),
      onAttempt: (outcome) => metrics.observeWebhookAttempt(outcome),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.webhooks.dispatch) this.dispatcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.stop();
  }

  /** Stops enqueuing and sending (attempts in flight are retried later); a bulk import writes meanwhile (ADR 0027). */
  async pause(): Promise<void> {
    this.paused = true;
    await this.dispatcher.stop();
  }

  /** Enqueues from the outbox checkpoint again and sends what is due. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.config.webhooks.dispatch) this.dispatcher.start();
  }

  /** Read-your-writes for the outbox views: wait (bounded) until the enqueuer has reached the store's head. */
  async caughtUp(): Promise<void> {
    if (this.config.webhooks.sharedOutbox) return this.sharedOutboxCaughtUp();
    if (!this.config.webhooks.dispatch) {
      throw new LedgerError(
        'WEBHOOKS.NOT_DISPATCHED_HERE',
        'unavailable',
        'this replica does not dispatch webhooks (LEDGER_WEBHOOKS_DISPATCH=false): ask the replica that does for registrations and deliveries',
      );
    }
    const head = await this.store.headPosition();
    if (!(await this.dispatcher.waitFor(head, this.config.readYourWritesTimeoutMs))) {
      throw new LedgerError('WEBHOOKS.BEHIND', 'unavailable', `the webhook outbox has not caught up with position ${head} yet; retry`, {
        position: head,
        reached: this.dispatcher.checkpoint(),
      });
    }
  }

  /** Another API process of this data dir enqueues into the same outbox file: wait (bounded) for its checkpoint. */
  private async sharedOutboxCaughtUp(): Promise<void> {
    const head = await this.store.headPosition();
    const deadline = Date.now() + this.config.readYourWritesTimeoutMs;
    while (this.outbox.checkpoint() < head) {
      if (Date.now() >= deadline) {
        throw new LedgerError('WEBHOOKS.BEHIND', 'unavailable', `the webhook outbox has not caught up with position ${head} yet; retry`, {
          position: head,
          reached: this.outbox.checkpoint(),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
