/**
 * The real Kafka broker for the int tests. KAFKA_BROKERS set: that broker. Otherwise infra/kafka/kafka.sh
 * starts ours (or reuses it when it already runs; flock makes parallel workers safe); if this jest run started
 * it, a marker file tells the global teardown (kafka-global-teardown.ts) to stop it at the end.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { createKafka } from '../kafka-client';

export const REPO_ROOT = resolve(__dirname, '../../../..');
export const KAFKA_SH = join(REPO_ROOT, 'infra', 'kafka', 'kafka.sh');

export interface BrokerInstance {
  port: number;
  homeDir: string;
}

export const DEFAULT_TEST_BROKER: BrokerInstance = {
  port: Number(process.env.KAFKA_PORT || 19092),
  homeDir: process.env.KAFKA_HOME_DIR || join(homedir(), '.cache', 'backlog-ledger', `broker-${process.env.KAFKA_PORT || 19092}`),
};

export function kafkaSh(command: 'start' | 'stop' | 'status', broker: BrokerInstance = DEFAULT_TEST_BROKER): string {
  try {
    return execFileSync('bash', [KAFKA_SH, command], {
      encoding: 'utf8',
      env: { ...process.env, KAFKA_PORT: String(broker.port), KAFKA_HOME_DIR: broker.homeDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
    }).trim();
  } catch (err) {
    if (command === 'status') return 'stopped';
    const e = err as { stderr?: string; message: string };
    throw new Error(`kafka.sh ${command} failed: ${e.stderr || e.message}`);
  }
}

/** Marker naming the jest run (LEDGER_JEST_RUN_ID, set by kafka-global-setup.ts) that started the broker. */
export const startedMarker = (broker: BrokerInstance, jestPid: number) => join(broker.homeDir, `started-by-jest-${jestPid}`);

/** Bootstrap servers of the test broker, starting it if needed. */
export function testBrokers(): string[] {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS.split(',');
  const wasRunning = kafkaSh('status').startsWith('running');
  const address = kafkaSh('start').split('\n').pop()!;
  if (!wasRunning) writeFileSync(startedMarker(DEFAULT_TEST_BROKER, Number(process.env.LEDGER_JEST_RUN_ID ?? process.ppid)), `${address}\n`);
  return [address];
}

export function testKafka(brokers: string[] = testBrokers()): Kafka {
  return createKafka({ brokers, clientId: `test-${process.pid}` });
}

/** A topic / group name no other test uses. */
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${randomUUID().slice(0, 8)}`;

