import { createAnalyticsClient } from '@ledger/analytics';
(async () => {
  const client = createAnalyticsClient({ kind: 'chdb', path: process.argv[2], database: 'ledger' });
  await client.command({ query: 'DROP TABLE IF EXISTS ledger.item_state' });
  await client.command({ query: 'DROP TABLE IF EXISTS ledger.backlog_decisions' });
  await client.command({ query: 'ALTER TABLE ledger.schema_migrations DELETE WHERE version = 5 SETTINGS mutations_sync = 1' });
  process.exit(0);
})();
