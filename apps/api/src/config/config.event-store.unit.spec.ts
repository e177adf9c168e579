import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('config: event store selection (LEDGER_EVENT_STORE, EVENTSTORE_URL)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const load = (vars: Record<string, string>) => loadConfig({ LEDGER_DATA_DIR: dataDir, ...vars });
  const failure = (vars: Record<string, string>): ConfigError => {
    try {
      load(vars);
    } catch (e) {
      return e as ConfigError;
    }
    throw new Error('expected a ConfigError');
  };

  it('defaults to the embedded SQLite store under the data directory', () => {
    expect(load({}).eventStore).toEqual({ kind: 'sqlite', file: join(dataDir, 'events.sqlite') });
    expect(load({ LEDGER_EVENT_STORE: '' }).eventStore.kind).toBe('sqlite');
    expect(load({ LEDGER_EVENT_STORE: 'sqlite', LEDGER_SQLITE_FILE: join(dataDir, 'x.db') }).eventStore).toEqual({
      kind: 'sqlite',
      file: join(dataDir, 'x.db'),
    });
  });

  it.each(['esdb://localhost:2113?tls=false', 'esdb+discover://admin:changeit@cluster.local:2113', 'esdb://a:2113,b:2113,c:2113'])(
    'selects EventStoreDB with EVENTSTORE_URL=%s',
    (url) => {
      expect(load({ LEDGER_EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: url }).eventStore).toEqual({ kind: 'eventstoredb', url });
    },
  );

  it('needs EVENTSTORE_URL when LEDGER_EVENT_STORE=eventstoredb', () => {
    const error = failure({ LEDGER_EVENT_STORE: 'eventstoredb' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/needs EVENTSTORE_URL/);
  });

  it.each(['http://localhost:2113', 'localhost:2113', 'esdb://', 'kurrentdb://localhost:2113'])(
    'rejects EVENTSTORE_URL=%s as not an EventStoreDB connection string',
    (url) => {
      const error = failure({ LEDGER_EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: url });
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/EVENTSTORE_URL must be an EventStoreDB connection string/);
    },
  );

  it('does not echo the password of a rejected EVENTSTORE_URL', () => {
    const error = failure({ LEDGER_EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'https://admin:s3cret@host:2113' });
    expect(error.message).toContain('admin:***@host');
    expect(error.message).not.toContain('s3cret');
  });

  it('rejects an unknown LEDGER_EVENT_STORE naming the accepted values', () => {
    const error = failure({ LEDGER_EVENT_STORE: 'postgres' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('LEDGER_EVENT_STORE must be "sqlite" or "eventstoredb", got "postgres"');
  });
});
