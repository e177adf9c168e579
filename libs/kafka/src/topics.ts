import type { ITopicConfig, Kafka } from 'kafkajs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Errors a freshly created topic answers with until every broker knows it (kafkajs marks them retriable). */
function isTransient(err: unknown): boolean {
  const e = err as { retriable?: boolean; type?: string; message?: string };
  return e?.retriable === true || /UNKNOWN_TOPIC_OR_PARTITION|LEADER_NOT_AVAILABLE/.test(String(e?.type)) || /does not host this topic-partition|leader/i.test(String(e?.message));
}

/**
 * Creates the topics that do not exist yet (with their configured partitions), waits until each partition has a
 * leader, and returns the partition count of the first one as it is on the broker (an existing topic keeps its own
 * count). Right after creation the broker may briefly answer "does not host this topic-partition"; that is waited
 * out (bounded by `timeoutMs`) rather than reported.
 */
export async function ensureTopics(kafka: Kafka, topics: ITopicConfig[], timeoutMs = 30_000): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({ topics: missing, waitForLeaders: false });
      } catch (err) {
        // Another process created it meanwhile: fine, as long as it exists now.
        if (!String((err as Error).message).includes('already exists')) throw err;
      }
    }
    const names = topics.map((t) => t.topic);
    for (;;) {
      let problem: unknown = null;
      try {
        const meta = await admin.fetchTopicMetadata({ topics: names });
        const first = meta.topics.find((t) => t.name === names[0]);
        const ready = meta.topics.length === names.length && meta.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
        if (ready && first) return first.partitions.length;
        problem = new Error(`topics ${names.join(', ')} have partitions without a leader`);
      } catch (err) {
        if (!isTransient(err)) throw err;
        problem = err;
      }
      if (Date.now() > deadline) {
        throw new Error(`Kafka topics ${names.join(', ')} not ready after ${timeoutMs} ms (${(problem as Error).message}); is the broker healthy?`);
      }
      await sleep(100);
    }
  } finally {
    await admin.disconnect();
  }
}
