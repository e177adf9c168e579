import { createAnalyticsClient } from '@ledger/analytics';
const dir = process.argv[2];
(async () => {
  const client = createAnalyticsClient({ kind: 'chdb', path: dir, database: 'ledger' });
  const db = 'ledger';
  const bl = await (await client.query({ query: `SELECT DISTINCT backlog_id FROM ${db}.item_state`, format: 'JSONEachRow' })).json<{ backlog_id: string }>();
  const params = { backlogs: bl.map((b) => b.backlog_id), at: '2030-01-01 00:00:00.000', from: '2026-08-01 00:00:00.000' };
  const qs: Record<string, string> = {
    count_final: `SELECT count() FROM ${db}.item_state FINAL WHERE backlog_id IN {backlogs:Array(String)}`,
    count_nofinal: `SELECT count() FROM ${db}.item_state WHERE backlog_id IN {backlogs:Array(String)}`,
    parts: `SELECT count(), sum(rows) FROM system.parts WHERE database='${db}' AND table='item_state' AND active`,
    status_agg: `SELECT backlog_id, countIf(status_type IN ('item.added','item.revived','item.started')) FROM ${db}.item_state FINAL WHERE backlog_id IN {backlogs:Array(String)} AND last_occurred_at <= {at:DateTime64(3,'UTC')} GROUP BY backlog_id`,
    arr_len: `SELECT backlog_id, sum(length(arrayFilter(d -> d.1 >= {from:DateTime64(3,'UTC')}, decisions))) FROM ${db}.item_state FINAL WHERE backlog_id IN {backlogs:Array(String)} GROUP BY backlog_id`,
    arr_len_nofinal: `SELECT backlog_id, sum(length(arrayFilter(d -> d.1 >= {from:DateTime64(3,'UTC')}, decisions))) FROM ${db}.item_state WHERE backlog_id IN {backlogs:Array(String)} GROUP BY backlog_id`,
    changed: `SELECT count() FROM ${db}.item_state FINAL WHERE backlog_id IN {backlogs:Array(String)} AND last_occurred_at > {at:DateTime64(3,'UTC')}`,
    policy: `SELECT backlog_id, argMax(policy, position) FROM ${db}.decisions FINAL WHERE type IN ('backlog.created','backlog.policy-changed') AND item_id = '' AND backlog_id IN {backlogs:Array(String)} GROUP BY backlog_id`,
    velocity: `SELECT backlog_id, count() FROM ${db}.decisions FINAL WHERE type = 'backlog.sprint-velocity-recorded' AND item_id = '' AND backlog_id IN {backlogs:Array(String)} GROUP BY backlog_id`,
  };
  for (const [name, q] of Object.entries(qs)) {
    const times: number[] = [];
    let out = '';
    for (let i = 0; i < 4; i++) { const t = Date.now(); const r = await (await client.query({ query: q, query_params: params, format: 'JSONEachRow', clickhouse_settings: { do_not_merge_across_partitions_select_final: 1 } })).json(); times.push(Date.now() - t); out = JSON.stringify(r).slice(0, 80); }
    console.log(name.padEnd(16), times.join(' '), out);
  }
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
