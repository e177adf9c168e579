import type { Evolvable } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import { WHY, actors } from '../testing/fixtures';
import type { AccessCommand } from './access.commands';
import { accessDecider } from './access.decider';
import type { AccessEvent } from './access.events';
import { getIn, valuesOf } from './shards';

const { given } = deciderSpec(accessDecider);
const admin = actors.admin;
const NOW = '2026-03-02T10:00:00.000Z';
const HOUR = 3600 * 1000;
const later = (ms: number, from = NOW) => new Date(Date.parse(from) + ms).toISOString();
const HASH = 'a'.repeat(64);
const OTHER_HASH = 'b'.repeat(64);

type Cmd<K extends AccessCommand['kind']> = Extract<AccessCommand, { kind: K }>;
type Over<K extends AccessCommand['kind']> = { [P in Exclude<keyof Cmd<K>, 'kind'>]?: unknown };

const cmd = {
  invite: (o: Over<'CreateInvitation'> = {}) =>
    ({
      kind: 'CreateInvitation', actor: admin, invitationId: 'inv-1', userId: 'lena', name: ' Lena Novak ', role: 'product-owner',
      backlogs: ['b-2', 'b-1', 'b-2'], secretHash: HASH, now: NOW, expiresAt: later(72 * HOUR), ...o,
    }) as Cmd<'CreateInvitation'>,
  revokeInvitation: (o: Over<'RevokeInvitation'> = {}) =>
    ({ kind: 'RevokeInvitation', actor: admin, invitationId: 'inv-1', reason: 'Sent to the wrong address', now: NOW, ...o }) as Cmd<'RevokeInvitation'>,
  redeem: (o: Over<'RedeemInvitation'> = {}) =>
    ({ kind: 'RedeemInvitation', secretHash: HASH, sessionId: 's-1', now: later(HOUR), sessionTtlMs: 8 * HOUR, ...o }) as Cmd<'RedeemInvitation'>,
  bootstrap: (o: Over<'RedeemBootstrapLink'> = {}) =>
    ({ kind: 'RedeemBootstrapLink', sessionId: 's-boot', now: NOW, sessionTtlMs: 8 * HOUR, ...o }) as Cmd<'RedeemBootstrapLink'>,
  oidc: (o: Over<'StartOidcSession'> = {}) =>
    ({
      kind: 'StartOidcSession', sessionId: 's-oidc', userId: 'idp|42', name: 'Ida', role: 'auditor', backlogs: [],
      issuer: 'https://idp.example', now: NOW, sessionTtlMs: 8 * HOUR, ...o,
    }) as Cmd<'StartOidcSession'>,
  signOut: (o: Over<'SignOut'> = {}) =>
    ({ kind: 'SignOut', actor: { id: 'lena', role: 'product-owner' }, sessionId: 's-1', now: later(2 * HOUR), ...o }) as Cmd<'SignOut'>,
  revokeSession: (o: Over<'RevokeSession'> = {}) =>
    ({ kind: 'RevokeSession', actor: admin, sessionId: 's-1', reason: 'Laptop reported stolen today', now: later(2 * HOUR), ...o }) as Cmd<'RevokeSession'>,
};

const invited = (o: Partial<Extract<AccessEvent, { type: 'invitation.created' }>['data']> = {}): Evolvable<AccessEvent> => ({
  id: `e-inv-${o.invitationId ?? 'inv-1'}`,
  type: 'invitation.created',
  schemaVersion: 1,
  data: {
    invitationId: 'inv-1', userId: 'lena', name: 'Lena Novak', role: 'product-owner', backlogs: ['b-1', 'b-2'],
    createdAt: NOW, expiresAt: later(72 * HOUR), secretHash: HASH, ...o,
  },
});
const sessionStarted = (o: Partial<Extract<AccessEvent, { type: 'session.started' }>['data']> = {}): Evolvable<AccessEvent> => ({
  id: `e-start-${o.sessionId ?? 's-1'}`,
  type: 'session.started',
  schemaVersion: 1,
  data: {
    sessionId: 's-1', userId: 'lena', name: 'Lena Novak', role: 'product-owner', backlogs: ['b-1', 'b-2'], method: 'invitation',
    invitationId: 'inv-1', issuer: null, startedAt: later(HOUR), expiresAt: later(9 * HOUR), ...o,
  },
});
const redeemed: Evolvable<AccessEvent> = {
  id: 'e-redeemed', type: 'invitation.redeemed', schemaVersion: 1,
  data: { invitationId: 'inv-1', sessionId: 's-1', userId: 'lena', redeemedAt: later(HOUR) },
};

