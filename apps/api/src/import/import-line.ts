import { createHash } from 'node:crypto';
import { canonicalJson } from '@ledger/event-store';
import type { Role } from '@ledger/kernel';
import { ASSIGNABLE_ROLES } from '../auth/principal';

/**
 * Roles an import line may name: those a token can carry, and `system` for a source's bots and automations
 * (decisions taken by no person: recorded with the system actor, excluded from influence).
 */
export const IMPORT_ROLES: readonly Role[] = [...ASSIGNABLE_ROLES, 'system'];

/**
 * One line of an import file, before its decision-specific fields are looked at (docs/import-format.md).
 * Envelope: `id` (optional), `at`, `actor`, `decision`; everything else belongs to the decision.
 */
export interface ImportLine {
  /** 1-based line number in the file. */
  lineNo: number;
  id: string | null;
  /** The decision's original time, normalised to ISO-8601 UTC with milliseconds. */
  at: string;
  actor: { id: string; role: Role };
  decision: string;
  /** False when the source recorded no reason (a tracker's history): the rationale only says where it came from. */
  statedWhy: boolean;
  /** The whole parsed object (envelope included). */
  raw: Record<string, unknown>;
  /** Canonical JSON of `raw` (sorted keys): what the content hash is computed over (computed when first read). */
  readonly canonical: string;
}

/** A line refused before or by the deciders; nothing of it is written. */
export class ImportLineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportLineError';
  }
}

export const ENVELOPE_FIELDS = ['id', 'at', 'actor', 'decision', 'statedWhy'] as const;

/** Same rule as the HTTP Idempotency-Key header: 1-200 visible ASCII characters. */
const LINE_ID_RE = /^[\x21-\x7e]{1,200}$/;
const ACTOR_ID_MAX = 200;
/** A date (midnight UTC) or a date-time WITH a timezone, as the API's `at` query parameters. */
const AT_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const MAX_DEPTH = 32;

export function parseLine(text: string, lineNo: number, maxBytes: number): ImportLine {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new ImportLineError('IMPORT.LINE_TOO_LONG', `the line is longer than ${maxBytes} bytes (LEDGER_BODY_LIMIT_BYTES)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ImportLineError('IMPORT.INVALID_JSON', `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ImportLineError('IMPORT.INVALID_JSON', 'a line must be one JSON object');
  }
  if (tooDeep(raw, MAX_DEPTH)) throw new ImportLineError('IMPORT.INVALID_JSON', `the object nests deeper than ${MAX_DEPTH} levels`);
  const obj = raw as Record<string, unknown>;

  let id: string | null = null;
  if (obj.id !== undefined) {
    if (typeof obj.id !== 'string' || !LINE_ID_RE.test(obj.id)) {
      throw new ImportLineError('IMPORT.INVALID_FIELD', 'id must be 1-200 visible ASCII characters (no spaces)');
    }
    id = obj.id;
  }

  if (obj.decision === undefined) throw new ImportLineError('IMPORT.MISSING_FIELD', 'decision is required, e.g. "item.reprioritize"');
  if (typeof obj.decision !== 'string') throw new ImportLineError('IMPORT.INVALID_FIELD', 'decision must be a string');

  if (obj.at === undefined) throw new ImportLineError('IMPORT.MISSING_FIELD', 'at is required (when the decision was taken, ISO-8601)');
  const at = parseAt(obj.at);

  if (obj.actor === undefined) throw new ImportLineError('IMPORT.MISSING_FIELD', 'actor is required: {"id": "...", "role": "..."}');
  const actor = obj.actor as { id?: unknown; role?: unknown } | null;
  if (actor === null || typeof actor !== 'object' || Array.isArray(actor)) {
    throw new ImportLineError('IMPORT.INVALID_FIELD', 'actor must be an object {"id": "...", "role": "..."}');
  }
  const extra = Object.keys(actor).filter((k) => k !== 'id' && k !== 'role');
  if (extra.length) throw new ImportLineError('IMPORT.INVALID_FIELD', `actor has unknown field(s): ${extra.join(', ')}`);
  if (typeof actor.id !== 'string' || actor.id.trim() === '' || actor.id.length > ACTOR_ID_MAX || actor.id !== actor.id.trim()) {
    throw new ImportLineError('IMPORT.INVALID_FIELD', `actor.id must be a non-empty string of at most ${ACTOR_ID_MAX} characters, without surrounding spaces`);
  }
  if (typeof actor.role !== 'string' || !(IMPORT_ROLES as readonly string[]).includes(actor.role)) {
    throw new ImportLineError('IMPORT.INVALID_FIELD', `actor.role must be one of ${IMPORT_ROLES.join(', ')}`);
  }
  if (obj.statedWhy !== undefined && typeof obj.statedWhy !== 'boolean') {
    throw new ImportLineError('IMPORT.INVALID_FIELD', 'statedWhy must be true or false (false: the source recorded no reason)');
  }

  let canonical: string | undefined;
  return {
    lineNo,
    id,
    at,
    actor: { id: actor.id, role: actor.role as Role },
    decision: obj.decision,
    statedWhy: obj.statedWhy !== false,
    raw: obj,
    get canonical() {
      return (canonical ??= canonicalJson(obj));
    },
  };
}

function parseAt(value: unknown): string {
  const bad = () =>
    new ImportLineError(
      'IMPORT.INVALID_FIELD',
      'at must be an ISO-8601 date or date-time with a timezone, e.g. 2025-03-01T10:00:00Z',
    );
  if (typeof value !== 'string' || !AT_RE.test(value)) throw bad();
  const d = new Date(value);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) throw bad();
  // 2025-02-30 parses as March 2nd in some engines: the calendar date must survive the round trip (UTC forms).
  const datePart = value.slice(0, 10);
  if (/T.*Z$/i.test(value) || value.length === 10) {
    if (d.toISOString().slice(0, 10) !== datePart) throw bad();
  }
  return d.toISOString();
}

function tooDeep(value: unknown, max: number, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth >= max) return true;
  for (const key in value) {
    if (tooDeep((value as Record<string, unknown>)[key], max, depth + 1)) return true;
  }
  return false;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The line's idempotency key (docs/import-format.md, "Re-running a file"):
 * - its `id` when given;
 * - for a line that creates something under an external key (backlog, item, objective, escalation), that key;
 * - otherwise a hash of its content (canonical JSON), with `#n` for the n-th identical line of the file.
 * Prefixed with `import:` so it never meets an HTTP Idempotency-Key of the same caller.
 */
export function idempotencyKeyOf(line: ImportLine, created: { kind: string; key: string } | null, occurrence: number): string {
  if (line.id !== null) return `import:id:${line.id}`;
  if (created) return `import:${created.kind}:${created.key}`;
  return `import:sha256:${sha256Hex(line.canonical).slice(0, 40)}${occurrence > 1 ? `#${occurrence}` : ''}`;
}
