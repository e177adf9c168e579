import type { Kafka } from 'kafkajs';
import { decodeMessage, header, HEADERS } from '../message-codec';

export interface TopicMessage {
  partition: number;
  offset: number;
  key: string | null;
  headers: Record<string, string>;
  value: Buffer | null;
  decoded: ReturnType<typeof decodeMessage>;
}

/** Reads every message of `topic` (each partition up to its end as of the call), with a throwaway group. */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<TopicMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
  await admin.disconnect();
  const out: TopicMessage[] = [];
  const done = () => [...ends].every(([p, high]) => high === 0 || out.some((m) => m.partition === p && m.offset === high - 1));
  if (done()) return out;
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}-${Math.random()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`readTopic ${topic}: timed out with ${out.length} messages`)), timeoutMs);
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const headers: Record<string, string> = {};
            for (const name of Object.keys(message.headers ?? {})) headers[name] = header(message.headers, name) ?? '';
            out.push({
              partition,
              offset: Number(message.offset),
              key: message.key?.toString('utf8') ?? null,
              headers,
              value: message.value,
              decoded: decodeMessage(message),
            });
            if (done()) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}

/** Positions of the event messages (watermark messages left out), in the order read. */
export const eventPositions = (messages: TopicMessage[]) =>
  messages.filter((m) => m.decoded.kind === 'event').map((m) => Number(m.headers[HEADERS.position]));
