import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kafka } from 'kafkajs';
import { SqliteEventStore } from '@ledger/event-store';
import { projectAll } from '@ledger/analytics';
import { FileCheckpoint, KafkaRelay } from '@ledger/kafka';
import { startAnalytics, type AnalyticsHarness } from '../../../libs/analytics/src/testing/analytics-harness';
import { appendHistory, generateHistory } from '../../../libs/analytics/src/testing/generated-history';
import { digest, type ProjectionDigest } from '../../../libs/analytics/src/testing/digest';
import { testBrokers, testKafka, uniqueName } from '../../../libs/kafka/src/testing/broker';

const REPO_ROOT = resolve(__dirname, '../../..');

function runChild(args: string[], env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/projector/src/testing/projector-child.ts', ...args],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return { exited, lines: () => stdout.split('\n').filter(Boolean), stderr: () => stderr };
}

describe('projector over Kafka: SIGKILL in the middle of a batch (real broker, child process)', () => {
  let analytics: AnalyticsHarness;
  let kafka: Kafka;
  let brokers: string[];
  let dir: string;

  beforeAll(async () => {
    brokers = testBrokers();
    kafka = testKafka(brokers);
    analytics = await startAnalytics();
    dir = mkdtempSync(join(tmpdir(), 'ledger-kafka-crash-'));
  });
  afterAll(async () => {
    await analytics?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no event and counts none twice after kill -9 and a restart', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const head = await appendHistory(store, generateHistory({ events: 5_000, backlogs: 3, seed: 33 }));
    const topic = uniqueName('crash');
    const relay = new KafkaRelay({ kafka, store, checkpoint: new FileCheckpoint(join(dir, 'relay.checkpoint')), topic, dlqTopic: `${topic}.dlq`, partitions: 4 });
    await relay.start();
    expect(await relay.waitFor(head, 60_000)).toBe(true);
    await relay.stop();
    const referenceDb = await analytics.freshDatabase();
    await projectAll(analytics.client, referenceDb, store);
    const reference = await digest(analytics.client, referenceDb);
    await store.close();

    const chdbDir = join(dir, 'chdb');
    const args = [chdbDir, 'crash', topic, uniqueName('g'), brokers.join(','), '300', String(head)];
    const killed = runChild(args, { LEDGER_CHILD_KILL_AT_INSERT: '4' });
    const first = await killed.exited;
    expect(first.signal).toBe('SIGKILL');
    expect(killed.lines()).toContain(`start 0`);
    expect(killed.lines().filter((l) => l.startsWith('insert '))).toHaveLength(4);
    expect(killed.lines()).not.toContain('done');

    const restarted = runChild(args);
    const second = await restarted.exited;
    expect({ code: second.code, stderr: restarted.stderr() }).toEqual({ code: 0, stderr: '' });
    const lines = restarted.lines();
    const resumedFrom = Number(lines.find((l) => l.startsWith('start '))!.split(' ')[1]);
    expect(resumedFrom).toBeLessThan(head); // it did have to catch up after the kill
    const got = JSON.parse(lines.find((l) => l.startsWith('digest '))!.slice(7)) as ProjectionDigest;
    expect(got).toEqual(reference); // every row, each once under FINAL, same content
    expect(got.rows).toBe(got.distinctEvents);
    expect(lines).toContain(`checkpoint ${head}`);
  }, 240_000);
});
