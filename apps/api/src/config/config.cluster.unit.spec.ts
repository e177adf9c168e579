import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('config: several API processes (LEDGER_API_PROCESSES, ADR 0031)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (vars: Record<string, string>) => loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: 'x'.repeat(40), ...vars });

  it('is one process by default, with the read models, scheduler, dispatch and projector all in it', () => {
    const c = load({});
    expect(c.cluster).toEqual({ processes: 1, worker: 0, firstAdminToken: null });
    expect(c.readModelFile).toBe(join(dataDir, 'read-model.sqlite'));
    expect(c.forums).toMatchObject({ indexFile: join(dataDir, 'forum-index.sqlite'), scheduler: true });
    expect(c.webhooks).toMatchObject({ dispatch: true, sharedOutbox: false });
    expect(c.projector).toBe('embedded');
  });

  it('worker 1 keeps the single-process files, the scheduler and dispatch; the primary projects analytics', () => {
    const c = load({ LEDGER_API_PROCESSES: '3', LEDGER_API_WORKER: '1' });
    expect(c.cluster).toEqual({ processes: 3, worker: 1, firstAdminToken: null });
    expect(c.readModelFile).toBe(join(dataDir, 'read-model.sqlite'));
    expect(c.forums).toMatchObject({ indexFile: join(dataDir, 'forum-index.sqlite'), scheduler: true });
    expect(c.webhooks).toMatchObject({ dispatch: true, sharedOutbox: false, stateFile: join(dataDir, 'webhooks.sqlite') });
    expect(c.projector).toBe('external');
  });

  it('other workers keep their own read models, read worker 1\'s outbox and run no scheduler', () => {
    const c = load({ LEDGER_API_PROCESSES: '3', LEDGER_API_WORKER: '3' });
    expect(c.readModelFile).toBe(join(dataDir, 'read-model-3.sqlite'));
    expect(c.forums).toMatchObject({ indexFile: join(dataDir, 'forum-index-3.sqlite'), scheduler: false });
    expect(c.webhooks).toMatchObject({ dispatch: false, sharedOutbox: true, stateFile: join(dataDir, 'webhooks.sqlite') });
    expect(c.projector).toBe('external');
    expect(c.apiStateFile).toBe(join(dataDir, 'api-state.sqlite'));
  });

  it('refuses bad values, and several processes on EventStoreDB (run replicas there)', () => {
    for (const bad of ['0', '17', 'two', '1.5']) expect(() => load({ LEDGER_API_PROCESSES: bad })).toThrow(ConfigError);
    expect(() => load({ LEDGER_API_PROCESSES: '2', LEDGER_EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' })).toThrow(
      /EventStoreDB run API replicas/,
    );
  });
});
