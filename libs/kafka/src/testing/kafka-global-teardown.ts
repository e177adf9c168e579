/** jest globalTeardown (int project): stops the test broker if this jest run started it (see broker.ts). */
import { existsSync, rmSync } from 'node:fs';
import { DEFAULT_TEST_BROKER, kafkaSh, startedMarker } from './broker';

export default async function teardown(): Promise<void> {
  const marker = startedMarker(DEFAULT_TEST_BROKER, process.pid);
  if (!existsSync(marker)) return;
  rmSync(marker, { force: true });
  kafkaSh('stop');
}
