import type { ClickHouseClient } from '@clickhouse/client';
import { liveItemStates } from '../projection/item-state';

/** What a projection holds, as metrics see it (FINAL), compact enough to compare across processes. */
export interface ProjectionDigest {
  /** Rows under FINAL (what every metric reads). */
  rows: number;
  /** Order-independent hash of every column of every FINAL row. */
  hash: string;
  /** Rows per event type, under FINAL. */
  byType: Record<string, number>;
  /** Sum of estimates, under FINAL. */
  sumEstimate: number;
  /** Distinct event ids: equals `rows` when nothing is counted twice. */
  distinctEvents: number;
  maxPosition: number;
  /** Order-independent hash of item_state's live rows (with how often each is live) and of backlog_decisions under FINAL (ADR 0018). */
  itemStateHash: string;
  backlogRowsHash: string;
}

export async function digest(client: ClickHouseClient, database: string): Promise<ProjectionDigest> {
  const one = async <T>(query: string): Promise<T[]> => (await client.query({ query, format: 'JSONEachRow' })).json<T>();
  const [summary] = await one<{ rows: string; hash: string; sum_estimate: number | null; distinct_events: string; max_position: string }>(
    `SELECT toString(count()) AS rows, toString(sum(cityHash64(*))) AS hash, sum(estimate) AS sum_estimate,
            toString(uniqExact(event_id)) AS distinct_events, toString(max(position)) AS max_position
     FROM (SELECT * FROM ${database}.decisions FINAL)`,
  );
  const types = await one<{ type: string; n: string }>(
    `SELECT type, toString(count()) AS n FROM ${database}.decisions FINAL GROUP BY type ORDER BY type`,
  );
  const [derived] = await one<{ item_state: string; backlog_rows: string }>(
    `SELECT (SELECT toString(sum(cityHash64(*))) FROM (${liveItemStates(database)})) AS item_state,
            (SELECT toString(sum(cityHash64(*))) FROM (SELECT * FROM ${database}.backlog_decisions FINAL)) AS backlog_rows`,
  );
  return {
    itemStateHash: derived.item_state,
    backlogRowsHash: derived.backlog_rows,
    rows: Number(summary.rows),
    hash: summary.hash,
    byType: Object.fromEntries(types.map((t) => [t.type, Number(t.n)])),
    sumEstimate: Number(summary.sum_estimate ?? 0),
    distinctEvents: Number(summary.distinct_events),
    maxPosition: Number(summary.max_position),
  };
}

/** Every FINAL row, in position order (for in-process comparisons). */
export async function allRows(client: ClickHouseClient, database: string): Promise<Record<string, unknown>[]> {
  const rs = await client.query({ query: `SELECT * FROM ${database}.decisions FINAL ORDER BY position`, format: 'JSONEachRow' });
  return rs.json<Record<string, unknown>>();
}

/** Rows physically stored (duplicates not yet merged away included). */
export async function rawCount(client: ClickHouseClient, database: string): Promise<number> {
  const rs = await client.query({ query: `SELECT toString(count()) AS n FROM ${database}.decisions`, format: 'JSONEachRow' });
  return Number((await rs.json<{ n: string }>())[0].n);
}
