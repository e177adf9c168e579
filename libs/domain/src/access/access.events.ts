import type { Role } from '@ledger/kernel';

/**
 * Stable wire names of the access directory (the one `access-directory` stream, ADR 0023): who was invited,
 * who signed in how, and whose session ended. Never rename; add a schemaVersion instead.
 */
export const AccessEventType = {
  InvitationCreated: 'invitation.created',
  InvitationRevoked: 'invitation.revoked',
  InvitationRedeemed: 'invitation.redeemed',
  SessionStarted: 'session.started',
  SessionSignedOut: 'session.signed-out',
  SessionRevoked: 'session.revoked',
} as const;

/** Roles a person can be invited as or mapped to (never `system`). */
export type PersonRole = Exclude<Role, 'system'>;

export const SIGN_IN_METHODS = ['bootstrap-link', 'invitation', 'oidc'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export type InvitationCreated = {
  type: 'invitation.created';
  schemaVersion: 1;
  data: {
    invitationId: string;
    /** The `sub` the invitee acts as once signed in. */
    userId: string;
    name: string;
    role: PersonRole;
    backlogs: string[];
    createdAt: string;
    /** The link stops working at this instant. */
    expiresAt: string;
    /** SHA-256 (hex) of the link's 256-bit random secret; the secret itself is never stored. */
    secretHash: string;
  };
};

export type InvitationRevoked = {
  type: 'invitation.revoked';
  schemaVersion: 1;
  data: { invitationId: string; reason: string; revokedAt: string };
};

export type InvitationRedeemed = {
  type: 'invitation.redeemed';
  schemaVersion: 1;
  data: { invitationId: string; sessionId: string; userId: string; redeemedAt: string };
};

export type SessionStarted = {
  type: 'session.started';
  schemaVersion: 1;
  data: {
    sessionId: string;
    userId: string;
    name: string;
    role: PersonRole;
    backlogs: string[];
    method: SignInMethod;
    /** The redeemed invitation (method `invitation`), else null. */
    invitationId: string | null;
    /** The OpenID provider that vouched for the person (method `oidc`), else null. */
    issuer: string | null;
    startedAt: string;
    expiresAt: string;
  };
};

export type SessionSignedOut = {
  type: 'session.signed-out';
  schemaVersion: 1;
  data: { sessionId: string; userId: string; signedOutAt: string };
};

export type SessionRevoked = {
  type: 'session.revoked';
  schemaVersion: 1;
  data: { sessionId: string; userId: string; reason: string; revokedAt: string };
};

export type AccessEvent =
  | InvitationCreated
  | InvitationRevoked
  | InvitationRedeemed
  | SessionStarted
  | SessionSignedOut
  | SessionRevoked;
