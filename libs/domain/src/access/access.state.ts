import type { PersonRole, SignInMethod } from './access.events';
import { emptyShards, type Shards } from './shards';

export type InvitationStatus = 'open' | 'redeemed' | 'revoked';

export interface InvitationView {
  invitationId: string;
  userId: string;
  name: string;
  role: PersonRole;
  backlogs: string[];
  createdAt: string;
  expiresAt: string;
  secretHash: string;
  status: InvitationStatus;
  redeemedAt: string | null;
  sessionId: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export type SessionStatus = 'active' | 'signed-out' | 'revoked';

export interface SessionView {
  sessionId: string;
  userId: string;
  name: string;
  role: PersonRole;
  backlogs: string[];
  method: SignInMethod;
  invitationId: string | null;
  issuer: string | null;
  startedAt: string;
  expiresAt: string;
  status: SessionStatus;
  endedAt: string | null;
}

/**
 * The access directory. Sessions that expired are dropped now and then (when a session starts and the map has doubled
 * since the last sweep), so the state holds what can still matter: every invitation, and the sessions that have not
 * expired. Maps are sharded copy-on-write (shards.ts): evolve stays pure and folding stays linear.
 */
export interface AccessState {
  invitations: Shards<InvitationView>;
  /** secretHash → invitationId, for every invitation ever created. */
  bySecretHash: Shards<string>;
  sessions: Shards<SessionView>;
  /** How many sessions the last sweep of expired ones left. */
  sessionCountAfterSweep: number;
  /** An admin has signed in at least once (the first-admin link is no longer offered). */
  adminHasSignedIn: boolean;
}

export const initialAccessState: AccessState = {
  invitations: emptyShards,
  bySecretHash: emptyShards,
  sessions: emptyShards,
  sessionCountAfterSweep: 0,
  adminHasSignedIn: false,
};

/** Whether the session lets its holder in at `now`. */
export function sessionIsLive(s: SessionView | undefined, now: string): boolean {
  return s !== undefined && s.status === 'active' && Date.parse(s.expiresAt) > Date.parse(now);
}

/** The invitation's status as a person sees it at `now` (an open invitation past its expiry is expired). */
export function invitationStatusAt(i: InvitationView, now: string): InvitationStatus | 'expired' {
  return i.status === 'open' && Date.parse(i.expiresAt) <= Date.parse(now) ? 'expired' : i.status;
}
