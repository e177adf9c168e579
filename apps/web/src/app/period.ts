/**
 * The reporting period of the analytics screens, kept in the URL next to `?at=` as `?from=` and `?to=` (UTC ISO
 * instants; `from` inclusive, `to` exclusive, as the API reads them). Absent means the API's default: `to` = the
 * "as of" instant, `from` = 90 days before `to`. Pure functions (unit-tested); the hook is in usePeriod.ts.
 */
import { parseAt } from './as-of';

export const FROM_PARAM = 'from';
export const TO_PARAM = 'to';
/** The API's default period length (apps/api/src/analytics/analytics-scope.ts). */
export const DEFAULT_PERIOD_DAYS = 90;
const DAY = 86_400_000;

export interface Period {
  /** null: the API's default (90 days before `to`). */
  from: string | null;
  /** null: the API's default (the "as of" instant). */
  to: string | null;
}

/** The instant of one parameter, with the same rules as `?at=` (a zone is required; anything else is ignored). */
function instantParam(search: string, name: string): string | null {
  const raw = new URLSearchParams(search).get(name);
  return raw === null ? null : parseAt(`?at=${encodeURIComponent(raw)}`);
}

/** The period in `search`; a period whose start is after its end is ignored as a whole (the API would refuse it). */
export function parsePeriod(search: string): Period {
  const from = instantParam(search, FROM_PARAM);
  const to = instantParam(search, TO_PARAM);
  if (from !== null && to !== null && Date.parse(from) > Date.parse(to)) return { from: null, to: null };
  return { from, to };
}

/** `search` with the period set (null parts removed), other parameters kept; '' or '?…'. */
export function withPeriod(search: string, period: Period): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of [
    [FROM_PARAM, period.from],
    [TO_PARAM, period.to],
  ] as const) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The period the API will use for this request: explicit parts, else its defaults from `at` (or `now`). */
export function effectivePeriod(period: Period, at: string | null, now: string): { from: string; to: string } {
  const to = period.to ?? at ?? now;
  const from = period.from ?? new Date(Date.parse(to) - DEFAULT_PERIOD_DAYS * DAY).toISOString();
  return { from, to };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a date input's value (the viewer's calendar day). */
export function toDateInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A date input's day (the viewer's zone) → the period bound: the start of that day for `from`; for `to` (exclusive)
 * the start of the NEXT day, so that the chosen last day is inside the period. null when empty or invalid.
 */
export function fromDateInput(value: string, bound: 'from' | 'to'): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const day = new Date(y, mo, d);
  if (day.getFullYear() !== y || day.getMonth() !== mo || day.getDate() !== d) return null;
  return (bound === 'to' ? new Date(y, mo, d + 1) : day).toISOString();
}

/** The last day inside an exclusive `to` bound, as a date input's value. */
export function lastDayInput(to: string): string {
  return toDateInput(new Date(Date.parse(to) - 1).toISOString());
}

/** The query parameters a period adds to an analytics request (undefined parts are left to the API). */
export function periodQuery(period: Period): { from?: string; to?: string } {
  return { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) };
}
