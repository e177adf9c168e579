import type { Actor, Role } from '@ledger/kernel';
import type { SignInMethod } from '@ledger/domain';

/** Who is calling, as proven by the token. The actor of every event comes from here, never from a body. */
export interface Principal {
  sub: string;
  role: Exclude<Role, 'system'>;
  /** Backlogs named in the token (product owners decide only on these; stakeholders are limited to them when present). */
  backlogs: string[];
  /** Display name (the session's, or the token's `name` claim); the sub when there is none. */
  name?: string;
  /** When the token (or session) stops working, ISO-8601. */
  expiresAt?: string;
  /** Set when the caller is a web session (the ledger_session cookie), not an API token. */
  session?: { id: string; method: SignInMethod; startedAt: string; expiresAt: string };
}

export const ASSIGNABLE_ROLES = [
  'admin',
  'product-owner',
  'product-leader',
  'stakeholder',
  'forum-member',
  'auditor',
] as const;

export function actorOf(p: Principal): Actor {
  return { id: p.sub, role: p.role };
}