describe('access decider', () => {
  describe('CreateInvitation', () => {
    it('records the invitation with its hashed secret, sorted unique backlogs and a trimmed name', () => {
      given([]).when(cmd.invite()).then([
        {
          type: 'invitation.created',
          schemaVersion: 1,
          data: {
            invitationId: 'inv-1', userId: 'lena', name: 'Lena Novak', role: 'product-owner', backlogs: ['b-1', 'b-2'],
            createdAt: NOW, expiresAt: later(72 * HOUR), secretHash: HASH,
          },
        },
      ]);
    });

    it('only admins invite', () => {
      given([]).when(cmd.invite({ actor: actors['product-leader'] })).thenError('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    });

    it.each([
      [{ name: '   ' }, 'INVITATION.NAME_REQUIRED'],
      [{ name: 'x'.repeat(121) }, 'INVITATION.NAME_REQUIRED'],
      [{ userId: 'has space' }, 'INVITATION.USER_ID_INVALID'],
      [{ userId: '-leading' }, 'INVITATION.USER_ID_INVALID'],
      [{ role: 'system' }, 'INVITATION.ROLE_INVALID'],
      [{ role: 'owner' }, 'INVITATION.ROLE_INVALID'],
      [{ backlogs: [] }, 'INVITATION.BACKLOGS_REQUIRED'],
      [{ backlogs: Array.from({ length: 51 }, (_, i) => `b-${i}`) }, 'INVITATION.BACKLOGS_INVALID'],
      [{ expiresAt: NOW }, 'INVITATION.EXPIRY_INVALID'],
      [{ expiresAt: later(31 * 24 * HOUR) }, 'INVITATION.EXPIRY_INVALID'],
    ])('refuses %j with %s', (over, code) => {
      given([]).when(cmd.invite(over)).thenError(code, 'validation');
    });

    it('a stakeholder may be invited without backlogs (all of them)', () => {
      expect(given([]).when(cmd.invite({ role: 'stakeholder', backlogs: [] })).events()[0].data).toMatchObject({ role: 'stakeholder', backlogs: [] });
    });

    it('never reuses an invitation id or a secret', () => {
      given([invited()]).when(cmd.invite({ secretHash: OTHER_HASH })).thenError('INVITATION.ALREADY_EXISTS', 'invariant');
      given([invited()]).when(cmd.invite({ invitationId: 'inv-2' })).thenError('INVITATION.SECRET_INVALID');
    });
  });

  describe('RedeemInvitation', () => {
    it('redeems an open invitation into a session with the invited role and backlogs, expiring after the TTL', () => {
      given([invited()]).when(cmd.redeem()).then([
        { type: 'invitation.redeemed', schemaVersion: 1, data: { invitationId: 'inv-1', sessionId: 's-1', userId: 'lena', redeemedAt: later(HOUR) } },
        {
          type: 'session.started',
          schemaVersion: 1,
          data: {
            sessionId: 's-1', userId: 'lena', name: 'Lena Novak', role: 'product-owner', backlogs: ['b-1', 'b-2'], method: 'invitation',
            invitationId: 'inv-1', issuer: null, startedAt: later(HOUR), expiresAt: later(9 * HOUR),
          },
        },
      ]);
    });

    it('an unknown, a used and a revoked link get the same answer', () => {
      const unknown = given([invited()]).when(cmd.redeem({ secretHash: OTHER_HASH })).thenError('SIGN_IN.LINK_INVALID', 'unauthenticated');
      const used = given([invited(), redeemed, sessionStarted()]).when(cmd.redeem({ sessionId: 's-2' })).thenError('SIGN_IN.LINK_INVALID', 'unauthenticated');
      const revoked: Evolvable<AccessEvent> = { id: 'e-rev', type: 'invitation.revoked', schemaVersion: 1, data: { invitationId: 'inv-1', reason: WHY, revokedAt: NOW } };
      const gone = given([invited(), revoked]).when(cmd.redeem()).thenError('SIGN_IN.LINK_INVALID', 'unauthenticated');
      expect(new Set([unknown.message, used.message, gone.message]).size).toBe(1);
    });

    it('an expired link says it expired', () => {
      given([invited()]).when(cmd.redeem({ now: later(72 * HOUR) })).thenError('SIGN_IN.LINK_EXPIRED', 'unauthenticated');
    });
  });

  describe('RevokeInvitation', () => {
    it('revokes an open invitation with a reason', () => {
      given([invited()]).when(cmd.revokeInvitation()).then([
        { type: 'invitation.revoked', schemaVersion: 1, data: { invitationId: 'inv-1', reason: 'Sent to the wrong address', revokedAt: NOW } },
      ]);
    });

    it('refuses unknown, redeemed and expired invitations, a trivial reason, and non-admins', () => {
      given([]).when(cmd.revokeInvitation()).thenError('INVITATION.NOT_FOUND', 'not-found');
      given([invited(), redeemed]).when(cmd.revokeInvitation()).thenError('INVITATION.ALREADY_REDEEMED', 'invariant');
      given([invited()]).when(cmd.revokeInvitation({ now: later(73 * HOUR) })).thenError('INVITATION.ALREADY_EXPIRED', 'invariant');
      given([invited()]).when(cmd.revokeInvitation({ reason: 'no' })).thenError('DECISION.RATIONALE_REQUIRED', 'validation');
      given([invited()]).when(cmd.revokeInvitation({ actor: actors.auditor })).thenError('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    });
  });

  describe('RedeemBootstrapLink', () => {
    it('starts the first admin session while no admin has signed in', () => {
      const out = given([]).when(cmd.bootstrap());
      expect(out.events()).toEqual([
        {
          type: 'session.started',
          schemaVersion: 1,
          data: {
            sessionId: 's-boot', userId: 'admin', name: 'First admin', role: 'admin', backlogs: [], method: 'bootstrap-link',
            invitationId: null, issuer: null, startedAt: NOW, expiresAt: later(8 * HOUR),
          },
        },
      ]);
      expect(out.stateAfter().adminHasSignedIn).toBe(true);
    });

    it('is refused, like any used link, once an admin has signed in (by any method)', () => {
      given([sessionStarted({ sessionId: 's-0', role: 'admin', method: 'bootstrap-link' })]).when(cmd.bootstrap()).thenError('SIGN_IN.LINK_INVALID', 'unauthenticated');
      given([sessionStarted({ sessionId: 's-0', role: 'admin' })]).when(cmd.bootstrap()).thenError('SIGN_IN.LINK_INVALID');
    });

    it('a non-admin signing in first does not close the first-admin link', () => {
      expect(given([sessionStarted()]).when(cmd.bootstrap()).events()).toHaveLength(1);
    });
  });

  describe('StartOidcSession', () => {
    it('records who the provider vouched for, and which provider', () => {
      expect(given([]).when(cmd.oidc()).events()[0].data).toMatchObject({
        sessionId: 's-oidc', userId: 'idp|42', role: 'auditor', method: 'oidc', issuer: 'https://idp.example', expiresAt: later(8 * HOUR),
      });
    });
  });

  describe('SignOut and RevokeSession', () => {
    const live = [invited(), redeemed, sessionStarted()];

    it('the holder signs out of their own session; a second sign-out changes nothing', () => {
      const out = given(live).when(cmd.signOut());
      expect(out.events()).toEqual([{ type: 'session.signed-out', schemaVersion: 1, data: { sessionId: 's-1', userId: 'lena', signedOutAt: later(2 * HOUR) } }]);
      expect(getIn(out.stateAfter().sessions, 's-1')).toMatchObject({ status: 'signed-out', endedAt: later(2 * HOUR) });
      const signedOut: Evolvable<AccessEvent> = { ...out.events()[0], id: 'e-out' } as Evolvable<AccessEvent>;
      given([...live, signedOut]).when(cmd.signOut()).then([]);
    });

    it('nobody signs out of somebody else\'s session', () => {
      given(live).when(cmd.signOut({ actor: { id: 'mallory', role: 'admin' } })).thenError('SESSION.NOT_YOURS', 'forbidden');
    });

    it('an admin revokes a live session with a reason', () => {
      const out = given(live).when(cmd.revokeSession());
      expect(out.events()).toEqual([
        { type: 'session.revoked', schemaVersion: 1, data: { sessionId: 's-1', userId: 'lena', reason: 'Laptop reported stolen today', revokedAt: later(2 * HOUR) } },
      ]);
      expect(getIn(out.stateAfter().sessions, 's-1')?.status).toBe('revoked');
    });

    it('refuses to revoke for a non-admin, an unknown session, an ended or expired one, or without a reason', () => {
      given(live).when(cmd.revokeSession({ actor: actors['product-leader'] })).thenError('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
      given(live).when(cmd.revokeSession({ sessionId: 's-9' })).thenError('SESSION.NOT_FOUND', 'not-found');
      given(live).when(cmd.revokeSession({ now: later(10 * HOUR) })).thenError('SESSION.ALREADY_ENDED', 'invariant');
      given(live).when(cmd.revokeSession({ reason: '' })).thenError('DECISION.RATIONALE_REQUIRED', 'validation');
    });

    it('sessions that expired are swept out when a later one starts and the map has doubled since the last sweep', () => {
      const ids = (events: Evolvable<AccessEvent>[]) => valuesOf(given(events).state.sessions).map((x) => x.sessionId).sort();
      // 16 sessions of 8 hours started an hour apart, then more: the 17th start sweeps the ones expired by then.
      const starts = Array.from({ length: 17 }, (_, i) => sessionStarted({ sessionId: `s-${String(i).padStart(2, '0')}`, startedAt: later(i * HOUR), expiresAt: later((i + 8) * HOUR) }));
      expect(ids(starts.slice(0, 16))).toHaveLength(16);
      const swept = given(starts).state;
      expect(valuesOf(swept.sessions).map((x) => x.sessionId).sort()).toEqual(['s-09', 's-10', 's-11', 's-12', 's-13', 's-14', 's-15', 's-16']);
      expect([swept.sessions.size, swept.sessionCountAfterSweep]).toEqual([8, 7]);
      // A live session is never swept; an ended one is kept (refused as ended) until it would have expired.
      expect(getIn(given([...live, ...starts.slice(1)]).state.sessions, 's-1')).toBeUndefined();
      expect(getIn(given([...live, ...starts.slice(1, 5)]).state.sessions, 's-1')?.status).toBe('active');
    });
  });
});
