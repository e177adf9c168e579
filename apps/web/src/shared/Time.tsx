const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** An instant in the viewer's time zone; the UTC instant on hover (title) and for machines (dateTime). */
export function Time({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return <span>{iso}</span>;
  return (
    <time dateTime={d.toISOString()} title={`${d.toISOString()} (UTC)`}>
      {(dateOnly ? DATE : FORMAT).format(d)}
    </time>
  );
}

/** Whole days from `from` to `to` (now when null), never negative. */
export function daysSince(from: string, to: string | null): number {
  const end = to === null ? Date.now() : Date.parse(to);
  return Math.max(0, Math.floor((end - Date.parse(from)) / 86_400_000));
}
