import { ForbiddenError } from '@ledger/kernel';
import type { Principal } from '../auth/principal';

/** Admins and product leaders manage webhooks; auditors may also look at them and their deliveries. */
export function assertCanManageWebhooks(p: Principal): void {
  if (p.role === 'admin' || p.role === 'product-leader') return;
  throw new ForbiddenError('AUTH.ROLE_FORBIDDEN', 'only admins and product leaders manage webhooks', { role: p.role });
}

export function assertCanReadWebhooks(p: Principal): void {
  if (p.role === 'admin' || p.role === 'product-leader' || p.role === 'auditor') return;
  throw new ForbiddenError('AUTH.ROLE_FORBIDDEN', 'webhooks are visible to admins, product leaders and auditors', { role: p.role });
}

export const Webhooks = {
  stream: (id: string) => `webhook-${id}`,
};
