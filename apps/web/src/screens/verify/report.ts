import type { components } from '../../api/schema';

/** GET /audit/verify: every stream's hash chain recomputed; the first broken link in global order, if any. */
export type VerifyReport = components['schemas']['VerifyReportDto'];
export type ChainBreak = NonNullable<VerifyReport['firstBreak']>;

/** What each kind of break means, and what its expected and actual values are (libs/event-store checkLink). */
export const BREAKS: Record<ChainBreak['problem'], { title: string; means: string; expected: string; actual: string }> = {
  'hash-mismatch': {
    title: 'The event was altered after it was recorded',
    means: "The event's content, as stored now, no longer produces the hash recorded with it.",
    expected: 'Hash recomputed from the event as stored now',
    actual: 'Hash recorded with the event',
  },
  'prev-hash-mismatch': {
    title: 'The chain is broken before this event',
    means: 'The event does not point at the hash of the previous event of its stream: an event was removed, inserted or replaced before it.',
    expected: "Hash of the stream's previous event",
    actual: 'Previous hash this event records',
  },
  'revision-gap': {
    title: 'A revision of the stream is missing',
    means: "The stream's revisions are not consecutive: an event was removed or renumbered.",
    expected: 'Revision that should come next',
    actual: 'Revision found',
  },
  'position-gap': {
    title: 'A global position is missing',
    means: 'The log is not continuous: an event was removed or renumbered.',
    expected: 'Position that should come next',
    actual: 'Position found',
  },
};

/** The screen that shows a stream's history (streams are named <kind>-<id>, apps/api/src/shared/streams.ts); null for the others. */
export function streamScreen(streamId: string): { to: string; label: string } | null {
  const m = /^(item|backlog|forum|proposal)-([0-9a-f-]{36})$/i.exec(streamId);
  if (!m) return null;
  const [, kind, id] = m;
  const screens: Record<string, { to: string; label: string }> = {
    item: { to: `/items/${id}`, label: "the item's decision timeline" },
    backlog: { to: `/backlogs/${id}`, label: 'the backlog' },
    forum: { to: `/forums/${id}`, label: 'the forum' },
    proposal: { to: `/proposals/${id}`, label: 'the kill proposal' },
  };
  return screens[kind.toLowerCase()];
}

/** The explorer page that starts at the broken event (it and the events after it, in global order). */
export function explorerAt(position: number): string {
  return `/audit?after=${Math.max(0, position - 1)}&limit=25`;
}
