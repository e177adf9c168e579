import { createHash } from 'node:crypto';
import type { ItemKind } from '@ledger/domain';
import { norm, type Mapping, type MappingRole, type StatusCategory } from './mapping';
import { IssueError, type FieldChange, type FieldValues, type Person, type TrackerChange, type TrackerIssue } from './tracker-issue';

/**
 * One issue → the import lines of its decisions (docs/import-trackers.md): the mapping applied change by change
 * to a small model of the item (open / in progress / delivered / killed / anti-backlog), so that every line is
 * one the item decider accepts. The whole issue is converted before any line is handed on: an issue that cannot
 * be converted (unknown status or priority, a history that goes back in time, …) throws an IssueError and
 * yields no line at all.
 */

/** An import line (docs/import-format.md) before it is serialised, with what it came from. */
export interface DraftLine {
  line: Record<string, unknown> & { id: string; at: string; actor: { id: string; role: string }; decision: string };
  /** The issue key, for messages. */
  issue: string;
  /** Everyone named by the line (actor, requester): for pseudonyms. */
  people: Person[];
}

export interface ObjectiveUse {
  /** External key of the objective (per backlog). */
  key: string;
  backlog: string;
  title: string;
  /** The epic / parent issue's key. */
  parent: string;
  at: string;
}

export interface IssueDecisions {
  issue: TrackerIssue;
  /** External key of the backlog the item goes to, and the project it stands for. */
  backlog: { key: string; name: string; system: string; site: string; project: string };
  lines: DraftLine[];
  objectives: ObjectiveUse[];
  /** Field changes that are neither decisions nor progress, by field (for the summary). */
  ignored: Map<string, number>;
}

/** The site's own status categories (Jira's statuses, or what its issues say about their current status). */
export interface SiteStatuses {
  byName: Map<string, StatusCategory>;
  byId: Map<string, StatusCategory>;
}

export const emptySiteStatuses = (): SiteStatuses => ({ byName: new Map(), byId: new Map() });

/** Jira's status category keys and names → ours. */
export function categoryOf(value: unknown): StatusCategory | null {
  if (typeof value !== 'string') return null;
  switch (norm(value)) {
    case 'new':
    case 'to do':
    case 'todo':
      return 'To Do';
    case 'indeterminate':
    case 'in progress':
      return 'In Progress';
    case 'done':
      return 'Done';
    default:
      return null;
  }
}

type ItemStatus = 'open' | 'in-progress' | 'delivered' | 'killed' | 'anti-backlog';
const RANKED: ItemStatus[] = ['open', 'in-progress'];

/** Visible ASCII, at most 200 characters: what line ids and keys may hold. */
export function keyText(text: string): string {
  const clean = text.replace(/[^\x21-\x7e]/g, '_');
  return clean.length <= 200 ? clean : `${clean.slice(0, 150)}~${createHash('sha256').update(clean).digest('hex').slice(0, 40)}`;
}

const FIELD_ROLES = ['priority', 'rank', 'storyPoints', 'sprint', 'fixVersion', 'parent'] as const;
type FieldRole = (typeof FIELD_ROLES)[number] | 'status' | 'resolution';

export function convertIssue(issue: TrackerIssue, mapping: Mapping, site: SiteStatuses): IssueDecisions {
  return new IssueConversion(issue, mapping, site).run();
}

class IssueConversion {
  private readonly lines: DraftLine[] = [];
  private readonly objectives: ObjectiveUse[] = [];
  private readonly ignored = new Map<string, number>();
  private readonly prefix: string;
  private readonly itemKey: string;
  private readonly backlog: IssueDecisions['backlog'];
  private readonly label: string;
  private status: ItemStatus = 'open';
  private estimate: number | null = null;
  private objective: string | null = null;
  private valuelessSeen = new Set<string>();

