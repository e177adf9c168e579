import type { ITopicConfig, Kafka } from 'kafkajs';

/**
 * Creates the topics that do not exist yet (with their configured partitions) and returns the partition count
 * of the first one as it is on the broker (an existing topic keeps its own count).
 */
export async function ensureTopics(kafka: Kafka, topics: ITopicConfig[]): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({ topics: missing, waitForLeaders: true });
      } catch (err) {
        // Another process created it meanwhile: fine, as long as it exists now.
        if (!String((err as Error).message).includes('already exists')) throw err;
      }
    }
    const meta = await admin.fetchTopicMetadata({ topics: [topics[0].topic] });
    return meta.topics[0].partitions.length;
  } finally {
    await admin.disconnect();
  }
}
