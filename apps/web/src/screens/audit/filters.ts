import { fromLocalInput, toLocalInput } from '../../app/as-of';

/**
 * The event explorer's state, kept in the URL so a filtered view of the log is a link an auditor can share and
 * reload: the filters of GET /audit/events under the API's own names, the page cursor `after` (a global position)
 * and the page size. Pure functions (unit-tested); the screen reads and writes them through the router.
 */
export interface AuditFilters {
  backlogId: string | null;
  itemId: string | null;
  type: string | null;
  actor: string | null;
  /** UTC ISO instants: decisions that occurred at or after `from` and before `to`. */
  from: string | null;
  to: string | null;
}

export interface AuditView {
  filters: AuditFilters;
  /** The page starts after this global position (0: the first page). */
  after: number;
  limit: number;
}

export const PAGE_SIZES = [10, 25, 50, 100, 500] as const;
export const DEFAULT_LIMIT = 50;
export const NO_FILTERS: AuditFilters = { backlogId: null, itemId: null, type: null, actor: null, from: null, to: null };
const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof AuditFilters)[];

// The API's rules (apps/api/src/audit/export-events/export-events.request.dto.ts), checked before asking.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[a-z]+\.[a-z-]+$/;
const ACTOR_MAX = 200;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const MAX_AFTER = Number.MAX_SAFE_INTEGER;

const validators: Record<keyof AuditFilters, (v: string) => boolean> = {
  backlogId: (v) => UUID.test(v),
  itemId: (v) => UUID.test(v),
  type: (v) => EVENT_TYPE.test(v) && v.length <= 100,
  actor: (v) => v.trim() !== '' && v.length <= ACTOR_MAX,
  from: (v) => INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
  to: (v) => INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
};

/** The view a URL's query string asks for; a parameter the API would refuse is left out (the URL never causes a 400). */
export function parseAuditSearch(search: string): AuditView {
  const params = new URLSearchParams(search);
  const filters = { ...NO_FILTERS };
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v !== null && validators[key](v)) filters[key] = v;
  }
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) filters.to = null;
  const after = Number(params.get('after'));
  const limit = Number(params.get('limit'));
  return {
    filters,
    after: Number.isSafeInteger(after) && after > 0 && after <= MAX_AFTER ? after : 0,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIMIT,
  };
}

/** The query string of a view ('' or '?…'): only what differs from the defaults, in a stable order. */
export function auditSearch(view: AuditView): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = view.filters[key];
    if (v !== null) params.set(key, v);
  }
  if (view.after > 0) params.set('after', String(view.after));
  if (view.limit !== DEFAULT_LIMIT) params.set('limit', String(view.limit));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The query of GET /audit/events for a view (the download uses the same filters with its own paging). */
export function apiQuery(filters: AuditFilters, after: number, limit: number) {
  const q: Record<string, string | number> = {};
  for (const key of FILTER_KEYS) {
    const v = filters[key];
    if (v !== null) q[key] = v;
  }
  if (after > 0) q.after = after;
  q.limit = limit;
  return q as { backlogId?: string; itemId?: string; type?: string; actor?: string; from?: string; to?: string; after?: number; limit: number };
}

export const hasFilters = (f: AuditFilters): boolean => FILTER_KEYS.some((k) => f[k] !== null);

// ------------------------------------------------------------------------------------------------ the filter form

/** What the filter form holds: text as typed; times as datetime-local values in the viewer's zone. */
export type FilterDraft = Record<keyof AuditFilters, string>;

export function draftOf(f: AuditFilters): FilterDraft {
  return {
    backlogId: f.backlogId ?? '',
    itemId: f.itemId ?? '',
    type: f.type ?? '',
    actor: f.actor ?? '',
    from: f.from ? toLocalInput(f.from) : '',
    to: f.to ? toLocalInput(f.to) : '',
  };
}

/**
 * The draft as filters, or the problem of each field the API would refuse (shown next to the field; nothing is
 * asked). Times are read in the viewer's zone and sent as UTC instants.
 */
export function filtersOf(draft: FilterDraft): { filters: AuditFilters } | { errors: Partial<Record<keyof AuditFilters, string>> } {
  const errors: Partial<Record<keyof AuditFilters, string>> = {};
  const t = (k: keyof AuditFilters) => draft[k].trim();
  const filters: AuditFilters = { ...NO_FILTERS };
  if (t('backlogId')) {
    if (UUID.test(t('backlogId'))) filters.backlogId = t('backlogId');
    else errors.backlogId = 'Choose a backlog from the list.';
  }
  if (t('itemId')) {
    if (UUID.test(t('itemId'))) filters.itemId = t('itemId').toLowerCase();
    else errors.itemId = 'An item id looks like 6f1c2a3b-…: copy it from the item’s address.';
  }
  if (t('type')) {
    if (validators.type(t('type'))) filters.type = t('type');
    else errors.type = 'An event type looks like item.reprioritized: pick one from the list.';
  }
  if (t('actor')) {
    if (t('actor').length <= ACTOR_MAX) filters.actor = t('actor');
    else errors.actor = `At most ${ACTOR_MAX} characters.`;
  }
  for (const k of ['from', 'to'] as const) {
    if (!t(k)) continue;
    const iso = fromLocalInput(t(k));
    if (iso === null) errors[k] = 'Enter a date and time.';
    else filters[k] = iso;
  }
  if (filters.from && filters.to && filters.from > filters.to) errors.to = 'The end must not be before the start.';
  return Object.keys(errors).length > 0 ? { errors } : { filters };
}

// ------------------------------------------------------------------------------------------------ paging

/**
 * Paging by position: the API gives the cursor of the next page (X-Next-After); the way back is the trail of the
 * cursors the person came through (kept in the browser history's state, so Back and reload keep it).
 */
export interface Trail {
  /** The `after` of each earlier page, oldest first. */
  cursors: number[];
}

export function forward(trail: Trail, current: number, next: number): { after: number; trail: Trail } {
  return { after: next, trail: { cursors: [...trail.cursors, current] } };
}

/** The previous page; without a trail (a shared link), the first page. Null on the first page. */
export function back(trail: Trail, current: number): { after: number; trail: Trail } | null {
  if (current === 0) return null;
  const cursors = trail.cursors.filter((c) => c < current);
  if (cursors.length === 0) return { after: 0, trail: { cursors: [] } };
  return { after: cursors[cursors.length - 1], trail: { cursors: cursors.slice(0, -1) } };
}

/** The trail of a history entry's state (anything else: none). */
export function trailOf(state: unknown): Trail {
  const c = (state as { cursors?: unknown } | null)?.cursors;
  return { cursors: Array.isArray(c) ? c.filter((x): x is number => Number.isSafeInteger(x) && x >= 0) : [] };
}

/** The page's ordinal, when the trail knows it (1-based). */
export function pageNumber(trail: Trail, current: number): number | null {
  if (current === 0) return 1;
  return trail.cursors.length > 0 && trail.cursors[0] === 0 ? trail.cursors.length + 1 : null;
}

/** The X-Next-After header as a cursor; null when absent (the last page) or not a position. */
export function nextCursorOf(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header)) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : null;
}
