import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { RecordedEvent } from '@ledger/kernel';
import type { EventStore } from '@ledger/event-store';
import { EventStoreSource, type SourceRun } from '@ledger/analytics';
import { encodeEvent, encodeWatermark } from './message-codec';
import { ensureTopics } from './topics';
import { IDEMPOTENT_PRODUCER } from './kafka-client';
import type { KafkaLog } from './kafka-event-source';

/** Where the relay keeps the last position the broker acknowledged. */
export interface RelayCheckpoint {
  read(): Promise<number>;
  write(position: number): Promise<void>;
}

/** A small file, replaced atomically (write temp, fsync, rename): survives kill -9 and power loss. */
export class FileCheckpoint implements RelayCheckpoint {
  constructor(readonly file: string) {}

  async read(): Promise<number> {
    if (!existsSync(this.file)) return 0;
    const n = Number(readFileSync(this.file, 'utf8').trim());
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`relay checkpoint ${this.file} is corrupt`);
    return n;
  }

  async write(position: number): Promise<void> {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${position}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}

export interface RelayOptions {
  kafka: Kafka;
  store: EventStore;
  checkpoint: RelayCheckpoint;
  topic: string;
  /** Partitions for a topic that does not exist yet (and its DLQ). */
  partitions: number;
  replicationFactor?: number;
  dlqTopic?: string;
  /** Largest batch per send. Default 1,000. */
  maxBatch?: number;
  /**
   * How soon partitions that got no event in the last sends receive a watermark message carrying the new
   * checkpoint (what lets the projector's low-watermark pass idle partitions). Default 20 ms.
   */
  watermarkMs?: number;
  /** First retry delay after a failure (doubles up to 30 s). Default 500 ms. */
  retryMs?: number;
  log?: KafkaLog;
}

export interface RelayStatus {
  state: 'idle' | 'running' | 'retrying' | 'stopped';
  checkpoint: number;
  published: number;
  lastError: string | null;
}

/**
 * Store → Kafka. Follows the store from its checkpoint through the event-store port (catch-up pages, then the
 * live subscription: EventStoreSource), publishes each batch to the versioned topic with an idempotent
 * producer and acks=all (key = stream id: per-item order), and advances the checkpoint only after the broker
 * acknowledged the whole batch. A crash between the ack and the checkpoint re-publishes that batch on restart:
 * consumers are idempotent (ADR 0010). Failures (broker down, store error) restart from the checkpoint after
 * a backoff, with a fresh producer.
 */
export class KafkaRelay {
  private readonly log: KafkaLog;
  private readonly maxBatch: number;
  private readonly watermarkMs: number;
  private readonly retryMs: number;
  private state: RelayStatus['state'] = 'idle';
  private position = 0;
  private published = 0;
  private lastError: string | null = null;
  private failures = 0;
  private generation = 0;
  private producer: Producer | null = null;
  private run: SourceRun | null = null;
  private partitionCount = 0;
  /** Per partition, the floor last sent to it. */
  private floorSent: number[] = [];
  private sending: Promise<void> = Promise.resolve();
  private watermarkTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private waiters: Array<{ position: number; done(): void }> = [];

  constructor(private readonly options: RelayOptions) {
    this.log = options.log ?? (() => undefined);
    this.maxBatch = Math.max(1, options.maxBatch ?? 1_000);
    this.watermarkMs = options.watermarkMs ?? 20;
    this.retryMs = options.retryMs ?? 500;
  }

  /** Creates the topics if needed, reads the checkpoint and starts following the store. */
  async start(): Promise<void> {
    if (this.state === 'running' || this.state === 'retrying') return;
    const { kafka, topic, partitions, replicationFactor, dlqTopic } = this.options;
    this.partitionCount = await ensureTopics(kafka, [
      { topic, numPartitions: partitions, replicationFactor: replicationFactor ?? 1 },
      ...(dlqTopic ? [{ topic: dlqTopic, numPartitions: partitions, replicationFactor: replicationFactor ?? 1 }] : []),
    ]);
    this.position = await this.options.checkpoint.read();
    this.state = 'running';
    this.log('info', 'relay starting', { checkpoint: this.position, topic, partitions: this.partitionCount });
    await this.startRun();
  }

