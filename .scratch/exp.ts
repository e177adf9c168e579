import { createAnalyticsClient, migrate, portfolio, backlogHeadline, reversalRatesByBacklog, refreshItemStates } from '@ledger/analytics';
const dir = process.argv[2];
(async () => {
  const client = createAnalyticsClient({ kind: 'chdb', path: dir, database: 'ledger' });
  const database = 'ledger';
  let t = Date.now();
  await migrate(client, { database }, (l: string) => console.log(l));
  console.log('migrate ms', Date.now() - t);
  const bl = await (await client.query({ query: `SELECT DISTINCT backlog_id FROM ${database}.decisions`, format: 'JSONEachRow' })).json<{ backlog_id: string }>();
  const scope = { database, backlogIds: bl.map((b) => b.backlog_id).sort(), at: new Date() };
  const period = { from: new Date(Date.now() - 90 * 86400000), to: scope.at };
  for (let i = 0; i < 4; i++) {
    t = Date.now(); const p = await portfolio(client, scope, period); const tp = Date.now() - t;
    t = Date.now(); const [h, r] = await Promise.all([backlogHeadline(client, scope), reversalRatesByBacklog(client, scope, period)]); const to = Date.now() - t;
    let diff = 0;
    p.forEach((row, k) => {
      const a = h[k], b = r[k];
      if (row.openItems !== a.openItems || row.zombies !== a.zombies || row.size.sizeInSprints !== a.sizeInSprints || row.decisions !== b.decisions || row.reversingDecisions !== b.reversingDecisions) { diff++; if (diff < 3) console.log('DIFF', JSON.stringify(row), JSON.stringify(a), JSON.stringify(b)); }
    });
    console.log(`new ${tp} ms, old ${to} ms, diffs ${diff}/${p.length}, sample`, JSON.stringify(p[0]));
  }
  const past = { ...scope, at: new Date(Date.now() - 120 * 86400000) };
  const pperiod = { from: new Date(past.at.getTime() - 90 * 86400000), to: past.at };
  t = Date.now(); const p = await portfolio(client, past, pperiod); const tp = Date.now() - t;
  t = Date.now(); const [h, r] = await Promise.all([backlogHeadline(client, past), reversalRatesByBacklog(client, past, pperiod)]); const to = Date.now() - t;
  let diff = 0;
  p.forEach((row, k) => { const a = h[k], b = r[k]; if (row.openItems !== a.openItems || row.zombies !== a.zombies || row.size.sizeInSprints !== a.sizeInSprints || row.decisions !== b.decisions || row.reversingDecisions !== b.reversingDecisions) diff++; });
  console.log(`PAST: new ${tp} ms, old ${to} ms, diffs ${diff}`);
  const items = await (await client.query({ query: `SELECT item_id, backlog_id FROM ${database}.item_state ORDER BY cityHash64(item_id) LIMIT 250`, format: 'JSONEachRow' })).json<{ item_id: string; backlog_id: string }>();
  for (let i = 0; i < 3; i++) { t = Date.now(); await refreshItemStates(client, database, new Map(items.map((x) => [x.item_id, x.backlog_id]))); console.log('refresh 250 ms', Date.now() - t); }
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
