import type { Role, Session } from './roles';

/**
 * The navigation table: one entry per top-level screen in the header, with the roles that see it. A screen
 * reached only from another one (a backlog, an item) has a route (routes.ts) but no entry here.
 * `to` is relative to the app's base (/app).
 */
export interface NavEntry {
  label: string;
  to: string;
  roles: readonly Role[] | 'all';
}

export const NAV: readonly NavEntry[] = [
  { label: 'Portfolio', to: '/', roles: 'all' },
  { label: 'Forums', to: '/forums', roles: ['forum-member', 'product-leader', 'admin', 'product-owner', 'auditor'] },
  { label: 'Request an item', to: '/request', roles: ['stakeholder'] },
  { label: 'My escalations', to: '/escalations', roles: ['stakeholder'] },
  { label: 'Escalations', to: '/escalations', roles: ['product-owner', 'product-leader', 'admin', 'auditor'] },
  { label: 'Audit', to: '/audit', roles: ['auditor', 'product-leader', 'admin'] },
  { label: 'People', to: '/people', roles: ['admin'] },
  { label: 'Webhooks', to: '/webhooks', roles: ['admin', 'product-leader', 'auditor'] },
];

export function navFor(session: Session, nav: readonly NavEntry[] = NAV): NavEntry[] {
  return nav.filter((e) => e.roles === 'all' || e.roles.includes(session.role));
}
