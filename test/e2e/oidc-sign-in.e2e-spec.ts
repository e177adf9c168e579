import { startLedger, type Ledger, type Reply } from '../support/ledger';
import { expectProblem } from '../support/fixtures';
import { signInWithProvider, startOidcProvider, type TestOidcProvider } from '../support/oidc';
import { deadPort } from '../../apps/api/src/webhooks/testing/receiver';

const CLIENT_ID = 'ledger-web';
const API = 'urn:backlog-ledger';
const OTHER_API = 'urn:some-other-api';
const REDIRECT = 'http://127.0.0.1:9/app/auth/callback';
const SCOPE = 'openid profile ledger';
const OWNED = ['5b0c7a52-3e0f-4c1e-9f5a-0c1d2e3f4a5b', '6c1d8b63-4f10-4d2f-8a6b-1d2e3f4a5b6c'];

const accounts = {
  lena: { name: 'Lena Novak', claims: { groups: ['staff', 'ledger-leads'] } },
  otto: { name: 'Otto Owner', claims: { groups: ['ledger-owners'], ledger_backlogs: OWNED.map((b) => b.toUpperCase()) } },
  ada: { name: 'Ada Admin', claims: { groups: ['ledger-leads', 'ledger-admins'] } },
  nobody: { name: 'No Body', claims: { groups: ['staff'] } },
};

function cookieOf(res: Reply): string {
  const m = /^ledger_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  if (!m) throw new Error(`no session cookie: ${res.status} ${res.text}`);
  return `ledger_session=${m[1]}`;
}

