import { DomainError } from '@ledger/kernel';
import type { Decider, Decided } from '../decider';
import { requireRole } from '../decision-rights';
import { requireText } from '../rationale';
import type { AccessCommand, CreateInvitation, RevokeInvitation, RevokeSession, SignOut } from './access.commands';
import type { AccessEvent, PersonRole, SessionStarted, SignInMethod } from './access.events';
import { initialAccessState, invitationStatusAt, sessionIsLive, type AccessState, type SessionView } from './access.state';
import { filterShards, getIn, setIn } from './shards';

type Out = Decided<AccessEvent>[];

export const PERSON_ROLES: readonly PersonRole[] = ['admin', 'product-owner', 'product-leader', 'stakeholder', 'forum-member', 'auditor'];

/** Bounds of what an invitation may say (the session cookie carries none of it, but the directory keeps it in memory). */
export const INVITATION_BOUNDS = {
  nameMax: 120,
  userIdMax: 100,
  backlogsMax: 50,
  /** An invitation link lives at most 30 days. */
  maxLifetimeMs: 30 * 24 * 3600 * 1000,
} as const;

/** The `sub` of the admin who redeems the first-admin link. */
export const FIRST_ADMIN = { userId: 'admin', name: 'First admin' } as const;

const USER_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;
const SHA256_HEX_RE = /^[0-9a-f]{64}$/;

function invalid(code: string, message: string, field: string): DomainError {
  return new DomainError(code, message, { field }, 'validation');
}

/**
 * A sign-in link that does not let you in. Unknown, used and revoked links get the same answer, so a guess
 * learns nothing; an expired one says so (only someone who holds the real secret can see that answer).
 */
export function linkRefused(expired: boolean): DomainError {
  return expired
    ? new DomainError('SIGN_IN.LINK_EXPIRED', 'this sign-in link has expired: ask an admin for a new invitation', {}, 'unauthenticated')
    : new DomainError('SIGN_IN.LINK_INVALID', 'this sign-in link is invalid or has already been used', {}, 'unauthenticated');
}

function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

function started(
  c: { sessionId: string; now: string; sessionTtlMs: number },
  who: { userId: string; name: string; role: PersonRole; backlogs: string[] },
  method: SignInMethod,
  extra: { invitationId?: string; issuer?: string } = {},
): Decided<SessionStarted> {
  return {
    type: 'session.started',
    schemaVersion: 1,
    data: {
      sessionId: c.sessionId,
      userId: who.userId,
      name: who.name,
      role: who.role,
      backlogs: [...who.backlogs],
      method,
      invitationId: extra.invitationId ?? null,
      issuer: extra.issuer ?? null,
      startedAt: c.now,
      expiresAt: addMs(c.now, c.sessionTtlMs),
    },
  };
}

