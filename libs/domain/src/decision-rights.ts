import { DomainError, type Actor, type Role } from '@ledger/kernel';

/** Roles that may take decisions on a backlog and on its items. */
export const DECIDER_ROLES: readonly Role[] = ['admin', 'product-leader', 'product-owner', 'system'];
/** Roles that may add an item (a stakeholder requests it, at the default place). */
export const ITEM_ADDER_ROLES: readonly Role[] = [...DECIDER_ROLES, 'stakeholder'];
/** Roles that may escalate a decision on an item. */
export const ESCALATOR_ROLES: readonly Role[] = ['stakeholder', 'product-owner', 'product-leader', 'admin'];

export function roleOf(actor: Actor | undefined): Role | null {
  return actor && typeof actor === 'object' && typeof actor.role === 'string' ? actor.role : null;
}

/** Throws DECISION.NOT_ALLOWED_FOR_ROLE (forbidden) unless the actor's role is one of `allowed`. */
export function requireRole(actor: Actor | undefined, allowed: readonly Role[], decision: string): Role {
  const role = roleOf(actor);
  if (role === null || !allowed.includes(role)) {
    throw new DomainError(
      'DECISION.NOT_ALLOWED_FOR_ROLE',
      `Role '${role ?? 'none'}' may not ${decision}.`,
      { role, decision },
      'forbidden',
    );
  }
  return role;
}
