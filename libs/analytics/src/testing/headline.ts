import type { ClickHouseClient } from '@clickhouse/client';
import { portfolio } from '../metrics/portfolio';

/** The portfolio's headline fields per backlog (what GET /analytics/portfolio shows), as of scope.at. */
export async function headline(client: ClickHouseClient, scope: { database: string; backlogIds: string[]; at: Date }) {
  const rows = await portfolio(client, scope, { from: new Date(0), to: scope.at });
  return rows.map((r) => ({ backlogId: r.backlogId, openItems: r.openItems, zombies: r.zombies, sizeInSprints: r.size.sizeInSprints, verdict: r.size.verdict }));
}
