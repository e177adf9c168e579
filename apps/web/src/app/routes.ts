import type { ComponentType } from 'react';
import type { Role } from './roles';

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
}

export const ROUTES: readonly ScreenRoute[] = [
  { id: 'portfolio', path: '/', title: 'Portfolio', load: () => import('../screens/portfolio/PortfolioScreen'), asOf: true },
  { id: 'backlog', path: '/backlogs/:backlogId', title: 'Backlog', load: () => import('../screens/backlog/BacklogScreen'), asOf: true },
  { id: 'item', path: '/items/:itemId', title: 'Item', load: () => import('../screens/item/ItemScreen'), asOf: true },
  { id: 'forums', path: '/forums', title: 'Forums', load: () => import('../screens/forums/ForumsScreen'), asOf: false },
  { id: 'forum', path: '/forums/:forumId', title: 'Forum', load: () => import('../screens/forum/ForumScreen'), asOf: true },
  { id: 'proposal', path: '/proposals/:proposalId', title: 'Kill proposal', load: () => import('../screens/proposal/ProposalScreen'), asOf: false },
];

/** Outside the shell: no session needed. */
export const SIGN_IN_PATH = '/sign-in';

export function mayOpen(route: Pick<ScreenRoute, 'roles'>, role: Role): boolean {
  return !route.roles || route.roles.includes(role);
}