function createInvitation(c: CreateInvitation, s: AccessState): Out {
  requireRole(c.actor, ['admin'], 'invite people');
  if (getIn(s.invitations, c.invitationId)) {
    throw new DomainError('INVITATION.ALREADY_EXISTS', `invitation ${c.invitationId} already exists`, { invitationId: c.invitationId });
  }
  const name = typeof c.name === 'string' ? c.name.trim() : '';
  if (name === '' || [...name].length > INVITATION_BOUNDS.nameMax) {
    throw invalid('INVITATION.NAME_REQUIRED', `name must be 1..${INVITATION_BOUNDS.nameMax} characters`, 'name');
  }
  if (typeof c.userId !== 'string' || c.userId.length > INVITATION_BOUNDS.userIdMax || !USER_ID_RE.test(c.userId)) {
    throw invalid(
      'INVITATION.USER_ID_INVALID',
      `userId must be 1..${INVITATION_BOUNDS.userIdMax} letters, digits or . _ @ + - (starting with a letter or digit)`,
      'userId',
    );
  }
  if (!(PERSON_ROLES as readonly string[]).includes(c.role)) {
    throw invalid('INVITATION.ROLE_INVALID', `role must be one of ${PERSON_ROLES.join(', ')}`, 'role');
  }
  const backlogs = [...new Set(c.backlogs)].sort();
  if (backlogs.length > INVITATION_BOUNDS.backlogsMax || backlogs.some((b) => typeof b !== 'string' || b === '')) {
    throw invalid('INVITATION.BACKLOGS_INVALID', `backlogs must be at most ${INVITATION_BOUNDS.backlogsMax} backlog ids`, 'backlogs');
  }
  if (c.role === 'product-owner' && backlogs.length === 0) {
    throw invalid('INVITATION.BACKLOGS_REQUIRED', 'a product owner decides on named backlogs: give at least one', 'backlogs');
  }
  const lifetime = Date.parse(c.expiresAt) - Date.parse(c.now);
  if (!(lifetime > 0) || lifetime > INVITATION_BOUNDS.maxLifetimeMs) {
    throw invalid('INVITATION.EXPIRY_INVALID', 'the link must expire in the future, within 30 days', 'expiresInHours');
  }
  if (!SHA256_HEX_RE.test(c.secretHash) || getIn(s.bySecretHash, c.secretHash) !== undefined) {
    throw new DomainError('INVITATION.SECRET_INVALID', 'the invitation secret must be a fresh SHA-256 hash', {});
  }
  return [{
    type: 'invitation.created',
    schemaVersion: 1,
    data: {
      invitationId: c.invitationId,
      userId: c.userId,
      name,
      role: c.role as PersonRole,
      backlogs,
      createdAt: c.now,
      expiresAt: new Date(c.expiresAt).toISOString(),
      secretHash: c.secretHash,
    },
  }];
}

function revokeInvitation(c: RevokeInvitation, s: AccessState): Out {
  requireRole(c.actor, ['admin'], 'revoke invitations');
  const inv = getIn(s.invitations, c.invitationId);
  if (!inv) throw new DomainError('INVITATION.NOT_FOUND', `invitation ${c.invitationId} does not exist`, { invitationId: c.invitationId }, 'not-found');
  const status = invitationStatusAt(inv, c.now);
  if (status !== 'open') {
    throw new DomainError(`INVITATION.ALREADY_${status.toUpperCase()}`, `invitation ${c.invitationId} is already ${status}`, {
      invitationId: c.invitationId,
      status,
    });
  }
  const reason = requireText(c.reason, 'reason', 'DECISION.RATIONALE_REQUIRED');
  return [{ type: 'invitation.revoked', schemaVersion: 1, data: { invitationId: c.invitationId, reason, revokedAt: c.now } }];
}

function endable(c: SignOut | RevokeSession, s: AccessState): SessionView {
  const session = getIn(s.sessions, c.sessionId);
  if (!session) {
    throw new DomainError('SESSION.NOT_FOUND', `no session ${c.sessionId} that has not expired`, { sessionId: c.sessionId }, 'not-found');
  }
  return session;
}

