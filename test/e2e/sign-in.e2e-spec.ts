import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';
import { FirstAdminLink } from '../../apps/api/src/sign-in/first-admin-link';
import { startLedger, type Ledger, type Reply } from '../support/ledger';
import { expectProblem, expectValidationError, RATIONALE, UNKNOWN_ID } from '../support/fixtures';

const HOUR = 3600_000;
const APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** The ledger_session cookie a sign-in answer set, as a Cookie header value. */
function sessionCookieOf(res: Reply): string {
  const set = res.headers.get('set-cookie') ?? '';
  const m = /^ledger_session=([^;]+)/.exec(set);
  if (!m) throw new Error(`no session cookie in: ${set}`);
  return `ledger_session=${m[1]}`;
}
const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, '');

describe('sign-in over HTTP: first-admin link, invitations, sessions (ADR 0023)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-sign-in-e2e-'));
  let ledger: Ledger;
  let store: EventStore;
  let adminCookie: string;
  let backlogA: string;
  let backlogB: string;
  let invitee: { cookie: string; sessionId: string };

  const as = (cookie: string) => ({ headers: { cookie } });
  const head = () => store.headPosition();
  const signIn = (token: string) => ledger.request('POST', '/auth/sign-in', { body: { token } });
  const invite = (body: Record<string, unknown>, cookie = adminCookie) => ledger.request('POST', '/invitations', { body, ...as(cookie) });
  const auditTypes = async (type: string) => {
    const res = await ledger.request('GET', `/audit/events?type=${type}`, { ...as(adminCookie), headers: { cookie: adminCookie, accept: 'application/x-ndjson' } });
    expect(res.status).toBe(200);
    return res.text.trim() === '' ? [] : res.text.trim().split('\n').map((l) => JSON.parse(l));
  };

  beforeAll(async () => {
    ledger = await startLedger({ dataDir });
    store = ledger.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('GET /auth/config: embedded links, the first-admin link waiting', async () => {
    const res = await ledger.request('GET', '/auth/config');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mode: 'embedded', firstAdminPending: true, sessionTtlMinutes: 7 * 24 * 60, oidc: null });
  });

  it('the first-admin link signs in once as admin, into an HttpOnly SameSite=Strict cookie; a second use is refused and writes nothing', async () => {
    const link = ledger.app.get(FirstAdminLink).takeLink(ledger.url)!;
    expect(link).toMatch(new RegExp(`^${ledger.url}/app/sign-in#token=boot_[A-Za-z0-9_-]{43}$`));
    expect(ledger.app.get(FirstAdminLink).takeLink(ledger.url)).toBeNull();
    const res = await signIn(tokenOf(link));
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^ledger_session=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=604800$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      sub: 'admin', name: 'First admin', role: 'admin', backlogs: [], signedInWith: 'bootstrap-link',
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/), expiresAt: new Date(ledger.clock.now().getTime() + 7 * 24 * HOUR).toISOString(),
    });
    adminCookie = sessionCookieOf(res);
    const me = await ledger.request('GET', '/me', as(adminCookie));
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body);

    const before = await head();
    expectProblem(await signIn(tokenOf(link)), 401, 'SIGN_IN.LINK_INVALID');
    expect(await head()).toBe(before);
    expect((await ledger.request('GET', '/auth/config')).body.firstAdminPending).toBe(false);
  });

  it('an API token from `npm run token` still works, and /me says so', async () => {
    const token = await ledger.token('auditor', 'audrey');
    const me = await ledger.request('GET', '/me', { token });
    expect(me.body).toMatchObject({ sub: 'audrey', name: 'audrey', role: 'auditor', backlogs: [], signedInWith: 'api-token', sessionId: null });
  });

  it('an admin invites a product owner: a single-use link, only its hash kept', async () => {
    backlogA = (await ledger.request('POST', '/backlogs', { body: { name: 'Checkout', productGoal: 'Returning customers pay in one tap' }, ...as(adminCookie) })).body.id;
    backlogB = (await ledger.request('POST', '/backlogs', { body: { name: 'Growth', productGoal: 'New users reach value in their first week' }, ...as(adminCookie) })).body.id;
    expect([backlogA, backlogB]).toEqual([expect.any(String), expect.any(String)]);
    const res = await invite({ name: 'Lena Novák', role: 'product-owner', backlogs: [backlogA], expiresInHours: 48 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userId: 'lena-novak', name: 'Lena Novák', role: 'product-owner', backlogs: [backlogA],
      expiresAt: new Date(ledger.clock.now().getTime() + 48 * HOUR).toISOString(),
      token: expect.stringMatching(/^inv_[A-Za-z0-9_-]{43}$/),
    });
    expect(res.body.link).toBe(`${ledger.url}/app/sign-in#token=${res.body.token}`);
    const [created] = (await auditTypes('invitation.created')).filter((e) => e.data.invitationId === res.body.invitationId);
    expect(created).toMatchObject({ streamId: 'access-directory', schemaVersion: 1, metadata: { actor: { id: 'admin', role: 'admin' } }, data: { secretHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.stringify(created)).not.toContain(res.body.token.slice(4));

    const redeemed = await signIn(res.body.token);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ sub: 'lena-novak', name: 'Lena Novák', role: 'product-owner', backlogs: [backlogA], signedInWith: 'invitation' });
    invitee = { cookie: sessionCookieOf(redeemed), sessionId: redeemed.body.sessionId };
    expect((await ledger.request('GET', '/me', as(invitee.cookie))).body).toEqual(redeemed.body);

    // Reused: the same answer as any invalid link, and nothing written.
    const before = await head();
    expectProblem(await signIn(res.body.token), 401, 'SIGN_IN.LINK_INVALID');
    expect(await head()).toBe(before);
  });

  it('the invitee\'s session reaches only what the role allows', async () => {
    const item = await ledger.request('POST', `/backlogs/${backlogA}/items`, { body: { title: 'One-tap pay', kind: 'initiative', rationale: RATIONALE }, ...as(invitee.cookie) });
    expect(item.status).toBe(201);
    const history = await ledger.request('GET', `/items/${item.body.id}/history`, as(adminCookie));
    expect(history.text).toContain('lena-novak');
    expectProblem(
      await ledger.request('POST', `/backlogs/${backlogB}/items`, { body: { title: 'Not mine', kind: 'initiative', rationale: RATIONALE }, ...as(invitee.cookie) }),
      403,
      'AUTH.BACKLOG_NOT_IN_SCOPE',
    );
    expectProblem(await invite({ name: 'Eve', role: 'admin' }, invitee.cookie), 403, 'AUTH.ROLE_FORBIDDEN');
    expectProblem(await ledger.request('GET', '/sessions', as(invitee.cookie)), 403, 'AUTH.ROLE_FORBIDDEN');
    expectProblem(await ledger.request('GET', '/audit/events', as(invitee.cookie)), 403, 'AUTH.ROLE_FORBIDDEN');
  });

  it('wrong, expired and revoked links: clear 401s with stable codes, nothing written', async () => {
    const before = await head();
    for (const token of ['inv_' + 'A'.repeat(43), 'boot_' + 'B'.repeat(43), 'not-a-link']) expectProblem(await signIn(token), 401, 'SIGN_IN.LINK_INVALID');
    expect(await head()).toBe(before);

    const short = await invite({ name: 'Sam Short', role: 'stakeholder', expiresInHours: 1 });
    const revoked = await invite({ name: 'Rita Revoked', role: 'auditor' });
    const revoke = await ledger.request('POST', `/invitations/${revoked.body.invitationId}/revoke`, { body: { reason: 'Invited with the wrong role by mistake' }, ...as(adminCookie) });
    expect(revoke.status).toBe(200);
    expect(revoke.body).toEqual({ id: revoked.body.invitationId, position: expect.any(Number), eventIds: [expect.any(String)] });
    ledger.clock.advance(2 * HOUR);
    const after = await head();
    expectProblem(await signIn(short.body.token), 401, 'SIGN_IN.LINK_EXPIRED');
    const gone = expectProblem(await signIn(revoked.body.token), 401, 'SIGN_IN.LINK_INVALID');
    expect(gone.detail).toBe('this sign-in link is invalid or has already been used');
    expect(await head()).toBe(after);

    const list = await ledger.request('GET', '/invitations', as(adminCookie));
    expect(list.status).toBe(200);
    const byName = Object.fromEntries(list.body.invitations.map((i: { name: string; status: string }) => [i.name, i.status]));
    expect(byName).toEqual({ 'Lena Novák': 'redeemed', 'Sam Short': 'expired', 'Rita Revoked': 'revoked' });
    expect(list.text).not.toMatch(/secretHash|inv_/);
    expectProblem(
      await ledger.request('POST', `/invitations/${revoked.body.invitationId}/revoke`, { body: { reason: 'Invited with the wrong role by mistake' }, ...as(adminCookie) }),
      409,
      'INVITATION.ALREADY_REVOKED',
    );
  });

  it('bad invitations: 4xx with stable codes and nothing written; no Idempotency-Key replay of a secret', async () => {
    const before = await head();
    expectValidationError(await invite({ name: 'Olga', role: 'owner' }), 'role');
    expectValidationError(await invite({ name: 'Olga', role: 'auditor', expiresInHours: 721 }), 'expiresInHours');
    expectValidationError(await invite({ name: 'Olga', role: 'auditor', secret: 'x' }), 'secret');
    expectProblem(await invite({ name: 'Olga', role: 'product-owner' }), 422, 'INVITATION.BACKLOGS_REQUIRED');
    expectProblem(await invite({ name: 'Olga', role: 'product-owner', backlogs: [UNKNOWN_ID] }), 404, 'BACKLOG.NOT_FOUND');
    expectProblem(
      await ledger.request('POST', '/invitations', { body: { name: 'Olga', role: 'auditor' }, headers: { cookie: adminCookie, 'idempotency-key': 'k-1' } }),
      400,
      'IDEMPOTENCY.NOT_SUPPORTED',
    );
    expectProblem(await ledger.request('POST', `/invitations/${UNKNOWN_ID}/revoke`, { body: { reason: RATIONALE }, ...as(adminCookie) }), 404, 'INVITATION.NOT_FOUND');
    expect(await head()).toBe(before);
  });

  it('a request riding on the session cookie from another site is refused (403 AUTH.CROSS_ORIGIN), a same-origin one passes', async () => {
    const before = await head();
    const evil = await ledger.request('POST', '/invitations', { body: { name: 'Mallory', role: 'admin' }, headers: { cookie: adminCookie, origin: 'https://evil.example' } });
    expectProblem(evil, 403, 'AUTH.CROSS_ORIGIN');
    expectProblem(await ledger.request('POST', '/auth/sign-in', { body: { token: 'inv_x' }, headers: { 'sec-fetch-site': 'cross-site' } }), 403, 'AUTH.CROSS_ORIGIN');
    expectProblem(await ledger.request('POST', '/auth/sign-out', { headers: { cookie: adminCookie, 'sec-fetch-site': 'same-site' } }), 403, 'AUTH.CROSS_ORIGIN');
    expectProblem(await ledger.request('POST', '/auth/sign-in', { body: { token: 'inv_x' }, headers: { origin: 'null' } }), 403, 'AUTH.CROSS_ORIGIN');
    expect(await head()).toBe(before);
    const same = await ledger.request('POST', '/invitations', { body: { name: 'Fiona Forum', role: 'forum-member' }, headers: { cookie: adminCookie, origin: ledger.url, 'sec-fetch-site': 'same-origin' } });
    expect(same.status).toBe(201);
    // An older browser (Origin only) behind a TLS-terminating proxy that forwards the public host.
    const proxied = await ledger.request('POST', '/invitations', {
      body: { name: 'Paul Proxy', role: 'auditor' },
      headers: { cookie: adminCookie, origin: 'https://ledger.example.com', 'x-forwarded-host': 'ledger.example.com', 'x-forwarded-proto': 'https' },
    });
    expect(proxied.status).toBe(201);
    expect(proxied.body.link).toBe(`https://ledger.example.com/app/sign-in#token=${proxied.body.token}`);
  });

  it('an admin revokes a session: its next request is refused at once; the list shows live sessions only', async () => {
    const sessions = await ledger.request('GET', '/sessions', as(adminCookie));
    expect(sessions.status).toBe(200);
    expect(sessions.body.sessions.map((s: { userId: string }) => s.userId).sort()).toEqual(['admin', 'lena-novak']);
    expect(sessions.text).not.toContain('ledger_session');
    const revoke = await ledger.request('POST', `/sessions/${invitee.sessionId}/revoke`, { body: { reason: 'Laptop reported stolen this morning' }, ...as(adminCookie) });
    expect(revoke.status).toBe(200);
    expectProblem(await ledger.request('GET', '/me', as(invitee.cookie)), 401, 'AUTH.SESSION_REVOKED');
    expectProblem(await ledger.request('GET', `/backlogs/${backlogA}`, as(invitee.cookie)), 401, 'AUTH.SESSION_REVOKED');
    expect((await ledger.request('GET', '/sessions', as(adminCookie))).body.sessions.map((s: { userId: string }) => s.userId)).toEqual(['admin']);
    expectProblem(
      await ledger.request('POST', `/sessions/${invitee.sessionId}/revoke`, { body: { reason: 'Laptop reported stolen this morning' }, ...as(adminCookie) }),
      409,
      'SESSION.ALREADY_ENDED',
    );
  });

  it('sign-out ends one\'s own session and clears the cookie; signing out again writes nothing', async () => {
    const inv = await invite({ name: 'Aud Itor', role: 'auditor' });
    const cookie = sessionCookieOf(await signIn(inv.body.token));
    const out = await ledger.request('POST', '/auth/sign-out', as(cookie));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toBe('ledger_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    expectProblem(await ledger.request('GET', '/me', as(cookie)), 401, 'AUTH.SESSION_SIGNED_OUT');
    const before = await head();
    expect((await ledger.request('POST', '/auth/sign-out', as(cookie))).status).toBe(204);
    expect((await ledger.request('POST', '/auth/sign-out')).status).toBe(204);
    expect(await head()).toBe(before);
  });

  it('signing in again in the same browser ends the session its cookie still held', async () => {
    const first = await invite({ name: 'Aud Itor', role: 'auditor' });
    const second = await invite({ name: 'Aud Itor', role: 'auditor' });
    const old = sessionCookieOf(await signIn(first.body.token));
    const again = await ledger.request('POST', '/auth/sign-in', { body: { token: second.body.token }, headers: { cookie: old } });
    expect(again.status).toBe(200);
    expectProblem(await ledger.request('GET', '/me', as(old)), 401, 'AUTH.SESSION_SIGNED_OUT');
    expect((await ledger.request('GET', '/me', as(sessionCookieOf(again)))).body).toMatchObject({ sub: 'aud-itor', sessionId: again.body.sessionId });
    const list = await ledger.request('GET', '/invitations', as(adminCookie));
    expect(list.body.invitations.find((i: { invitationId: string }) => i.invitationId === second.body.invitationId)).toMatchObject({
      status: 'redeemed', invitedBy: 'admin', sessionId: again.body.sessionId,
    });
  });

  it('auditors see every invitation, sign-in, sign-out and revocation in /audit/events, with who did it', async () => {
    const types = async (t: string) => (await auditTypes(t)).map((e) => [e.metadata.actor.id, e.data.userId ?? e.data.name]);
    const auditor = ['aud-itor', 'aud-itor'];
    expect(await types('session.started')).toEqual([['admin', 'admin'], ['lena-novak', 'lena-novak'], auditor, auditor, auditor]);
    expect(await types('invitation.redeemed')).toEqual([['lena-novak', 'lena-novak'], auditor, auditor, auditor]);
    expect(await types('invitation.revoked')).toEqual([['admin', undefined]]);
    expect(await types('session.revoked')).toEqual([['admin', 'lena-novak']]);
    expect(await types('session.signed-out')).toEqual([auditor, auditor]);
    const [revoked] = await auditTypes('session.revoked');
    expect(revoked).toMatchObject({ schemaVersion: 1, data: { reason: 'Laptop reported stolen this morning' } });
  });

  it('a session expires after its TTL (7 days by default with sign-in links)', async () => {
    ledger.clock.advance(7 * 24 * HOUR - 2 * HOUR - 1000);
    expect((await ledger.request('GET', '/me', as(adminCookie))).status).toBe(200);
    ledger.clock.advance(1000);
    expectProblem(await ledger.request('GET', '/me', as(adminCookie)), 401, 'AUTH.SESSION_EXPIRED');
  });

  it('every response carries the security headers; /docs keeps working with inline styles only', async () => {
    for (const path of ['/auth/config', '/me', '/no-such-route']) {
      const res = await ledger.request('GET', path);
      expect({ path, csp: res.headers.get('content-security-policy') }).toEqual({ path, csp: APP_CSP });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const docs = await ledger.request('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toBe(APP_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    // Swagger UI's page loads its scripts from files: nothing inline that script-src 'self' would block.
    expect(docs.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const proxied = await ledger.request('GET', '/auth/config', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('sign-in across restarts', () => {
  it('a restart before redemption prints a new first-admin link and invalidates the old; after redemption none, and sessions survive', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-sign-in-restart-'));
    try {
      let ledger = await startLedger({ dataDir });
      const old = tokenOf(ledger.app.get(FirstAdminLink).takeLink(ledger.url)!);
      await ledger.close();
      ledger = await startLedger({ dataDir, clock: ledger.clock });
      const fresh = tokenOf(ledger.app.get(FirstAdminLink).takeLink(ledger.url)!);
      expect(fresh).not.toBe(old);
      expectProblem(await ledger.request('POST', '/auth/sign-in', { body: { token: old } }), 401, 'SIGN_IN.LINK_INVALID');
      const res = await ledger.request('POST', '/auth/sign-in', { body: { token: fresh } });
      expect(res.status).toBe(200);
      const cookie = sessionCookieOf(res);
      await ledger.close();
      ledger = await startLedger({ dataDir, clock: ledger.clock });
      try {
        expect(ledger.app.get(FirstAdminLink).takeLink(ledger.url)).toBeNull();
        expect((await ledger.request('GET', '/auth/config')).body.firstAdminPending).toBe(false);
        // The directory is rebuilt from the store: the session still holds after the restart.
        expect((await ledger.request('GET', '/me', { headers: { cookie } })).body).toMatchObject({ sub: 'admin', signedInWith: 'bootstrap-link' });
        expectProblem(await ledger.request('POST', '/auth/sign-in', { body: { token: fresh } }), 401, 'SIGN_IN.LINK_INVALID');
      } finally {
        await ledger.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('brute force on sign-in', () => {
  it('10 failures from one address within 15 minutes → 429 with Retry-After, even for a good link; then it recovers', async () => {
    const ledger = await startLedger();
    try {
      const admin = await ledger.token('admin', 'ada');
      const inv = await ledger.request('POST', '/invitations', { token: admin, body: { name: 'Bea Brute', role: 'stakeholder' } });
      expect(inv.status).toBe(201);
      for (let i = 0; i < 10; i++) {
        expectProblem(await ledger.request('POST', '/auth/sign-in', { body: { token: `inv_wrong-${i}` } }), 401, 'SIGN_IN.LINK_INVALID');
        ledger.clock.advance(1000);
      }
      const limited = await ledger.request('POST', '/auth/sign-in', { body: { token: inv.body.token } });
      const p = expectProblem(limited, 429, 'SIGN_IN.TOO_MANY_ATTEMPTS');
      expect(p.detail).not.toMatch(/invalid|used|exist/);
      expect(Number(limited.headers.get('retry-after'))).toBe(15 * 60 - 10);
      ledger.clock.advance((15 * 60 - 10) * 1000);
      const ok = await ledger.request('POST', '/auth/sign-in', { body: { token: inv.body.token } });
      expect(ok.status).toBe(200);
      expect(ok.body.sub).toBe('bea-brute');
    } finally {
      await ledger.close();
    }
  });
});
