import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportMetricsFile } from '../import/import-metrics-file';
import { LedgerMetrics } from './ledger-metrics';

const INFRA = join(__dirname, '../../../../infra');

/** Metric names a PromQL expression refers to (ours and Node's), without histogram suffixes. */
function referenced(expr: string): string[] {
  return [...expr.matchAll(/\b((?:ledger|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1].replace(/_(bucket|sum|count)$/, ''));
}

describe('the Grafana dashboard and the alert rules', () => {
  const dashboard = JSON.parse(readFileSync(join(INFRA, 'grafana/dashboards/backlog-ledger.json'), 'utf8'));
  const exprs: string[] = dashboard.panels.flatMap((p: { targets?: { expr: string }[] }) => (p.targets ?? []).map((t) => t.expr));
  const alerts = readFileSync(join(INFRA, 'prometheus/alerts.yml'), 'utf8');

  it('query only metrics the API (or the import metrics file) exports', async () => {
    const metrics = new LedgerMetrics();
    metrics.exportLag(async () => ({ head: 0, projections: [] }));
    const exported = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
    const dir = mkdtempSync(join(tmpdir(), 'ledger-dashboard-'));
    try {
      const importFile = new ImportMetricsFile(join(dir, 'import.prom'), 'x.ndjson', Infinity);
      await importFile.finish(null);
      for (const m of readFileSync(join(dir, 'import.prom'), 'utf8').matchAll(/^# TYPE (\S+) /gm)) exported.add(m[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const used = new Set([...exprs.flatMap(referenced), ...referenced(alerts)]);
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
  });

  it('has a panel for each part of the issue: HTTP, decisions, commits, lag, webhooks, imports, process', () => {
    const all = exprs.join('\n');
    for (const name of [
      'ledger_http_request_duration_seconds_bucket',
      'ledger_decisions_appended_total',
      'ledger_event_store_commit_duration_seconds_bucket',
      'ledger_event_store_events_per_commit_sum',
      'ledger_projection_lag_events',
      'ledger_projection_lag_seconds',
      'ledger_webhook_deliveries_total',
      'ledger_import_lines_processed',
      'process_cpu_seconds_total',
    ]) {
      expect({ name, used: all.includes(name) }).toEqual({ name, used: true });
    }
    // Panel ids are unique (Grafana keys its state by them).
    const ids = dashboard.panels.map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
