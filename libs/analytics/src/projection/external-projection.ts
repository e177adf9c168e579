import type { ClickHouseClient } from '@clickhouse/client';
import type { EventStore } from '@ledger/event-store';
import { DecisionWriter, type ProjectorStatus } from './analytics-projector';

export interface ExternalProjectionOptions {
  client: ClickHouseClient;
  database: string;
  store: EventStore;
  /** Checkpoint name the projector writes. Default 'decisions'. */
  name?: string;
  /** How often the checkpoint (and the store head) are read. Default 200 ms. */
  pollMs?: number;
}

/**
 * The API's view of a projection another process runs (LEDGER_PROJECTOR=external: apps/projector over Kafka):
 * the same read-side surface as AnalyticsProjector (checkpoint, lag, status, waitFor), fed by polling the
 * checkpoint that projector writes to ClickHouse (a low-watermark: every event <= it is projected, ADR 0010).
 */
export class ExternalProjection {
  private readonly writer: DecisionWriter;
  private readonly pollMs: number;
  private position = 0;
  private head = 0;
  private behindSince: number | null = null;
  private lastError: string | null = null;
  private state: ProjectorStatus['state'] = 'idle';
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();

  constructor(private readonly options: ExternalProjectionOptions) {
    this.writer = new DecisionWriter(options.client, options.database, options.name ?? 'decisions');
    this.pollMs = options.pollMs ?? 200;
  }

  async start(): Promise<void> {
    if (this.state === 'running') return;
    this.state = 'running';
    await this.poll();
    this.timer = setInterval(() => void (this.polling = this.poll()), this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
    this.state = 'stopped';
  }

  checkpoint(): number {
    return this.position;
  }

  lag(): { events: number; seconds: number } {
    const events = Math.max(0, this.head - this.position);
    return { events, seconds: events === 0 || this.behindSince === null ? 0 : (Date.now() - this.behindSince) / 1000 };
  }

  status(): ProjectorStatus {
    return { state: this.state, checkpoint: this.position, head: this.head, lag: this.lag(), lastError: this.lastError };
  }

  /** Resolves true once the external projector's checkpoint reaches `position`, false after `timeoutMs`. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.position >= position) return true;
      if (Date.now() >= deadline || this.state !== 'running') return false;
      await new Promise((r) => setTimeout(r, Math.min(20, Math.max(1, deadline - Date.now()))));
      await this.poll();
    }
  }

  private async poll(): Promise<void> {
    try {
      const [position, head] = await Promise.all([this.writer.readCheckpoint(), this.options.store.headPosition()]);
      this.position = Math.max(this.position, position);
      this.head = Math.max(this.head, head);
      this.lastError = null;
      if (this.head > this.position) this.behindSince ??= Date.now();
      else this.behindSince = null;
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
    }
  }
}
