import type { RecordedEvent } from '@ledger/kernel';

export const CSV_COLUMNS = [
  'position',
  'eventId',
  'streamId',
  'revision',
  'type',
  'schemaVersion',
  'recordedAt',
  'occurredAt',
  'actorId',
  'actorRole',
  'backlogId',
  'itemId',
  'rationale',
  'trigger',
  'fromPosition',
  'toPosition',
  'correlationId',
  'causationId',
  'prevHash',
  'hash',
  'data',
] as const;

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is neutralised with a leading quote. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let s = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(e: RecordedEvent): string {
  const d = e.data as Record<string, unknown>;
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    position: e.position,
    eventId: e.id,
    streamId: e.streamId,
    revision: e.revision,
    type: e.type,
    schemaVersion: e.schemaVersion,
    recordedAt: e.recordedAt,
    occurredAt: e.metadata.occurredAt ?? e.recordedAt,
    actorId: e.metadata.actor.id,
    actorRole: e.metadata.actor.role,
    backlogId: d.backlogId,
    itemId: d.itemId,
    rationale: d.rationale ?? d.reason,
    trigger: d.trigger,
    fromPosition: d.fromPosition,
    toPosition: d.toPosition ?? d.position,
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    prevHash: e.prevHash,
    hash: e.hash,
    data: d,
  };
  return CSV_COLUMNS.map((c) => csvCell(values[c])).join(',') + '\r\n';
}

export const ndjsonRow = (e: RecordedEvent): string => JSON.stringify(e) + '\n';
