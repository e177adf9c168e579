import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, dataLayout, loadConfig } from './config';

describe('config: metrics, readiness, rate limits, tracing', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (vars: Record<string, string> = {}) => loadConfig({ LEDGER_DATA_DIR: dataDir, ...vars });

  it('defaults: no metrics served, readiness at 5,000 events, generous principal and tight address limits, no traces', () => {
    const c = load();
    expect({ metrics: c.metrics, ready: c.readyMaxLagEvents, rateLimit: c.rateLimit, trustProxy: c.trustProxy, tracing: c.tracing }).toEqual({
      metrics: { token: null, listen: null },
      ready: 5000,
      rateLimit: { windowMs: 10_000, perPrincipal: 50_000, perAddress: 300 },
      trustProxy: false,
      tracing: null,
    });
  });

  it('reads every knob', () => {
    const c = load({
      LEDGER_METRICS_TOKEN: 'a-scrape-token-of-some-length',
      LEDGER_METRICS_PORT: '9464',
      LEDGER_METRICS_HOST: '0.0.0.0',
      LEDGER_READY_MAX_LAG_EVENTS: '100',
      LEDGER_RATE_LIMIT_WINDOW_MS: '60000',
      LEDGER_RATE_LIMIT_PRINCIPAL: '0',
      LEDGER_RATE_LIMIT_ADDRESS: '10',
      LEDGER_TRUST_PROXY: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_SERVICE_NAME: 'ledger-eu',
    });
    expect(c.metrics).toEqual({ token: 'a-scrape-token-of-some-length', listen: { host: '0.0.0.0', port: 9464 } });
    expect(c.readyMaxLagEvents).toBe(100);
    expect(c.rateLimit).toEqual({ windowMs: 60_000, perPrincipal: 0, perAddress: 10 });
    expect(c.trustProxy).toBe(true);
    expect(c.tracing).toEqual({ endpoint: 'http://collector:4318', serviceName: 'ledger-eu' });
    expect(load({ LEDGER_METRICS_PORT: '0' }).metrics.listen).toEqual({ host: '127.0.0.1', port: 0 });
  });

  it.each([
    [{ LEDGER_METRICS_TOKEN: 'short' }, /LEDGER_METRICS_TOKEN must be at least 16 visible ASCII characters/],
    [{ LEDGER_METRICS_TOKEN: 'has spaces in the middle of it' }, /LEDGER_METRICS_TOKEN must be at least 16 visible ASCII characters/],
    [{ LEDGER_METRICS_PORT: '70000' }, /LEDGER_METRICS_PORT must be an integer between 0 and 65535/],
    [{ LEDGER_METRICS_HOST: '0.0.0.0' }, /LEDGER_METRICS_HOST needs LEDGER_METRICS_PORT/],
    [{ LEDGER_READY_MAX_LAG_EVENTS: '-1' }, /LEDGER_READY_MAX_LAG_EVENTS must be an integer/],
    [{ LEDGER_RATE_LIMIT_WINDOW_MS: '10' }, /LEDGER_RATE_LIMIT_WINDOW_MS must be an integer between 1000 and 3600000/],
    [{ LEDGER_RATE_LIMIT_PRINCIPAL: 'lots' }, /LEDGER_RATE_LIMIT_PRINCIPAL must be an integer/],
    [{ LEDGER_TRUST_PROXY: 'yes' }, /LEDGER_TRUST_PROXY must be "true" or "false"/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/],
  ])('refuses %j', (vars, message) => {
    expect(() => load(vars)).toThrow(ConfigError);
    expect(() => load(vars)).toThrow(message);
  });

  it('dataLayout names the data directory\'s files without creating anything (backup, restore)', () => {
    const fresh = join(dataDir, 'not-yet');
    const layout = dataLayout({ LEDGER_DATA_DIR: fresh });
    expect(layout).toEqual({
      dataDir: fresh,
      eventStore: { kind: 'sqlite', file: join(fresh, 'events.sqlite') },
      apiStateFile: join(fresh, 'api-state.sqlite'),
      webhooksFile: join(fresh, 'webhooks.sqlite'),
      jwtSecretFile: join(fresh, 'jwt-secret'),
      webhookKeyFile: join(fresh, 'webhook-key'),
      readModelFile: join(fresh, 'read-model.sqlite'),
      forumIndexFile: join(fresh, 'forum-index.sqlite'),
      analyticsDir: join(fresh, 'analytics'),
    });
    expect(readdirSync(dataDir)).toEqual([]);
    const fromEnv = dataLayout({ LEDGER_DATA_DIR: fresh, LEDGER_JWT_SECRET: 'x'.repeat(40), LEDGER_WEBHOOK_KEY: 'y'.repeat(40), CLICKHOUSE_URL: 'http://ch:8123' });
    expect({ jwt: fromEnv.jwtSecretFile, key: fromEnv.webhookKeyFile, analytics: fromEnv.analyticsDir }).toEqual({ jwt: null, key: null, analytics: null });
  });
});
