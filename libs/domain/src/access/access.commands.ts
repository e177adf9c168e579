import type { Actor } from '@ledger/kernel';
import type { PersonRole } from './access.events';

/** Times are ISO-8601 instants handed in by the application layer (deciders have no clock). */
export interface CreateInvitation {
  kind: 'CreateInvitation';
  actor: Actor;
  invitationId: string;
  userId: string;
  name: string;
  role: string;
  backlogs: string[];
  secretHash: string;
  now: string;
  expiresAt: string;
}

export interface RevokeInvitation {
  kind: 'RevokeInvitation';
  actor: Actor;
  invitationId: string;
  reason: string;
  now: string;
}

/** Anyone holding a link may try: the secret's hash is the only credential. */
export interface RedeemInvitation {
  kind: 'RedeemInvitation';
  secretHash: string;
  sessionId: string;
  now: string;
  sessionTtlMs: number;
}

/** The first admin's link printed at start (its secret is checked by the process that printed it). */
export interface RedeemBootstrapLink {
  kind: 'RedeemBootstrapLink';
  sessionId: string;
  now: string;
  sessionTtlMs: number;
}

/** A person the OpenID provider vouched for (its access token verified, its claims mapped). */
export interface StartOidcSession {
  kind: 'StartOidcSession';
  sessionId: string;
  userId: string;
  name: string;
  role: PersonRole;
  backlogs: string[];
  issuer: string;
  now: string;
  sessionTtlMs: number;
}

export interface SignOut {
  kind: 'SignOut';
  actor: Actor;
  sessionId: string;
  now: string;
}

export interface RevokeSession {
  kind: 'RevokeSession';
  actor: Actor;
  sessionId: string;
  reason: string;
  now: string;
}

export type AccessCommand =
  | CreateInvitation
  | RevokeInvitation
  | RedeemInvitation
  | RedeemBootstrapLink
  | StartOidcSession
  | SignOut
  | RevokeSession;
