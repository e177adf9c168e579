import type { Actor, Role } from '@ledger/kernel';

/** Who is calling, as proven by the token. The actor of every event comes from here, never from a body. */
export interface Principal {
  sub: string;
  role: Exclude<Role, 'system'>;
  /** Backlogs named in the token (product owners decide only on these; stakeholders are limited to them when present). */
  backlogs: string[];
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
