/**
 * What every tracker source (Jira responses, GitHub issues and timelines, XES logs) is read into before the
 * mapping turns it into decisions (to-decisions.ts): an issue, its values when it was created and now, and its
 * changes oldest first.
 */

export type TrackerSystem = 'Jira' | 'GitHub' | 'XES';

export interface Person {
  /** Stable id: Jira Cloud accountId, Jira Server/DC name (or key), GitHub login, XES resource. */
  id: string;
  displayName: string | null;
  email: string | null;
  /** Other names the source knows the person by (Server/DC key, …): matched by the role map and pseudonymised. */
  aliases: string[];
  /** The source says it is an app or bot account (Jira Cloud accountType "app", GitHub type "Bot"). */
  bot: boolean;
}

/** One field's change within a change (a Jira changelog item). Values are null when unknown or empty. */
export interface FieldChange {
  field: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
  /** The source kept no values (XES, "Change Field: X"): only that the field changed. */
  valueless?: boolean;
  /** XES: the activity name it came from, when it is not "Change Field: <field>". */
  activity?: string;
}

export interface TrackerChange {
  /** Stable id within the issue (Jira history id, GitHub event id, XES event index). */
  id: string;
  /** ISO-8601 UTC with milliseconds. */
  at: string;
  author: Person | null;
  items: FieldChange[];
}

/** Values of the fields the mapping reads; null = empty (or unknown). */
export interface FieldValues {
  status: string | null;
  /** Status category as the source states it for this status (Jira embeds the current one), if it does. */
  statusCategory?: string | null;
  resolution: string | null;
  priority: string | null;
  storyPoints: string | null;
  parent: string | null;
}

export interface TrackerIssue {
  system: TrackerSystem;
  /** Where the issue lives (Jira site host, GitHub owner/name, XES log file): the namespace of its keys. */
  site: string;
  key: string;
  /** Project (Jira project key, repository, log): the backlog it goes to by default. */
  project: string;
  projectName: string;
  title: string;
  issueType: string | null;
  /** ISO-8601 UTC with milliseconds. */
  created: string;
  reporter: Person | null;
  /** Values the issue was created with, where the source records them (XES: the first activity). */
  initial: Partial<FieldValues>;
  /** Values now (Jira `fields`): a field no change touched had this value from the start. */
  current: Partial<FieldValues>;
  /** Oldest first. */
  changes: TrackerChange[];
  /** The files it was read from (for messages). */
  files: string[];
  /** Categories of the source's own statuses (GitHub's open / in progress / closed). */
  statusCategories?: Record<string, string>;
}

/** An issue that cannot be imported: nothing of it is written; the message names the file and the issue. */
export class IssueError extends Error {
  constructor(
    readonly issue: string,
    readonly files: string[],
    readonly reason: string,
  ) {
    super(`${files.join(', ') || '(no file)'}: ${issue}: ${reason}`);
    this.name = 'IssueError';
  }
}

/** A file that cannot be read as the source's format: nothing in it is imported. */
export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'SourceFileError';
  }
}

/**
 * A tracker's time (ISO-8601 with an offset such as +0000, -0600, +05:30 or Z; Jira writes no colon) → ISO UTC
 * with milliseconds; null when it is not such a time.
 */
export function trackerTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/i.exec(value.trim());
  if (!m) return null;
  const offset = m[2].toUpperCase() === 'Z' ? 'Z' : `${m[2].slice(0, 3)}:${m[2].slice(-2)}`;
  const ms = Date.parse(`${m[1]}${offset}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
