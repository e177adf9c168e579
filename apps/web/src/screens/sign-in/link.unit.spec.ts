import { ApiError } from '../../api/problem';
import { failureOf, linkKind, linkRefusal, oidcRefusal, safeNext, sessionEnded, tokenFromHash, waitText } from './link';

const INV = 'inv_3q2-7wEvj0pO1dqf3bMhbE6bX2m6vmV5p1oPp6v0fQk';
const BOOT = 'boot_3q2-7wEvj0pO1dqf3bMhbE6bX2m6vmV5p1oPp6v0fQk';
const problem = (status: number, code: string, retry: number | null = null, detail = 'the server said no') =>
  new ApiError(status, { type: `urn:backlog-ledger:problem:${code}`, title: 'x', status, code, detail }, retry);

describe('the token in a sign-in link', () => {
  it('is read from the #token= fragment, with the kind of link its prefix names', () => {
    expect(tokenFromHash(`#token=${INV}`)).toEqual({ token: INV, kind: 'invitation' });
    expect(tokenFromHash(`#token=${BOOT}`)).toEqual({ token: BOOT, kind: 'first-admin' });
    expect(tokenFromHash(`token=${INV}`)).toEqual({ token: INV, kind: 'invitation' });
    expect(tokenFromHash(`#token=${INV}&utm=x`)).toEqual({ token: INV, kind: 'invitation' });
    expect(tokenFromHash('#token=abc')).toEqual({ token: 'abc', kind: 'unknown' });
  });

  it('is absent without a fragment or without token=, and malformed when cut, blank, spaced or too long', () => {
    expect(tokenFromHash('')).toEqual({ token: null, malformed: false });
    expect(tokenFromHash('#')).toEqual({ token: null, malformed: false });
    expect(tokenFromHash('#main')).toEqual({ token: null, malformed: false });
    expect(tokenFromHash('#token=')).toEqual({ token: null, malformed: true });
    expect(tokenFromHash('#token=%20%20')).toEqual({ token: null, malformed: true });
    expect(tokenFromHash('#token=inv_a%20b')).toEqual({ token: null, malformed: true });
    expect(tokenFromHash(`#token=inv_${'x'.repeat(197)}`)).toEqual({ token: null, malformed: true });
    expect(tokenFromHash(`#token=inv_${'x'.repeat(196)}`)).toMatchObject({ kind: 'invitation' });
  });

  it('names its kind by prefix only', () => {
    expect([linkKind('boot_x'), linkKind('inv_x'), linkKind('INV_x'), linkKind('')]).toEqual(['first-admin', 'invitation', 'unknown', 'unknown']);
  });
});

describe('where to go after signing in', () => {
  it('goes back to the app path the person was headed to', () => {
    expect(safeNext('/backlogs/b1?at=2026-01-01T00:00:00.000Z')).toBe('/backlogs/b1?at=2026-01-01T00:00:00.000Z');
    expect(safeNext('/people')).toBe('/people');
    expect(safeNext('/app/forums')).toBe('/forums');
    expect(safeNext('/app')).toBe('/');
    expect(safeNext('/app?at=x')).toBe('/?at=x');
    expect(safeNext('/apples')).toBe('/apples');
  });

  it('never leaves the app, and never loops back to the sign-in pages', () => {
    for (const bad of [null, undefined, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'backlogs/b1', '/x\n/y']) {
      expect(safeNext(bad)).toBe('/');
    }
    expect(safeNext('/sign-in?next=/people')).toBe('/');
    expect(safeNext('/app/sign-in')).toBe('/');
    expect(safeNext('/auth/callback?code=x')).toBe('/');
  });
});