  constructor(
    private readonly issue: TrackerIssue,
    private readonly mapping: Mapping,
    private readonly site: SiteStatuses,
  ) {
    const system = issue.system.toLowerCase();
    this.prefix = keyText(`${system}:${issue.site}:${issue.key}`);
    this.itemKey = this.prefix;
    this.label = `${issue.system} ${issue.key}`;
    const one = mapping.backlog.per === 'one';
    this.backlog = {
      key: keyText(one ? `${system}:backlog:${mapping.backlog.name}` : `${system}:${issue.site}:project:${issue.project}`),
      name: one ? (mapping.backlog.name as string) : issue.projectName || issue.project,
      system: issue.system,
      site: issue.site,
      project: one ? (mapping.backlog.name as string) : issue.project,
    };
  }

  private fail(reason: string): never {
    throw new IssueError(this.issue.key, this.issue.files, reason);
  }

  run(): IssueDecisions {
    const issue = this.issue;
    const changes = this.checkedChanges();
    const initial = this.initialValues(changes);

    // Creation: the reporter's request (or an owner's addition), with the estimate it was created with.
    let resolution = initial.resolution;
    let status = initial.status;
    const startEstimate = initial.storyPoints === null ? null : this.points(initial.storyPoints, 'at creation');
    this.emit('created', 0, issue.created, issue.reporter, 'item.add', {
      backlog: this.backlog.key,
      item: this.itemKey,
      title: titleOf(issue),
      kind: this.kindOf(issue.issueType),
      ...(startEstimate === null ? {} : { estimate: startEstimate }),
      rationale: `${this.label}: issue created${issue.issueType ? ` (${issue.issueType})` : ''}`,
    });
    this.estimate = startEstimate;
    if (initial.parent !== null) this.link(initial.parent, 'created', 2, issue.created, issue.reporter);
    const closedAtStart = this.closed(status, resolution);
    const closings = this.closingsAhead(changes, status, resolution);
    if (closedAtStart) this.close('created', issue.created, issue.reporter, resolution, status, closings.get(-1) ?? false);
    else if (status !== null && this.category(status) === 'In Progress') {
      this.emit('created', 1, issue.created, issue.reporter, 'item.start', { item: this.itemKey, rationale: `${this.label}: created in status ${status}` });
      this.status = 'in-progress';
    }

    changes.forEach((change, index) => {
      // The change's new status and resolution first: an item reopened by this change takes its other field
      // changes as an open item; one closed by it takes them before it closes.
      const before = { status, resolution };
      let touched = false;
      for (const item of change.items) {
        const role = this.roleOfField(item.field);
        if (role === 'status') {
          status = item.toString ?? item.to;
          touched = true;
        } else if (role === 'resolution' && !item.valueless) {
          resolution = item.toString ?? item.to;
          touched = true;
        }
      }
      const wasClosed = this.closed(before.status, before.resolution);
      const isClosed = this.closed(status, resolution);
      const what = describeStatus(before, { status, resolution });
      if (touched && wasClosed && !isClosed) this.open(change, what);

      let sub = 10;
      for (const item of change.items) {
        const role = this.roleOfField(item.field);
        if (role === 'status') continue;
        if (role === 'resolution') {
          if (item.valueless) this.count(item.field);
        } else if (role === 'priority') sub = this.priority(change, item, sub);
        else if (role === 'rank') sub = this.rank(change, item, sub);
        else if (role === 'storyPoints') sub = this.storyPoints(change, item, sub);
        else if (role === 'sprint' || role === 'fixVersion') sub = this.schedule(change, item, sub);
        else if (role === 'parent') {
          const parent = item.toString ?? item.to;
          if (item.valueless || this.mapping.parents === 'none') this.count(item.field);
          else if (parent !== null) sub = this.link(parent, change.id, sub, change.at, change.author);
        } else if (item.valueless && this.mapping.xes.activities.has(activityOf(item))) {
          sub = this.valuelessActivity(change, item, sub);
        } else this.count(item.field);
      }
      if (!touched) return;
      if (!wasClosed && isClosed) this.close(change.id, change.at, change.author, resolution, status, closings.get(index) ?? false, what);
      else if (!isClosed && status !== null && this.category(status) === 'In Progress') this.start(change, what);
    });
    return { issue, backlog: this.backlog, lines: this.lines, objectives: this.objectives, ignored: this.ignored };
  }

