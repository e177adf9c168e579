import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('config: sign-in (LEDGER_OIDC_*, LEDGER_SESSION_*)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (vars: Record<string, string>) => loadConfig({ LEDGER_DATA_DIR: dataDir, ...vars });
  const SECRET = 's'.repeat(40);

  it('embedded by default: 7-day sessions signed with the API-token secret', () => {
    const c = load({ LEDGER_JWT_SECRET: SECRET });
    expect(c.oidc).toBeNull();
    expect(c.sessions.ttlMs).toBe(7 * 24 * 3600_000);
    expect(Buffer.from(c.sessions.secret).toString()).toBe(SECRET);
    expect(Buffer.from(load({ LEDGER_JWT_SECRET: SECRET, LEDGER_SESSION_SECRET: 'k'.repeat(32) }).sessions.secret).toString()).toBe('k'.repeat(32));
    expect(load({ LEDGER_SESSION_TTL_MINUTES: '30' }).sessions.ttlMs).toBe(30 * 60_000);
  });

  it('issuer + client id: JWKS through discovery, audience defaulting to the client id, identity role mapping', () => {
    const c = load({ LEDGER_OIDC_ISSUER: 'https://id.example.com/realms/acme', LEDGER_OIDC_CLIENT_ID: 'ledger-web' });
    expect(c.oidc).toEqual({ issuer: 'https://id.example.com/realms/acme', clientId: 'ledger-web', scopes: 'openid profile email', audience: 'ledger-web' });
    expect(c.jwt).toEqual({
      mode: 'jwks',
      jwksUrl: undefined,
      issuer: 'https://id.example.com/realms/acme',
      audience: 'ledger-web',
      claims: { roleClaim: 'roles', roleMap: null, backlogsClaim: 'backlogs' },
    });
    expect(c.sessions.secret.length).toBeGreaterThanOrEqual(32);
    expect(c.sessions.ttlMs).toBe(8 * 3600_000);
  });

  it('reads the audience, scopes and the claim mapping in order', () => {
    const c = load({
      LEDGER_OIDC_ISSUER: 'http://127.0.0.1:8080',
      LEDGER_OIDC_CLIENT_ID: 'web',
      LEDGER_JWT_AUDIENCE: 'urn:ledger',
      LEDGER_OIDC_SCOPES: ' openid  profile ledger ',
      LEDGER_OIDC_ROLE_CLAIM: 'realm_access.roles',
      LEDGER_OIDC_ROLE_MAP: 'ledger-admins=admin, leads=product-leader',
      LEDGER_OIDC_BACKLOGS_CLAIM: 'ledger_backlogs',
    });
    expect(c.oidc).toMatchObject({ audience: 'urn:ledger', scopes: 'openid profile ledger' });
    expect(c.jwt).toMatchObject({
      audience: 'urn:ledger',
      claims: { roleClaim: 'realm_access.roles', roleMap: [['ledger-admins', 'admin'], ['leads', 'product-leader']], backlogsClaim: 'ledger_backlogs' },
    });
  });

  it.each([
    [{ LEDGER_OIDC_ISSUER: 'https://id.example.com' }, /set both LEDGER_OIDC_ISSUER and LEDGER_OIDC_CLIENT_ID/],
    [{ LEDGER_OIDC_CLIENT_ID: 'web' }, /set both/],
    [{ LEDGER_OIDC_ISSUER: 'http://id.example.com', LEDGER_OIDC_CLIENT_ID: 'web' }, /must be https \(plain http only on loopback\)/],
    [{ LEDGER_OIDC_ISSUER: 'id.example.com', LEDGER_OIDC_CLIENT_ID: 'web' }, /must be the provider's issuer URL/],
    [{ LEDGER_OIDC_ISSUER: 'https://id.example.com', LEDGER_OIDC_CLIENT_ID: 'web', LEDGER_OIDC_SCOPES: 'profile' }, /must include "openid"/],
    [{ LEDGER_OIDC_ISSUER: 'https://id.example.com', LEDGER_OIDC_CLIENT_ID: 'web', LEDGER_OIDC_ROLE_MAP: 'leads=boss' }, /LEDGER_OIDC_ROLE_MAP must be/],
    [{ LEDGER_OIDC_ISSUER: 'https://id.example.com', LEDGER_OIDC_CLIENT_ID: 'web', LEDGER_JWT_ISSUER: 'https://other' }, /LEDGER_JWT_ISSUER must be unset or equal/],
    [{ LEDGER_SESSION_SECRET: 'short' }, /LEDGER_SESSION_SECRET must be at least 32 characters/],
    [{ LEDGER_SESSION_TTL_MINUTES: '2' }, /LEDGER_SESSION_TTL_MINUTES must be an integer between 5 and 43200/],
    [
      { LEDGER_OIDC_ISSUER: 'https://id.example.com', LEDGER_OIDC_CLIENT_ID: 'web', LEDGER_EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' },
      /set the same LEDGER_SESSION_SECRET/,
    ],
  ])('refuses %j', (vars, message) => {
    expect(() => load(vars)).toThrow(ConfigError);
    expect(() => load(vars)).toThrow(message);
  });
});
