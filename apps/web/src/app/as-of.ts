/**
 * The "as of" instant, kept in the URL as `?at=<ISO-8601 UTC instant>` so a view of the past is a link one can
 * share and reload. Pure functions (unit-tested); the hook is in useAsOf.ts.
 */
export const AT_PARAM = 'at';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The instant in `search` (normalized to a UTC ISO string), or null for "now" (absent or not an instant). */
export function parseAt(search: string): string | null {
  const raw = new URLSearchParams(search).get(AT_PARAM);
  if (!raw || !ISO_INSTANT.test(raw)) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** `search` with `at` set (or removed for null), other parameters kept; '' or '?…'. */
export function withAt(search: string, at: string | null): string {
  const params = new URLSearchParams(search);
  if (at === null) params.delete(AT_PARAM);
  else params.set(AT_PARAM, at);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A link to `path` that keeps the current instant (every screen with history honours it); a `#fragment` stays last. */
export function hrefWithAt(path: string, at: string | null): string {
  if (at === null) return path;
  const hash = path.indexOf('#');
  return hash < 0 ? `${path}${withAt('', at)}` : `${path.slice(0, hash)}${withAt('', at)}${path.slice(hash)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as a datetime-local input's value (the viewer's zone, minutes). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (the viewer's zone) → the UTC instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Keeps only what happened at or before `at` (all of it for "now"). */
export function upTo<T>(entries: readonly T[], at: string | null, when: (e: T) => string): T[] {
  if (at === null) return [...entries];
  const limit = Date.parse(at);
  return entries.filter((e) => Date.parse(when(e)) <= limit);
}