  // ------------------------------------------------------------------------------------------------------------
  // Checks and initial values

  /** Oldest first; none earlier than the one before it (nor than the creation). */
  private checkedChanges(): TrackerChange[] {
    const created = Date.parse(this.issue.created);
    if (Number.isNaN(created)) this.fail(`its creation time is not a date (${this.issue.created})`);
    let last = { at: created, what: `its creation at ${this.issue.created}` };
    return this.issue.changes.map((c) => {
      const at = Date.parse(c.at);
      if (Number.isNaN(at)) this.fail(`change ${c.id} has no readable time (${c.at})`);
      // A second of slack: trackers stamp the creation and its first automatic changes separately.
      if (at < last.at - (last.what.startsWith('its creation') ? 1000 : 0)) {
        this.fail(`its history goes back in time: change ${c.id} at ${c.at} is earlier than ${last.what}`);
      }
      const clamped = Math.max(at, created);
      last = { at: clamped, what: `change ${c.id} at ${c.at}` };
      return clamped === at ? c : { ...c, at: new Date(clamped).toISOString() };
    });
  }

  private roleOfField(field: string): FieldRole | null {
    const f = norm(field);
    if (f === 'status') return 'status';
    if (f === 'resolution') return 'resolution';
    for (const role of FIELD_ROLES) if (this.mapping.fields[role].has(f)) return role;
    return null;
  }

  /** A field's value at creation: the `from` of its first change, else its value now, else what the source says. */
  private initialValues(changes: TrackerChange[]): FieldValues {
    const first = new Map<FieldRole, FieldChange>();
    for (const c of changes) {
      for (const item of c.items) {
        const role = this.roleOfField(item.field);
        if (role && !first.has(role) && !item.valueless) first.set(role, item);
      }
    }
    const value = (role: FieldRole & keyof FieldValues): string | null => {
      const change = first.get(role);
      const from = change ? (change.fromString ?? change.from) : null;
      if (from !== null) return from;
      // XES and GitHub say how the issue began; Jira says how it is now (right for a field nothing changed).
      const initial = this.issue.initial[role];
      if (initial !== undefined) return initial;
      if (!change) return this.issue.current[role] ?? null;
      return null;
    };
    return {
      status: value('status'),
      resolution: value('resolution'),
      priority: value('priority'),
      storyPoints: value('storyPoints'),
      parent: value('parent'),
    };
  }

  // ------------------------------------------------------------------------------------------------------------
  // Status

  private category(status: string): StatusCategory {
    const key = norm(status);
    const found =
      this.mapping.statuses.get(key) ??
      (this.issue.statusCategories ? categoryOf(this.issue.statusCategories[key]) : null) ??
      this.site.byName.get(key) ??
      this.mapping.defaultStatuses.get(key);
    if (!found) {
      this.fail(
        `unknown status "${status}": say which category it belongs to in the mapping file, e.g. {"statuses": {"${status}": "In Progress"}} ` +
          `(To Do, In Progress or Done), or import the site's statuses with the issues (GET /rest/api/2/status saved as a .json file)`,
      );
    }
    return found;
  }

  private closed(status: string | null, resolution: string | null): boolean {
    return resolution !== null || (status !== null && this.category(status) === 'Done');
  }

