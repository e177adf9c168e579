import type { components } from '../../api/schema';
import type { EscalationView, Session } from '../../app/roles';

/** GET /escalations: one escalation with the decision it challenged and how it was resolved. */
export type Escalation = components['schemas']['EscalationDto'];
export type EscalationPage = components['schemas']['EscalationPageDto'];

export const VIEW_LABEL: Record<EscalationView, string> = {
  open: 'Waiting for a resolution',
  all: 'All escalations',
  mine: 'Raised by me',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list the URL asks for (`?view=`, `?backlogId=`), limited to the views this person has (the first by default). */
export function viewOf(search: string, allowed: readonly EscalationView[]): { view: EscalationView; backlogId: string | null } | null {
  if (allowed.length === 0) return null;
  const params = new URLSearchParams(search);
  const asked = params.get('view');
  const view = allowed.find((v) => v === asked) ?? allowed[0];
  const backlog = params.get('backlogId');
  // "Raised by me" is the person's own list across backlogs: no backlog filter.
  return { view, backlogId: view !== 'mine' && backlog && UUID.test(backlog) ? backlog : null };
}

/** The query string of a list ('' or '?…'); the default view is left out. */
export function viewSearch(view: EscalationView, backlogId: string | null, allowed: readonly EscalationView[]): string {
  const params = new URLSearchParams();
  if (view !== allowed[0]) params.set('view', view);
  if (backlogId && view !== 'mine') params.set('backlogId', backlogId);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The query of GET /escalations for a list (without the page cursor). */
export function escalationQuery(view: EscalationView, backlogId: string | null, s: Session): { raisedBy?: string; status?: 'open'; backlogId?: string } {
  if (view === 'mine') return { raisedBy: s.sub };
  return { ...(view === 'open' ? { status: 'open' as const } : {}), ...(backlogId ? { backlogId } : {}) };
}

/** "#7 → #1", "#3 → out of the ranking", "→ #2", or null (a decision that did not move the item). */
export function movement(from: number | null, to: number | null, type?: string): string | null {
  if (from === null && to === null) return null;
  const left = type === 'item.killed' || type === 'item.moved-to-anti-backlog' || type === 'item.delivered';
  return `${from !== null ? `#${from} → ` : '→ '}${to !== null ? `#${to}` : left ? 'out of the ranking' : '—'}`;
}

/** How it ended, in words: "Open", "Upheld: the decision stands", "Overturned: the decision changed". */
export function statusText(e: Pick<Escalation, 'status'>): string {
  return e.status === 'open' ? 'Open: waiting for a resolution' : e.status === 'upheld' ? 'Upheld: the decision stands' : 'Overturned: the decision changed';
}