describe('what a refused link means', () => {
  it('an expired invitation: ask for a new one', () => {
    const r = linkRefusal(failureOf(problem(401, 'SIGN_IN.LINK_EXPIRED')), 'invitation');
    expect(r.title).toBe('This sign-in link has expired');
    expect(r.detail).toMatch(/new invitation/);
  });

  it('a used, revoked or unknown link: each link signs in once; the first-admin link changes at every start', () => {
    const inv = linkRefusal(failureOf(problem(401, 'SIGN_IN.LINK_INVALID')), 'invitation');
    expect(inv.title).toBe('This sign-in link does not work');
    expect(inv.detail).toMatch(/already been used, was revoked/);
    const boot = linkRefusal(failureOf(problem(401, 'SIGN_IN.LINK_INVALID')), 'first-admin');
    expect(boot.title).toBe('This first-admin link no longer works');
    expect(boot.detail).toMatch(/every start of the server replaces it/);
  });

  it('too many attempts: wait as long as Retry-After says', () => {
    const r = linkRefusal(failureOf(problem(429, 'SIGN_IN.TOO_MANY_ATTEMPTS', 840)), 'invitation');
    expect(r.title).toBe('Too many failed sign-in attempts');
    expect(r.detail).toContain('Wait 14 minutes, then open your link again.');
    expect(linkRefusal({ status: 429, code: null }, 'invitation').detail).toContain('Wait a few minutes');
  });

  it('anything else: the server\'s words, or that it could not be reached', () => {
    expect(linkRefusal(failureOf(problem(403, 'AUTH.CROSS_ORIGIN', null, 'cross-site request refused')), 'invitation').detail).toBe('The server said: cross-site request refused');
    expect(linkRefusal(failureOf(new TypeError('Failed to fetch')), 'invitation').title).toBe('The server could not be reached');
  });

  it('rounds waiting times up, in seconds below a minute and a half', () => {
    expect([waitText(0), waitText(1), waitText(45.2), waitText(89), waitText(90), waitText(900), waitText(61 * 60)]).toEqual([
      '1 second', '1 second', '46 seconds', '89 seconds', '2 minutes', '15 minutes', '61 minutes',
    ]);
  });
});

describe('why the person is on the sign-in page', () => {
  it('says how the session ended, from GET /me\'s 401 code', () => {
    expect(sessionEnded('AUTH.SESSION_REVOKED', false)).toBe('An admin ended your session. Sign in again to continue.');
    expect(sessionEnded('AUTH.SESSION_EXPIRED', false)).toMatch(/expired/);
    expect(sessionEnded('AUTH.SESSION_SIGNED_OUT', false)).toMatch(/signed out/);
    expect(sessionEnded('AUTH.TOKEN_MISSING', true)).toBe('You have signed out.');
    expect(sessionEnded('AUTH.TOKEN_MISSING', false)).toBeNull();
    expect(sessionEnded(null, false)).toBeNull();
  });
});

describe('a failed OIDC sign-in', () => {
  const providerError = (error: string, description: string | null = null) => Object.assign(new Error(description ?? error), { name: 'ErrorResponse', error, error_description: description });

  it('tells a cancelled sign-in at the provider from a provider refusal', () => {
    expect(oidcRefusal(failureOf(providerError('access_denied', 'End-User aborted interaction'))).title).toBe('Sign-in was cancelled');
    const other = oidcRefusal(failureOf(providerError('invalid_scope', 'scope ledger is not allowed')));
    expect(other.title).toBe('The identity provider refused the sign-in');
    expect(other.detail).toContain('invalid_scope (scope ledger is not allowed)');
  });

  it('explains the API\'s answers to the exchange', () => {
    expect(oidcRefusal(failureOf(problem(403, 'AUTH.NO_ROLE', null, 'claim groups maps to no role'))).title).toBe('Your account has no role in Backlog Ledger');
    expect(oidcRefusal(failureOf(problem(503, 'AUTH.PROVIDER_UNAVAILABLE'))).title).toBe('The identity provider cannot be reached');
    expect(oidcRefusal(failureOf(problem(401, 'AUTH.TOKEN_INVALID', null, 'audience mismatch'))).detail).toContain('audience mismatch');
    expect(oidcRefusal(failureOf(problem(429, 'SIGN_IN.TOO_MANY_ATTEMPTS', 30))).detail).toContain('Wait 30 seconds');
  });

  it('a callback without its state (reloaded, or opened in another browser) says to start again', () => {
    const r = oidcRefusal(failureOf(new Error('No matching state found in storage')));
    expect(r.title).toBe('The sign-in did not complete');
    expect(r.detail).toBe('No matching state found in storage. Start again from the sign-in page.');
  });
});