  /**
   * For each closing (by change index; -1 = at creation): whether the issue is opened again later. An
   * anti-backlog resolution that does not stick is recorded as a kill, which can be revived (ADR 0025).
   */
  private closingsAhead(changes: TrackerChange[], status: string | null, resolution: string | null): Map<number, boolean> {
    const closingAt: number[] = [];
    const reopenedAfter = new Map<number, boolean>();
    let closed = this.closed(status, resolution);
    if (closed) closingAt.push(-1);
    changes.forEach((c, index) => {
      let touched = false;
      for (const item of c.items) {
        const role = this.roleOfField(item.field);
        if (role === 'status') {
          status = item.toString ?? item.to;
          touched = true;
        } else if (role === 'resolution' && !item.valueless) {
          resolution = item.toString ?? item.to;
          touched = true;
        }
      }
      if (!touched) return;
      const now = this.closed(status, resolution);
      if (!closed && now) closingAt.push(index);
      if (closed && !now) reopenedAfter.set(closingAt[closingAt.length - 1], true);
      closed = now;
    });
    return new Map(closingAt.map((i) => [i, reopenedAfter.get(i) ?? false]));
  }

  private close(
    changeId: string,
    at: string,
    author: Person | null,
    resolution: string | null,
    status: string | null,
    reopenedLater: boolean,
    what = describeStatus({ status: null, resolution: null }, { status, resolution }),
  ): void {
    if (!RANKED.includes(this.status)) return;
    const res = resolution === null ? null : norm(resolution);
    const why = `${this.label}: ${what}`;
    if (res !== null && this.mapping.resolutions.antiBacklog.has(res) && !reopenedLater && this.status === 'open') {
      this.emit(changeId, 900, at, author, 'item.move-to-anti-backlog', { item: this.itemKey, reason: why });
      this.status = 'anti-backlog';
    } else if (res !== null && (this.mapping.resolutions.killed.has(res) || this.mapping.resolutions.antiBacklog.has(res))) {
      const note = this.mapping.resolutions.antiBacklog.has(res)
        ? reopenedLater
          ? ' (not pursued, but reopened later: recorded as a kill)'
          : ' (not pursued after work had started: recorded as a kill)'
        : '';
      this.emit(changeId, 900, at, author, 'item.kill', { item: this.itemKey, reason: `${why}${note}` });
      this.status = 'killed';
    } else {
      this.emit(changeId, 900, at, author, 'item.deliver', { item: this.itemKey, rationale: why });
      this.status = 'delivered';
    }
  }

  /** Closed → open: a killed item is revived, a delivered one reopened (ADR 0025). */
  private open(change: TrackerChange, what: string): void {
    const why = `${this.label}: ${what}`;
    if (this.status === 'killed') {
      this.emit(change.id, 901, change.at, change.author, 'item.revive', { item: this.itemKey, rationale: why });
      this.status = 'open';
    } else if (this.status === 'delivered') {
      this.emit(change.id, 901, change.at, change.author, 'item.reopen', { item: this.itemKey, rationale: why });
      this.status = 'open';
    }
  }

  private start(change: TrackerChange, what: string): void {
    if (this.status !== 'open') return;
    this.emit(change.id, 902, change.at, change.author, 'item.start', { item: this.itemKey, rationale: `${this.label}: ${what}` });
    this.status = 'in-progress';
  }

  // ------------------------------------------------------------------------------------------------------------
  // Fields

  private priority(change: TrackerChange, item: FieldChange, sub: number): number {
    if (item.valueless) {
      this.count(item.field);
      return sub;
    }
    const from = item.fromString ?? item.from;
    const to = item.toString ?? item.to;
    if (from === null || to === null) return sub; // set for the first time, or cleared: not a move
    const fromLevel = this.level(from);
    const toLevel = this.level(to);
    if (fromLevel === toLevel || !RANKED.includes(this.status)) return sub;
    this.emit(change.id, sub, change.at, change.author, 'item.reprioritize', {
      item: this.itemKey,
      move: { scale: 'priority', direction: toLevel < fromLevel ? 'up' : 'down', approximate: false, fromLevel, toLevel, from, to },
      trigger: this.isReporter(change.author) ? 'stakeholder-request' : 'routine',
      rationale: `${this.label}: priority ${from} → ${to}`,
    });
    return sub + 1;
  }

