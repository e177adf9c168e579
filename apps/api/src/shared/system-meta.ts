import type { Actor } from '@ledger/kernel';
import type { RequestMeta } from '../http/request-meta';

/**
 * Metadata for a decision the system takes on its own (forum scheduler, process manager). The actor is
 * recorded as is; the principal carries the actor id (event ids derive from it with the idempotency key)
 * and the least-privileged role, so a check that forgets about system decisions refuses rather than allows.
 */
export function systemMeta(
  actor: Actor,
  o: { correlationId: string; causationId: string | null; idempotencyKey: string },
): RequestMeta {
  return {
    principal: { sub: actor.id, role: 'auditor', backlogs: [] },
    actor,
    requestId: `system:${o.idempotencyKey}`,
    correlationId: o.correlationId,
    causationId: o.causationId,
    idempotencyKey: o.idempotencyKey,
  };
}
