import { createAnalyticsClient, loadPolicies } from '@ledger/analytics';
import { chTime } from '@ledger/analytics';
const dir = process.argv[2];
(async () => {
  const client = createAnalyticsClient({ kind: 'chdb', path: dir, database: 'ledger' });
  const db = 'ledger';
  const bl = await (await client.query({ query: `SELECT DISTINCT backlog_id FROM ${db}.item_state`, format: 'JSONEachRow' })).json<{ backlog_id: string }>();
  const backlogIds = bl.map((b) => b.backlog_id);
  const at = new Date();
  const pol = await loadPolicies(client, db, backlogIds, at);
  const params = { backlogs: backlogIds, at: chTime(at.toISOString()), from: chTime(new Date(Date.now() - 90 * 864e5).toISOString()), to: chTime(at.toISOString()), ...pol };
  const mod = require('/work/main/libs/analytics/src/metrics/portfolio.ts');
  const full: string = mod.__sql(db);
  const variants: Record<string, string> = {
    full,
    no_union: full.replace(/UNION ALL[\s\S]*?GROUP BY backlog_id, item_id\)/, ''),
    no_window: full.replace(/arrayCount\(d -> d\.3 = 0 OR[\s\S]*?in_period\) AS reversing/, '0 AS reversing'),
  };
  for (const [name, q] of Object.entries(variants)) {
    const times: number[] = [];
    for (let i = 0; i < 4; i++) { const t = Date.now(); await (await client.query({ query: q, query_params: params, format: 'JSONEachRow', clickhouse_settings: { do_not_merge_across_partitions_select_final: 1 } })).json(); times.push(Date.now() - t); }
    console.log(name.padEnd(16), times.join(' '), q.length);
  }
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