export const accessDecider: Decider<AccessCommand, AccessState, AccessEvent> = {
  initialState: initialAccessState,

  decide(command, state) {
    switch (command.kind) {
      case 'CreateInvitation':
        return createInvitation(command, state);
      case 'RevokeInvitation':
        return revokeInvitation(command, state);
      case 'RedeemInvitation': {
        const id = getIn(state.bySecretHash, command.secretHash);
        const inv = id === undefined ? undefined : getIn(state.invitations, id);
        if (!inv) throw linkRefused(false);
        const status = invitationStatusAt(inv, command.now);
        if (status !== 'open') throw linkRefused(status === 'expired');
        return [
          {
            type: 'invitation.redeemed',
            schemaVersion: 1,
            data: { invitationId: inv.invitationId, sessionId: command.sessionId, userId: inv.userId, redeemedAt: command.now },
          },
          started(command, inv, 'invitation', { invitationId: inv.invitationId }),
        ];
      }
      case 'RedeemBootstrapLink':
        if (state.adminHasSignedIn) throw linkRefused(false);
        return [started(command, { ...FIRST_ADMIN, role: 'admin', backlogs: [] }, 'bootstrap-link')];
      case 'StartOidcSession':
        return [started(command, command, 'oidc', { issuer: command.issuer })];
      case 'SignOut': {
        const session = endable(command, state);
        if (session.userId !== command.actor.id) {
          throw new DomainError('SESSION.NOT_YOURS', 'you can only sign out of your own session', { sessionId: command.sessionId }, 'forbidden');
        }
        // Signing out twice (or out of an expired session) changes nothing.
        if (!sessionIsLive(session, command.now)) return [];
        return [{ type: 'session.signed-out', schemaVersion: 1, data: { sessionId: session.sessionId, userId: session.userId, signedOutAt: command.now } }];
      }
      case 'RevokeSession': {
        requireRole(command.actor, ['admin'], 'revoke sessions');
        const session = endable(command, state);
        if (!sessionIsLive(session, command.now)) {
          throw new DomainError('SESSION.ALREADY_ENDED', `session ${command.sessionId} has already ended (${session.status === 'active' ? 'expired' : session.status})`, {
            sessionId: command.sessionId,
            status: session.status === 'active' ? 'expired' : session.status,
          });
        }
        const reason = requireText(command.reason, 'reason', 'DECISION.RATIONALE_REQUIRED');
        return [{ type: 'session.revoked', schemaVersion: 1, data: { sessionId: session.sessionId, userId: session.userId, reason, revokedAt: command.now } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'invitation.created': {
        const d = event.data;
        return {
          ...state,
          invitations: setIn(state.invitations, d.invitationId, {
            ...d,
            backlogs: [...d.backlogs],
            status: 'open',
            redeemedAt: null,
            sessionId: null,
            revokedAt: null,
            revokeReason: null,
          }),
          bySecretHash: setIn(state.bySecretHash, d.secretHash, d.invitationId),
        };
      }
      case 'invitation.revoked': {
        const inv = getIn(state.invitations, event.data.invitationId);
        if (!inv) return state;
        return {
          ...state,
          invitations: setIn(state.invitations, inv.invitationId, { ...inv, status: 'revoked', revokedAt: event.data.revokedAt, revokeReason: event.data.reason }),
        };
      }
      case 'invitation.redeemed': {
        const inv = getIn(state.invitations, event.data.invitationId);
        if (!inv) return state;
        return {
          ...state,
          invitations: setIn(state.invitations, inv.invitationId, { ...inv, status: 'redeemed', redeemedAt: event.data.redeemedAt, sessionId: event.data.sessionId }),
        };
      }
      case 'session.started': {
        const d = event.data;
        let sessions = state.sessions;
        let afterSweep = state.sessionCountAfterSweep;
        // Sessions that expired before this one started can no longer matter: sweep them out once the map has doubled.
        if (sessions.size >= 2 * afterSweep + 16) {
          const at = Date.parse(d.startedAt);
          sessions = filterShards(sessions, (s) => Date.parse(s.expiresAt) > at, (s) => s.sessionId);
          afterSweep = sessions.size;
        }
        sessions = setIn(sessions, d.sessionId, { ...d, backlogs: [...d.backlogs], status: 'active', endedAt: null });
        return {
          ...state,
          sessions,
          sessionCountAfterSweep: afterSweep,
          adminHasSignedIn: state.adminHasSignedIn || d.role === 'admin',
        };
      }
      case 'session.signed-out':
      case 'session.revoked': {
        const s = getIn(state.sessions, event.data.sessionId);
        if (!s) return state;
        const ended: SessionView =
          event.type === 'session.revoked'
            ? { ...s, status: 'revoked', endedAt: event.data.revokedAt }
            : { ...s, status: 'signed-out', endedAt: event.data.signedOutAt };
        return { ...state, sessions: setIn(state.sessions, s.sessionId, ended) };
      }
      default:
        return state;
    }
  },
};