  private level(name: string): number {
    const level = this.mapping.priorities.get(norm(name));
    if (level === undefined) {
      const levels = this.mapping.priorityLevels.map((l) => JSON.stringify(l.length === 1 ? l[0] : l)).join(', ');
      this.fail(`unknown priority "${name}": add it to the priority scale in the mapping file ("priorities", highest first; now ${levels})`);
    }
    return level;
  }

  private rank(change: TrackerChange, item: FieldChange, sub: number): number {
    const to = norm(item.toString ?? item.to ?? '');
    const direction = to === 'ranked higher' ? 'up' : to === 'ranked lower' ? 'down' : null;
    if (direction === null) {
      this.count(item.field);
      return sub;
    }
    if (!RANKED.includes(this.status)) return sub;
    this.emit(change.id, sub, change.at, change.author, 'item.reprioritize', {
      item: this.itemKey,
      move: { scale: 'rank', direction, approximate: true, to: item.toString ?? item.to },
      trigger: this.isReporter(change.author) ? 'stakeholder-request' : 'routine',
      rationale: `${this.label}: ${item.toString ?? item.to} (the tracker records the direction only)`,
    });
    return sub + 1;
  }

  private points(text: string, when: string): number | null {
    const t = text.trim();
    if (t === '') return null;
    const n = Number(t);
    if (!Number.isFinite(n) || n < 0 || n > 1000) this.fail(`story points ${JSON.stringify(text)} ${when} are not a number of points between 0 and 1000`);
    return n;
  }

  private storyPoints(change: TrackerChange, item: FieldChange, sub: number): number {
    if (item.valueless) {
      this.count(item.field);
      return sub;
    }
    const to = item.toString ?? item.to;
    const value = to === null ? null : this.points(to, `in change ${change.id}`);
    if (value === null || value === this.estimate || !RANKED.includes(this.status)) return sub;
    this.emit(change.id, sub, change.at, change.author, 'item.estimate', {
      item: this.itemKey,
      estimate: value,
      rationale: `${this.label}: ${item.field} ${item.fromString ?? item.from ?? '(none)'} → ${to}`,
    });
    this.estimate = value;
    return sub + 1;
  }

  /** A sprint or fix version removed, or another one added to one already set (carried over): a deferral. */
  private schedule(change: TrackerChange, item: FieldChange, sub: number): number {
    if (item.valueless) return this.valuelessActivity(change, item, sub);
    const before = listOf(item.from ?? item.fromString);
    const after = listOf(item.to ?? item.toString);
    const removed = [...before].some((v) => !after.has(v));
    const added = [...after].some((v) => !before.has(v));
    if (!(removed || (added && before.size > 0)) || !RANKED.includes(this.status)) return sub;
    return this.defer(change, item, sub, `${item.field} ${item.fromString || '(none)'} → ${item.toString || '(none)'} (deferred)`);
  }

  /** XES keeps no values: the mapping says what a change of the field stands for. */
  private valuelessActivity(change: TrackerChange, item: FieldChange, sub: number): number {
    const what = this.mapping.xes.activities.get(activityOf(item)) ?? 'ignore';
    const seen = this.valuelessSeen.has(item.field);
    this.valuelessSeen.add(item.field);
    if (what === 'ignore' || what === 'status' || (what === 'deferral-after-first' && !seen) || !RANKED.includes(this.status)) {
      if (what === 'ignore' || what === 'status') this.count(item.field);
      return sub;
    }
    return this.defer(change, item, sub, `${item.field} changed again (deferred; the log keeps no values)`);
  }

  private defer(change: TrackerChange, item: FieldChange, sub: number, text: string): number {
    this.emit(change.id, sub, change.at, change.author, 'item.reprioritize', {
      item: this.itemKey,
      move: { scale: 'schedule', direction: 'down', approximate: true, from: clip(item.fromString), to: clip(item.toString) },
      trigger: this.isReporter(change.author) ? 'stakeholder-request' : 'routine',
      rationale: `${this.label}: ${text}`,
    });
    return sub + 1;
  }

