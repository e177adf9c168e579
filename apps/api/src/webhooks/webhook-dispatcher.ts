import type { Clock, RecordedEvent } from '@ledger/kernel';
import type { EventStore, Subscription } from '@ledger/event-store';
import type { AttemptOutcome, DueDelivery, SqliteWebhookOutbox } from './webhook-outbox';
import { signature } from './webhook-signature';

export type DispatcherLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface WebhookDispatcherOptions {
  store: EventStore;
  outbox: SqliteWebhookOutbox;
  secretOf: (webhookId: string) => string;
  /** Timestamps, due times and backoff use this clock (tests move it). */
  clock: Clock;
  /** Jitter source in [0, 1) (tests fix it). Default Math.random. */
  random?: () => number;
  /** Per attempt: connect, headers and body. Default 5,000 ms. */
  timeoutMs?: number;
  /** Deliveries in flight at once. Default 4. */
  concurrency?: number;
  /** After this many failed attempts a delivery is dead. Default 8. */
  maxAttempts?: number;
  /** Delay after the first failure; doubles per attempt up to maxDelayMs, then "equal jitter" (half fixed, half random). Default 10 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often (real time) the sender looks for due deliveries besides being woken by new ones. Default 500 ms. */
  pollMs?: number;
  fetch?: typeof fetch;
  log?: DispatcherLog;
  /** Called once per recorded attempt with its outcome (metrics). */
  onAttempt?: (outcome: 'delivered' | 'retry' | 'dead') => void;
}

/**
 * Webhook dispatch, off the decision path (ADR 0015):
 * - the enqueuer follows the event store from the outbox checkpoint (subscribeAll) and writes, in one SQLite
 *   transaction per batch, the deliveries of the batch's events and the new checkpoint;
 * - the sender posts due deliveries (signed JSON), at most `concurrency` at once, each attempt bounded by
 *   `timeoutMs`; 2xx = delivered, anything else is retried with exponential backoff and jitter until `maxAttempts`
 *   (then dead). Every attempt is recorded.
 * Nothing a decision awaits touches this class: a decision's append returns before its event even reaches it.
 */
export class WebhookDispatcher {
  private readonly o: Required<Omit<WebhookDispatcherOptions, 'log' | 'onAttempt'>> & Pick<WebhookDispatcherOptions, 'onAttempt'> & { log: DispatcherLog };
  private subscription: Subscription | null = null;
  private buffer: RecordedEvent[] = [];
  private scheduled = false;
  private running = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private waiters: Array<{ position: number; done(): void }> = [];
  private ticking = false;

