import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('config: webhooks (LEDGER_WEBHOOKS_DISPATCH, LEDGER_WEBHOOKS_ALLOW_INSECURE, LEDGER_WEBHOOK_KEY)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (vars: Record<string, string>) => loadConfig({ LEDGER_DATA_DIR: dataDir, ...vars }).webhooks;

  it('dispatches by default, over https only, with the key file in the data directory', () => {
    expect(load({})).toEqual({
      dispatch: true,
      allowInsecure: false,
      key: null,
      keyFile: join(dataDir, 'webhook-key'),
      stateFile: join(dataDir, 'webhooks.sqlite'),
      sharedOutbox: false,
    });
  });

  it('turns dispatch off for the replicas that must not send', () => {
    expect(load({ LEDGER_WEBHOOKS_DISPATCH: 'false' }).dispatch).toBe(false);
  });

  it.each([
    [{ LEDGER_WEBHOOKS_DISPATCH: 'no' }, /LEDGER_WEBHOOKS_DISPATCH must be "true" or "false", got "no"/],
    [{ LEDGER_WEBHOOKS_ALLOW_INSECURE: '1' }, /LEDGER_WEBHOOKS_ALLOW_INSECURE must be "true" or "false"/],
    [{ LEDGER_WEBHOOK_KEY: 'short' }, /LEDGER_WEBHOOK_KEY must be at least 32 characters/],
  ])('refuses %j with a message naming the variable', (vars, message) => {
    expect(() => load(vars)).toThrow(ConfigError);
    expect(() => load(vars)).toThrow(message);
  });
});