  /** An epic / parent link: the parent becomes an objective of the backlog (once), the item is linked to it. */
  private link(parent: string, changeId: string, sub: number, at: string, author: Person | null): number {
    if (this.mapping.parents === 'none') return sub;
    const objective = keyText(`${this.backlog.key}:parent:${parent}`);
    if (objective === this.objective || !RANKED.includes(this.status)) return sub;
    this.objectives.push({ key: objective, backlog: this.backlog.key, title: parent.slice(0, 200), parent, at });
    this.emit(changeId, sub, at, author, 'item.link-objective', {
      item: this.itemKey,
      objective,
      rationale: `${this.label}: linked to ${parent}`,
    });
    this.objective = objective;
    return sub + 1;
  }

  private count(field: string): void {
    this.ignored.set(field, (this.ignored.get(field) ?? 0) + 1);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Actors and lines

  private kindOf(issueType: string | null): ItemKind {
    return (issueType && this.mapping.issueTypes.get(norm(issueType))) || this.mapping.issueTypes.get('*') || 'story';
  }

  private isReporter(person: Person | null): boolean {
    return person !== null && this.issue.reporter !== null && person.id === this.issue.reporter.id;
  }

  /** The role map: bots decide as `system`; people named in the map by their role; the reporter requests. */
  private actorOf(person: Person | null, decision: string): { id: string; role: string } {
    if (person === null) return { id: 'unknown-author', role: 'system' };
    const names = [person.id, person.displayName, person.email, ...person.aliases].filter((n): n is string => !!n);
    if (person.bot || names.some((n) => this.mapping.roles.bots.some((re) => re.test(n)))) return { id: person.id, role: 'system' };
    let role: MappingRole | undefined;
    for (const n of names) role ??= this.mapping.roles.people.get(norm(n));
    if (role === undefined && this.isReporter(person) && decision === 'item.add') role = this.mapping.roles.reporter;
    role ??= this.mapping.roles.others;
    // A stakeholder requests (adds) items; every other decision needs a decider's rights.
    if (role === 'stakeholder' && decision !== 'item.add') role = this.mapping.roles.others;
    return { id: person.id, role };
  }

  private emit(changeId: string, sub: number, at: string, author: Person | null, decision: string, fields: Record<string, unknown>): void {
    const actor = this.actorOf(author, decision);
    this.lines.push({
      line: { id: keyText(`${this.prefix}:${changeId}:${sub}`), at, actor, decision, statedWhy: false, ...fields },
      issue: this.issue.key,
      people: author ? [author] : [],
    });
  }
}

/** The XES activity a value-less change came from ("Change Field: X" unless the source says otherwise). */
function activityOf(item: FieldChange): string {
  return norm(item.activity ?? `Change Field: ${item.field}`);
}

function titleOf(issue: TrackerIssue): string {
  const t = issue.title.replace(/\s+/g, ' ').trim();
  if (t === '') return issue.key;
  return t.length <= 200 ? t : `${t.slice(0, 199)}…`;
}

function clip(text: string | null): string | null {
  if (text === null || text.trim() === '') return null;
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}

/** Jira lists several sprints or versions as "a, b" (ids in from/to, names in the strings). */
function listOf(value: string | null): Set<string> {
  if (value === null) return new Set();
  return new Set(
    value
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

function describeStatus(
  before: { status: string | null; resolution: string | null },
  after: { status: string | null; resolution: string | null },
): string {
  const parts: string[] = [];
  if (before.resolution !== after.resolution) {
    parts.push(after.resolution === null ? `resolution ${before.resolution} cleared` : `resolution ${after.resolution}`);
  }
  if (before.status !== after.status) parts.push(before.status === null ? `status ${after.status}` : `status ${before.status} → ${after.status}`);
  return parts.join(', ') || `status ${after.status ?? '(none)'}`;
}
