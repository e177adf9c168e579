import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from './roles';
import { prefetchAgainstScore } from '../screens/against-score/queries';
import { prefetchBacklog } from '../screens/backlog/queries';
import { prefetchCalibration } from '../screens/calibration/queries';
import { prefetchHealth } from '../screens/health/queries';
import { prefetchInfluence } from '../screens/influence/queries';
import { prefetchItem } from '../screens/item/queries';
import { prefetchPortfolio } from '../screens/portfolio/queries';
import { prefetchReversals } from '../screens/reversals/queries';
import { prefetchZombies } from '../screens/zombies/queries';

/**
 * Starts a screen's data requests as soon as its route matches: while its code downloads and the session is asked
 * for, not after both. The screen's own queries (same keys) pick up the answers.
 */
export type RoutePrefetch = (r: { client: QueryClient; params: Record<string, string | undefined>; search: string }) => void;

/**
 * The routes table: one entry per screen, each screen a folder under src/screens/<id>/ whose default export is the
 * screen component (loaded on demand: a screen's code, and ECharts, download only when it is opened).
 * Paths are relative to the app's base (/app); deep links and reloads work for every one of them.
 */
export interface ScreenRoute {
  /** The screen's folder name; also its screenshot name in the UI tests. */
  id: string;
  path: string;
  /** Document title (the screen may refine it). */
  title: string;
  load: () => Promise<{ default: ComponentType }>;
  /** Who may open it; everyone signed in when absent. */
  roles?: readonly Role[];
  /** The screen has history: the shell shows the "as of" control and keeps `?at=` in the URL. */
  asOf: boolean;
  /** Its data requests, started with the route (optional; queries.ts of the screen). */
  prefetch?: RoutePrefetch;
}

export const ROUTES: readonly ScreenRoute[] = [
  { id: 'portfolio', path: '/', title: 'Portfolio', load: () => import('../screens/portfolio/PortfolioScreen'), asOf: true, prefetch: prefetchPortfolio },
  { id: 'backlog', path: '/backlogs/:backlogId', title: 'Backlog', load: () => import('../screens/backlog/BacklogScreen'), asOf: true, prefetch: prefetchBacklog },
  { id: 'item', path: '/items/:itemId', title: 'Item', load: () => import('../screens/item/ItemScreen'), asOf: true, prefetch: prefetchItem },
  { id: 'zombies', path: '/backlogs/:backlogId/zombies', title: 'Zombies', load: () => import('../screens/zombies/ZombiesScreen'), asOf: true, prefetch: prefetchZombies },
  { id: 'reversals', path: '/backlogs/:backlogId/reversals', title: 'Reversals', load: () => import('../screens/reversals/ReversalsScreen'), asOf: true, prefetch: prefetchReversals },
  { id: 'influence', path: '/backlogs/:backlogId/influence', title: 'Influence', load: () => import('../screens/influence/InfluenceScreen'), asOf: true, prefetch: prefetchInfluence },
  { id: 'health', path: '/backlogs/:backlogId/health', title: 'Health', load: () => import('../screens/health/HealthScreen'), asOf: true, prefetch: prefetchHealth },
  {
    id: 'against-score',
    path: '/backlogs/:backlogId/against-score',
    title: 'Against the score',
    load: () => import('../screens/against-score/AgainstScoreScreen'),
    asOf: true,
    prefetch: prefetchAgainstScore,
  },
  { id: 'calibration', path: '/backlogs/:backlogId/calibration', title: 'Calibration', load: () => import('../screens/calibration/CalibrationScreen'), asOf: true, prefetch: prefetchCalibration },
  { id: 'forums', path: '/forums', title: 'Forums', load: () => import('../screens/forums/ForumsScreen'), asOf: false },
  { id: 'forum', path: '/forums/:forumId', title: 'Forum', load: () => import('../screens/forum/ForumScreen'), asOf: true },
  { id: 'proposal', path: '/proposals/:proposalId', title: 'Kill proposal', load: () => import('../screens/proposal/ProposalScreen'), asOf: false },
  { id: 'audit', path: '/audit', title: 'Audit log', load: () => import('../screens/audit/AuditScreen'), roles: ['auditor', 'admin', 'product-leader'], asOf: false },
  { id: 'verify', path: '/audit/verify', title: 'Chain verification', load: () => import('../screens/verify/VerifyScreen'), roles: ['auditor', 'admin', 'product-leader'], asOf: false },
  {
    id: 'escalations',
    path: '/escalations',
    title: 'Escalations',
    load: () => import('../screens/escalations/EscalationsScreen'),
    roles: ['stakeholder', 'product-owner', 'product-leader', 'admin', 'auditor'],
    asOf: false,
  },
  { id: 'request', path: '/request', title: 'Request an item', load: () => import('../screens/request/RequestScreen'), roles: ['stakeholder'], asOf: false },
  { id: 'people', path: '/people', title: 'People', load: () => import('../screens/people/PeopleScreen'), asOf: false, roles: ['admin'] },
  { id: 'webhooks', path: '/webhooks', title: 'Webhooks', load: () => import('../screens/webhooks/WebhooksScreen'), asOf: false, roles: ['admin', 'product-leader', 'auditor'] },
];

/** Outside the shell: no session needed. */
export const SIGN_IN_PATH = '/sign-in';
/** Outside the shell: where the OpenID provider sends the browser back (the API's OIDC_REDIRECT_PATH, under /app). */
export const AUTH_CALLBACK_PATH = '/auth/callback';

export function mayOpen(route: Pick<ScreenRoute, 'roles'>, role: Role): boolean {
  return !route.roles || route.roles.includes(role);
}
