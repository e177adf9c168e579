import type { Admin, Consumer, EachBatchPayload, IHeaders, Kafka, Producer } from 'kafkajs';
import type { RecordedEvent } from '@ledger/kernel';
import type { EventSource, Settle, SourceRun } from '@ledger/analytics';
import { decodeMessage } from './message-codec';
import { IDEMPOTENT_PRODUCER } from './kafka-client';
import { decodeCommitMetadata, encodeCommitMetadata, PartitionWatermarks } from './watermark';

export type KafkaLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface KafkaEventSourceOptions {
  kafka: Kafka;
  topic: string;
  /** Where poison messages go (`<topic>.dlq`). */
  dlqTopic: string;
  groupId: string;
  log?: KafkaLog;
  /** How often the other instances' progress (committed metadata) is read for the watermark. Default 1,000 ms. */
  refreshMs?: number;
  /** Longest a fetch waits for data (latency vs. requests). Default 100 ms. */
  maxWaitTimeInMs?: number;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  /** Called with this instance's partitions after each group join (observability, tests). */
  onAssignment?: (partitions: number[]) => void;
}

/** Headers a dead letter carries besides the original ones. */
export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  group: 'dlq-group',
  at: 'dlq-at',
} as const;

/**
 * EventSource over a Kafka consumer group (the distributed tier's projector). At-least-once:
 * - each fetched batch of one partition is decoded and handed to the projector; watermark messages carry no
 *   event, poison messages are published to the dead-letter topic (acks=all) and skipped, so a partition never
 *   stalls on them;
 * - offsets are committed only in the batch's `settle`, i.e. after the projector inserted its rows; the commit
 *   metadata carries the partition's watermark (see PartitionWatermarks), and `settle` returns the low-watermark
 *   over all partitions, which the projector records as its checkpoint;
 * - events at or below `after` (the projector's checkpoint, a true low-watermark) are skipped, not re-inserted.
 * Rebalance: a revoked partition's pending commit fails harmlessly (logged) and its new owner re-reads from
 * the last commit: duplicates, which the projection absorbs (ReplacingMergeTree keyed by position).
 * Order: per partition (= per stream), which is all the projection needs (rows are keyed by position).
 */
export class KafkaEventSource implements EventSource {
  private readonly log: KafkaLog;

  constructor(private readonly options: KafkaEventSourceOptions) {
    this.log = options.log ?? (() => undefined);
  }