  async stop(): Promise<void> {
    if (this.state === 'idle' || this.state === 'stopped') return;
    const wasRunning = this.state === 'running';
    this.state = 'stopped';
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watermarkTimer) clearTimeout(this.watermarkTimer);
    this.retryTimer = this.watermarkTimer = null;
    const run = this.run;
    this.run = null;
    await run?.stop().catch(() => undefined);
    await this.sending.catch(() => undefined);
    // Last word to idle partitions, so consumers' low-watermark reaches the final checkpoint.
    if (wasRunning) await this.sendWatermarks(this.generation).catch(() => undefined);
    this.generation++;
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = null;
    this.log('info', 'relay stopped', { checkpoint: this.position });
  }

  checkpoint(): number {
    return this.position;
  }

  status(): RelayStatus {
    return { state: this.state, checkpoint: this.position, published: this.published, lastError: this.lastError };
  }

  /** Resolves true once the checkpoint reaches `position` (the broker acknowledged it), false after the timeout. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, done: () => (clearTimeout(timer), resolve(true)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  // ---------------------------------------------------------------- internals

  private async startRun(): Promise<void> {
    const generation = ++this.generation;
    const producer = this.options.kafka.producer(IDEMPOTENT_PRODUCER);
    this.producer = producer;
    try {
      await producer.connect();
    } catch (err) {
      this.fail(err, generation);
      return;
    }
    if (generation !== this.generation) return;
    this.floorSent = new Array(this.partitionCount).fill(-1);
    const source = new EventStoreSource(this.options.store, { catchUpPage: Math.max(this.maxBatch, 1_000), maxBatch: this.maxBatch });
    this.run = source.start(
      this.position,
      (events) => this.publish(events, generation),
      (err) => this.fail(err, generation),
    );
  }

  private publish(events: RecordedEvent[], generation: number): Promise<void> {
    this.sending = this.sending.then(async () => {
      if (generation !== this.generation) throw new Error('stale relay run');
      const floor = this.position;
      const messages: Message[] = events.map((e) => encodeEvent(e, floor));
      const acks = await this.producer!.send({ topic: this.options.topic, acks: -1, messages });
      if (generation !== this.generation) throw new Error('stale relay run');
      for (const a of acks) this.floorSent[a.partition] = Math.max(this.floorSent[a.partition] ?? -1, floor);
      const last = events[events.length - 1].position;
      await this.options.checkpoint.write(last);
      this.position = last;
      this.published += events.length;
      this.failures = 0;
      this.lastError = null;
      this.notify();
      this.scheduleWatermarks(generation);
    });
    return this.sending;
  }

  /** Partitions whose last floor is behind the checkpoint get a watermark message, at most every watermarkMs. */
  private scheduleWatermarks(generation: number): void {
    if (this.watermarkTimer) return;
    this.watermarkTimer = setTimeout(() => {
      this.watermarkTimer = null;
      this.sending = this.sending.then(() => this.sendWatermarks(generation)).catch((err) => this.fail(err, generation));
    }, this.watermarkMs);
    this.watermarkTimer.unref();
  }

  private async sendWatermarks(generation: number): Promise<void> {
    if (generation !== this.generation || !this.producer) return;
    const floor = this.position;
    const stale: number[] = [];
    for (let p = 0; p < this.partitionCount; p++) if (this.floorSent[p] < floor) stale.push(p);
    if (stale.length === 0) return;
    await this.producer.send({ topic: this.options.topic, acks: -1, messages: stale.map((p) => encodeWatermark(p, floor)) });
    for (const p of stale) this.floorSent[p] = floor;
  }

  private notify(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const w of ready) w.done();
  }

  private fail(error: unknown, generation: number): void {
    if (generation !== this.generation || this.state === 'stopped') return;
    this.generation++;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.state = 'retrying';
    const delay = Math.min(30_000, this.retryMs * 2 ** this.failures);
    this.failures++;
    this.log('error', 'relay failed; restarting from the checkpoint', { err: this.lastError, checkpoint: this.position, retryInMs: delay });
    const run = this.run;
    const producer = this.producer;
    this.run = this.producer = null;
    if (this.watermarkTimer) clearTimeout(this.watermarkTimer);
    this.watermarkTimer = null;
    const cleanup = (async () => {
      await run?.stop().catch(() => undefined);
      await this.sending.catch(() => undefined);
      this.sending = Promise.resolve();
      await producer?.disconnect().catch(() => undefined);
    })();
    const retryGeneration = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void cleanup.then(() => {
        if (this.state !== 'retrying' || retryGeneration !== this.generation) return;
        this.state = 'running';
        return this.startRun();
      });
    }, delay);
    this.retryTimer.unref();
  }
}