describe('sign-in with a real OpenID provider (oidc-provider on loopback): Authorization Code + PKCE, then the session cookie (ADR 0024)', () => {
  let idp: TestOidcProvider;
  let stranger: TestOidcProvider;
  let ledger: Ledger;
  const tokenFor = (login: string, o: { resource?: string; provider?: TestOidcProvider } = {}) =>
    signInWithProvider((o.provider ?? idp).issuer, { clientId: CLIENT_ID, redirectUri: REDIRECT, login, scope: SCOPE, resource: o.resource });
  const exchange = (accessToken: string) => ledger.request('POST', '/auth/oidc/session', { body: { accessToken } });

  beforeAll(async () => {
    const config = { clientId: CLIENT_ID, redirectUri: REDIRECT, audiences: [API, OTHER_API], accounts };
    [idp, stranger] = await Promise.all([startOidcProvider(config), startOidcProvider(config)]);
    ledger = await startLedger({
      env: {
        LEDGER_OIDC_ISSUER: idp.issuer,
        LEDGER_OIDC_CLIENT_ID: CLIENT_ID,
        LEDGER_OIDC_SCOPES: SCOPE,
        LEDGER_JWT_AUDIENCE: API,
        LEDGER_OIDC_ROLE_CLAIM: 'groups',
        LEDGER_OIDC_ROLE_MAP: 'ledger-admins=admin,ledger-leads=product-leader,ledger-owners=product-owner',
        LEDGER_OIDC_BACKLOGS_CLAIM: 'ledger_backlogs',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await ledger?.close();
    await Promise.all([idp?.close(), stranger?.close()]);
  });

  it('GET /auth/config tells the web app to use the provider; the CSP lets it talk to the provider, no first-admin link', async () => {
    const res = await ledger.request('GET', '/auth/config');
    expect(res.body).toEqual({
      mode: 'oidc',
      firstAdminPending: false,
      sessionTtlMinutes: 480,
      oidc: { issuer: idp.issuer, clientId: CLIENT_ID, scopes: SCOPE, redirectPath: '/app/auth/callback' },
    });
    expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ${idp.issuer};`);
  });

  it('the code flow\'s access token becomes the session cookie; /me shows the mapped role; the session acts with it', async () => {
    const tokens = await tokenFor('lena');
    expect(tokens.prompts).toEqual(['login', 'consent']);
    expect(tokens.token_type).toBe('Bearer');
    const res = await exchange(tokens.access_token);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^ledger_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    const cookie = cookieOf(res);
    const me = await ledger.request('GET', '/me', { headers: { cookie } });
    expect(me.body).toEqual({
      sub: 'lena', name: 'Lena Novak', role: 'product-leader', backlogs: [], signedInWith: 'oidc',
      sessionId: res.body.sessionId, expiresAt: res.body.expiresAt,
    });
    const backlog = await ledger.request('POST', '/backlogs', { headers: { cookie }, body: { name: 'Checkout', productGoal: 'Returning customers pay in one tap' } });
    expect(backlog.status).toBe(201);
    // The provider's token also works as an API bearer token (JWKS found through discovery), mapped the same way.
    const bearer = await ledger.request('GET', '/me', { token: tokens.access_token });
    expect(bearer.body).toMatchObject({ sub: 'lena', name: 'Lena Novak', role: 'product-leader', signedInWith: 'api-token', sessionId: null });
  });

  it('maps the backlogs claim; a product owner cannot create backlogs; the first map entry present wins', async () => {
    const otto = cookieOf(await exchange((await tokenFor('otto')).access_token));
    expect((await ledger.request('GET', '/me', { headers: { cookie: otto } })).body).toMatchObject({ role: 'product-owner', backlogs: OWNED });
    expectProblem(await ledger.request('POST', '/backlogs', { headers: { cookie: otto }, body: { name: 'Mine', productGoal: 'Owners do not create backlogs' } }), 403, 'AUTH.ROLE_FORBIDDEN');
    const ada = await exchange((await tokenFor('ada')).access_token);
    expect(ada.body).toMatchObject({ sub: 'ada', role: 'admin' });
    // Invitations are the embedded sign-in's; here the provider decides who gets in.
    expectProblem(await ledger.request('POST', '/invitations', { headers: { cookie: cookieOf(ada) }, body: { name: 'Someone', role: 'auditor' } }), 409, 'SIGN_IN.INVITATIONS_DISABLED');
  });

  it('refuses a token from another issuer, for another audience, an ID token, and a person without a mapped role; nothing written', async () => {
    const store = await ledger.request('GET', '/health');
    const head = store.body.eventStore.headPosition;
    const foreign = await tokenFor('lena', { provider: stranger });
    expectProblem(await exchange(foreign.access_token), 401, 'AUTH.TOKEN_INVALID');
    expectProblem(await ledger.request('GET', '/me', { token: foreign.access_token }), 401, 'AUTH.TOKEN_INVALID');
    const otherAudience = await tokenFor('lena', { resource: OTHER_API });
    expectProblem(await exchange(otherAudience.access_token), 401, 'AUTH.TOKEN_INVALID');
    const right = await tokenFor('lena');
    expectProblem(await exchange(right.id_token), 401, 'AUTH.TOKEN_INVALID');
    expectProblem(await exchange((await tokenFor('nobody')).access_token), 403, 'AUTH.NO_ROLE');
    expectProblem(await exchange('not-a-jwt'), 401, 'AUTH.TOKEN_INVALID');
    expect((await ledger.request('GET', '/health')).body.eventStore.headPosition).toBe(head);
  });

  it('records OIDC sign-ins for the auditors, with the provider that vouched', async () => {
    const auditor = cookieOf(await exchange((await tokenFor('ada')).access_token));
    const res = await ledger.request('GET', '/audit/events?type=session.started', { headers: { cookie: auditor, accept: 'application/x-ndjson' } });
    const events = res.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => [e.metadata.actor.id, e.data.method, e.data.issuer])).toEqual([
      ['lena', 'oidc', idp.issuer],
      ['otto', 'oidc', idp.issuer],
      ['ada', 'oidc', idp.issuer],
      ['ada', 'oidc', idp.issuer],
    ]);
  });
});

describe('sign-in when the OpenID provider cannot be reached', () => {
  it('answers 503 AUTH.PROVIDER_UNAVAILABLE (retry later), not 401, and does not count it as a failed attempt', async () => {
    const port = await deadPort();
    const ledger = await startLedger({ env: { LEDGER_OIDC_ISSUER: `http://127.0.0.1:${port}`, LEDGER_OIDC_CLIENT_ID: CLIENT_ID } });
    try {
      // Any well-formed JWT: the keys are needed before anything else can be checked.
      const jwt = `${Buffer.from('{"alg":"RS256","kid":"k"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`;
      for (let i = 0; i < 11; i++) {
        const res = await ledger.request('POST', '/auth/oidc/session', { body: { accessToken: jwt } });
        expectProblem(res, 503, 'AUTH.PROVIDER_UNAVAILABLE');
      }
    } finally {
      await ledger.close();
    }
  });
});