  start(after: number, onBatch: (events: RecordedEvent[], settle?: Settle) => Promise<void>, onError: (error: unknown) => void): SourceRun {
    const { kafka, topic, dlqTopic, groupId } = this.options;
    const refreshMs = this.options.refreshMs ?? 1_000;
    const consumer: Consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 100,
      sessionTimeout: this.options.sessionTimeout ?? 10_000,
      heartbeatInterval: this.options.heartbeatInterval ?? 1_000,
      retry: { retries: 8 },
    });
    const dlq: Producer = kafka.producer(IDEMPOTENT_PRODUCER);
    const admin: Admin = kafka.admin();
    const watermarks = new PartitionWatermarks(0);
    let stopped = false;
    let failed = false;
    let closed: Promise<void> | null = null;
    let inBatch: Promise<void> = Promise.resolve();
    let refreshTimer: NodeJS.Timeout | null = null;
    /** Deliveries are serialized: `onBatch` is awaited before the next one (batches and watermark-only ones). */
    let queue: Promise<void> = Promise.resolve();
    let reported = after;
    const deliver = (events: RecordedEvent[], settle: Settle): Promise<void> => {
      const next = queue.then(() => (stopped ? undefined : onBatch(events, settle)));
      queue = next.catch(() => undefined);
      return next;
    };
    const watermarkNow: Settle = async () => (reported = Math.max(reported, watermarks.watermark()));

    const close = (): Promise<void> => {
      closed ??= (async () => {
        if (refreshTimer) clearInterval(refreshTimer);
        await consumer.disconnect().catch(() => undefined);
        await dlq.disconnect().catch(() => undefined);
        await admin.disconnect().catch(() => undefined);
      })();
      return closed;
    };

    const fail = (error: unknown) => {
      if (stopped || failed) return;
      failed = stopped = true;
      void close();
      onError(error);
    };

    const refreshCommitted = async () => {
      const [offsets, meta] = await Promise.all([admin.fetchOffsets({ groupId, topics: [topic] }), admin.fetchTopicMetadata({ topics: [topic] })]);
      watermarks.setPartitionCount(meta.topics[0]?.partitions.length ?? 0);
      for (const p of offsets[0]?.partitions ?? []) watermarks.mergeCommitted(p.partition, decodeCommitMetadata(p.metadata));
      // Other instances moved the low-watermark (and nothing arrives here to carry it): record it anyway.
      if (!stopped && watermarks.watermark() > reported) await deliver([], watermarkNow);
    };

    const commit = async (partition: number, offset: string, w: number): Promise<void> => {
      try {
        await consumer.commitOffsets([{ topic, partition, offset, metadata: encodeCommitMetadata(w) }]);
      } catch (err) {
        // Revoked in a rebalance (or the consumer is gone): the new owner re-reads from the previous commit.
        this.log('warn', 'kafka source: offset commit failed; the partition will be re-read from its last commit', {
          partition,
          offset,
          err: String(err),
        });
      }
    };

    const toDeadLetter = async (payload: EachBatchPayload, m: EachBatchPayload['batch']['messages'][number], reason: string) => {
      const headers: IHeaders = {
        ...(m.headers ?? {}),
        [DLQ_HEADERS.reason]: reason,
        [DLQ_HEADERS.topic]: topic,
        [DLQ_HEADERS.partition]: String(payload.batch.partition),
        [DLQ_HEADERS.offset]: m.offset,
        [DLQ_HEADERS.group]: groupId,
        [DLQ_HEADERS.at]: new Date().toISOString(),
      };
      await dlq.send({ topic: dlqTopic, acks: -1, messages: [{ key: m.key, value: m.value, headers }] });
      this.log('warn', 'kafka source: poison message sent to the dead-letter topic', {
        partition: payload.batch.partition,
        offset: m.offset,
        reason,
        dlqTopic,
      });
    };

    const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
      if (stopped) return;
      const { batch } = payload;
      const events: RecordedEvent[] = [];
      let progress = 0;
      let lastOffset: string | null = null;
      for (const m of batch.messages) {
        if (stopped || !payload.isRunning() || payload.isStale()) break;
        const d = decodeMessage(m);
        if (d.kind === 'poison') {
          await toDeadLetter(payload, m, d.reason);
        } else {
          progress = Math.max(progress, d.floor);
          if (d.kind === 'event') {
            progress = Math.max(progress, d.event.position);
            if (d.event.position > after) events.push(d.event);
          }
        }
        lastOffset = m.offset;
      }
      if (lastOffset === null || stopped) return;
      const partition = batch.partition;
      const nextOffset = String(BigInt(lastOffset) + 1n);
      const settle: Settle = async () => {
        const w = watermarks.advance(partition, progress);
        await commit(partition, nextOffset, w);
        return watermarkNow();
      };
      await deliver(events, settle);
      payload.resolveOffset(lastOffset);
      await payload.heartbeat();
    };

    const run = (async () => {
      await Promise.all([consumer.connect(), dlq.connect(), admin.connect()]);
      await refreshCommitted();
      refreshTimer = setInterval(
        () => void refreshCommitted().catch((err) => this.log('warn', 'kafka source: reading the group offsets failed', { err: String(err) })),
        refreshMs,
      );
      refreshTimer.unref();
      consumer.on(consumer.events.CRASH, (e) => {
        if (!e.payload.restart) fail(e.payload.error);
      });
      consumer.on(consumer.events.GROUP_JOIN, (e) => {
        const assigned = (e.payload.memberAssignment[topic] ?? []).slice().sort((a, b) => a - b);
        this.log('info', 'kafka source: joined the group', { groupId, partitions: assigned });
        this.options.onAssignment?.(assigned);
      });
      await consumer.subscribe({ topic, fromBeginning: true });
      if (stopped) return;
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: (payload) => {
          // One batch at a time (partitionsConsumedConcurrently: 1); `stop` waits for the current one.
          const current = eachBatch(payload).catch(fail);
          inBatch = current;
          return current;
        },
      });
    })().catch(fail);

    return {
      stop: async () => {
        stopped = true;
        await run;
        // Stop fetching but stay in the group: the projector's last flush still commits through it (close()).
        if (!failed && !closed) consumer.pause([{ topic }]);
        await inBatch;
        await queue;
        if (failed) await close();
      },
      close,
    };
  }
}
