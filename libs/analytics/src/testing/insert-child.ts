/**
 * Child process of analytics-client.int.spec.ts: migrates a chDB database, writes a projection checkpoint (an
 * INSERT with its rows inline, as every projector insert is) and reads it back, whatever this process's stdin holds.
 * Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register insert-child.ts <chdbDir>
 * stdout: `checkpoint <position read back>`; a failure exits 1 with the error on stderr.
 */
import { createAnalyticsClient } from '../clickhouse/analytics-client';
import { migrate } from '../migrations/migrator';
import { DecisionWriter } from '../projection/analytics-projector';

async function main(dir: string): Promise<void> {
  const client = createAnalyticsClient({ kind: 'chdb', path: dir, database: 'ledger' });
  await migrate(client, { database: 'ledger' });
  const writer = new DecisionWriter(client, 'ledger');
  await writer.writeCheckpoint(42);
  process.stdout.write(`checkpoint ${await writer.readCheckpoint()}\n`);
  await client.close();
}

main(process.argv[2]).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
