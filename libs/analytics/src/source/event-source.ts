import type { RecordedEvent } from '@ledger/kernel';
import type { EventStore, Subscription } from '@ledger/event-store';

/** A running delivery; `stop()` resolves once no `onBatch` call is running and none will start. */
export interface SourceRun {
  stop(): Promise<void>;
  /**
   * Optional: release the connection after the consumer wrote its last batch (called after `stop()` and the
   * final flush), so settles of that flush can still use it (Kafka commits offsets through the group).
   */
  close?(): Promise<void>;
}

/**
 * Optional second argument of `onBatch`, for sources whose progress is not one global position (Kafka): called
 * once the batch's rows are inserted (after every earlier batch's), before the checkpoint is written; it
 * acknowledges the batch upstream (commits offsets) and resolves to the checkpoint to record: a low-watermark,
 * every event <= it is projected. Without it the checkpoint is the batch's last position.
 */
export type Settle = () => Promise<number>;

/**
 * Where the analytics projector reads events from. Today the event store ($all subscription); the distributed
 * tier puts a Kafka consumer behind the same interface.
 *
 * Contract:
 * - delivers every event with position > `after`, in global position order, in batches;
 * - at-least-once: a batch may be delivered again (after a reconnect, a rebalance, a restart from an older
 *   checkpoint), so the consumer must be idempotent;
 * - `onBatch` is awaited before the next batch is delivered (backpressure); if it rejects, the source stops
 *   and reports the error through `onError` (once);
 * - `onError` is called at most once per `start()`, after which the run delivers nothing more: the consumer
 *   restarts from its own checkpoint.
 */
export interface EventSource {
  start(after: number, onBatch: (events: RecordedEvent[], settle?: Settle) => Promise<void>, onError: (error: unknown) => void): SourceRun;
  /** Newest position that exists upstream (store head, end of topic), for lag reporting. Optional. */
  head?(): Promise<number>;
}

export interface EventStoreSourceOptions {
  /**
   * Catch-up page size for `readAll` (the store caps it at 10,000). While behind, the source reads whole pages
   * and hands them over directly; once a page comes back short it switches to the live subscription.
   * 0 = subscription only. Default 10,000.
   */
  catchUpPage?: number;
  /** Largest batch handed to `onBatch`. Default 5,000. */
  maxBatch?: number;
}

/**
 * EventSource over the event-store port: catch up with `readAll` pages (fast: no per-event hand-off), then
 * follow `subscribeAll` from the last delivered position, micro-batching what each wake-up brings.
 */
export class EventStoreSource implements EventSource {
  private readonly catchUpPage: number;
  private readonly maxBatch: number;

  constructor(
    private readonly store: EventStore,
    options: EventStoreSourceOptions = {},
  ) {
    this.catchUpPage = options.catchUpPage ?? 10_000;
    this.maxBatch = Math.max(1, options.maxBatch ?? 5_000);
  }

  head(): Promise<number> {
    return this.store.headPosition();
  }

  start(after: number, onBatch: (events: RecordedEvent[]) => Promise<void>, onError: (error: unknown) => void): SourceRun {
    let stopped = false;
    let subscription: Subscription | null = null;
    let buffer: RecordedEvent[] = [];
    let scheduled = false;
    let delivering: Promise<void> = Promise.resolve();

    const fail = (error: unknown) => {
      if (stopped) return;
      stopped = true;
      void subscription?.close();
      onError(error);
    };

    /** Hands the buffer over after the previous hand-off has finished (batches never overlap). */
    const deliver = (): Promise<void> => {
      scheduled = false;
      const batch = buffer;
      buffer = [];
      delivering = delivering.then(() => (batch.length > 0 && !stopped ? onBatch(batch) : undefined));
      return delivering;
    };

    const handler = async (event: RecordedEvent): Promise<void> => {
      if (stopped) return;
      buffer.push(event);
      if (buffer.length >= this.maxBatch) {
        await deliver(); // backpressure: the subscription reads no further until the batch is taken
      } else if (!scheduled) {
        // Everything the subscription reads in this turn (a page, or what one commit brought) forms one batch.
        scheduled = true;
        setImmediate(() => {
          if (!stopped) deliver().catch(fail);
        });
      }
    };

    const catchUpThenFollow = (async () => {
      let cursor = after;
      while (!stopped && this.catchUpPage > 0) {
        const page = await this.store.readAll({ after: cursor, limit: this.catchUpPage });
        for (let i = 0; i < page.length && !stopped; i += this.maxBatch) {
          await onBatch(page.length <= this.maxBatch ? page : page.slice(i, i + this.maxBatch));
        }
        if (page.length > 0) cursor = page[page.length - 1].position;
        if (page.length < this.catchUpPage) break;
      }
      if (stopped) return;
      subscription = this.store.subscribeAll(cursor, handler, { onError: fail });
    })().catch(fail);

    return {
      stop: async () => {
        stopped = true;
        await catchUpThenFollow;
        await subscription?.close();
        await delivering.catch(() => undefined);
      },
    };
  }
}