  constructor(options: WebhookDispatcherOptions) {
    this.o = {
      random: Math.random,
      timeoutMs: 5_000,
      concurrency: 4,
      maxAttempts: 8,
      baseDelayMs: 10_000,
      maxDelayMs: 3_600_000,
      pollMs: 500,
      fetch: globalThis.fetch,
      log: () => undefined,
      ...options,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.follow();
    this.pollTimer = setInterval(() => this.tick(), this.o.pollMs);
    this.pollTimer.unref();
    this.tick();
  }

  /** Stops following the store, enqueues what was delivered, aborts attempts in flight (they are retried on the next start). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const t of [this.restartTimer, this.pollTimer]) if (t) clearTimeout(t);
    this.restartTimer = this.pollTimer = null;
    await this.subscription?.close().catch(() => undefined);
    this.subscription = null;
    this.flush();
    const pending = [...this.inFlight.values()];
    for (const f of pending) f.abort.abort(new Error('shutting down'));
    await Promise.all(pending.map((f) => f.done));
    for (const w of this.waiters.splice(0)) w.done();
  }

  /** Last position whose deliveries are enqueued. */
  checkpoint(): number {
    return this.outbox.checkpoint();
  }

  /** Resolves once the enqueuer has reached `position` (or after `timeoutMs`, or on stop); true if reached. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.checkpoint() >= position) return true;
    if (!this.running || timeoutMs <= 0) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, timeoutMs);
      const waiter = { position, done: () => (clearTimeout(timer), resolve()) };
      this.waiters.push(waiter);
    });
    return this.checkpoint() >= position;
  }

  private get outbox(): SqliteWebhookOutbox {
    return this.o.outbox;
  }

  // ------------------------------------------------------------------ enqueuing

  private follow(): void {
    this.subscription = this.o.store.subscribeAll(
      this.outbox.checkpoint(),
      (e) => {
        this.buffer.push(e);
        if (this.buffer.length >= 500) this.flush();
        else if (!this.scheduled) {
          this.scheduled = true;
          setImmediate(() => this.flush());
        }
      },
      {
        onError: (err) => {
          // The outbox is idempotent on (webhook, event): resubscribing from the checkpoint re-enqueues nothing.
          this.o.log('error', 'webhook enqueuing stopped; resubscribing from the checkpoint in 1 s', { err: String(err) });
          this.buffer = [];
          this.subscription = null;
          if (!this.running) return;
          this.restartTimer = setTimeout(() => {
            this.restartTimer = null;
            if (this.running) this.follow();
          }, 1_000);
          this.restartTimer.unref();
        },
      },
    );
  }

  private flush(): void {
    this.scheduled = false;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    let enqueued = 0;
    try {
      enqueued = this.outbox.apply(batch, this.o.clock.now());
    } catch (err) {
      this.o.log('error', 'webhook enqueuing failed; resubscribing from the checkpoint', { err: String(err) });
      const sub = this.subscription;
      this.subscription = null;
      void sub?.close().then(() => {
        if (this.running) this.follow();
      });
      return;
    }
    const reached = this.outbox.checkpoint();
    const ready = this.waiters.filter((w) => w.position <= reached);
    this.waiters = this.waiters.filter((w) => w.position > reached);
    for (const w of ready) w.done();
    if (enqueued > 0) this.tick();
  }

  // ------------------------------------------------------------------ sending

  /** Starts every due delivery there is room for. */
  private tick(): void {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    try {
      const room = this.o.concurrency - this.inFlight.size;
      const due = this.outbox.due(this.o.clock.now().getTime(), room, new Set(this.inFlight.keys()));
      for (const d of due) {
        const abort = new AbortController();
        const done = this.send(d, abort).catch((err) => this.o.log('error', 'webhook delivery bookkeeping failed', { deliveryId: d.deliveryId, err: String(err) }));
        this.inFlight.set(d.deliveryId, { abort, done });
        void done.finally(() => {
          this.inFlight.delete(d.deliveryId);
          this.tick();
        });
      }
    } catch (err) {
      this.o.log('error', 'webhook sender could not read the outbox', { err: String(err) });
    } finally {
      this.ticking = false;
    }
  }

  private async send(d: DueDelivery, abort: AbortController): Promise<void> {
    const attempt = d.attempts + 1;
    const startedAt = this.o.clock.now();
    const t0 = performance.now();
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    const timer = setTimeout(() => abort.abort(new Error(`timed out after ${this.o.timeoutMs} ms`)), this.o.timeoutMs);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await this.o.fetch(d.url, {
        method: 'POST',
        redirect: 'manual',
        signal: abort.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'BacklogLedger-Webhooks/1',
          'x-ledger-event-id': d.eventId,
          'x-ledger-event-type': d.eventType,
          'x-ledger-delivery-id': d.deliveryId,
          'x-ledger-timestamp': String(timestamp),
          'x-ledger-signature': signature(this.o.secretOf(d.webhookId), timestamp, d.payload),
        },
        body: d.payload,
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}`;
    } catch (err) {
      error = abort.signal.aborted ? String((abort.signal.reason as Error)?.message ?? 'aborted') : describe(err);
    } finally {
      clearTimeout(timer);
    }
    if (!this.running && abort.signal.aborted) return; // cut by shutdown: not an attempt, retried after restart
    const durationMs = Math.round(performance.now() - t0);
    let outcome: AttemptOutcome;
    if (error === null) outcome = { status: 'delivered' };
    else if (attempt >= this.o.maxAttempts) outcome = { status: 'dead' };
    else outcome = { status: 'pending', nextAttemptAt: this.o.clock.now().getTime() + this.backoff(attempt) };
    this.outbox.recordAttempt(d.deliveryId, { attempt, startedAt: startedAt.toISOString(), durationMs, statusCode, error }, outcome);
    this.o.onAttempt?.(outcome.status === 'pending' ? 'retry' : outcome.status);
    if (outcome.status === 'dead') this.o.log('warn', 'webhook delivery gave up', { deliveryId: d.deliveryId, webhookId: d.webhookId, attempts: attempt, error });
  }

  /** Delay before attempt n + 1 after n failed attempts: min(max, base·2^(n−1)), half of it fixed, half random. */
  backoff(failedAttempts: number): number {
    const ceiling = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (failedAttempts - 1));
    return Math.round(ceiling / 2 + this.o.random() * (ceiling / 2));
  }
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  if (e?.cause?.code) return `${e.cause.code}${e.cause.message ? `: ${e.cause.message}` : ''}`;
  if (e?.cause?.message) return e.cause.message;
  return e?.message ?? String(err);
}
