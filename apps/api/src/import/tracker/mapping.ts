import { readFileSync } from 'node:fs';
import { ITEM_KINDS, type ItemKind } from '@ledger/domain';

/**
 * How a tracker's history becomes decisions (docs/import-trackers.md): one mapping for Jira, GitHub and XES,
 * with defaults that fit a stock Jira site. A mapping file overrides any part of it; every name in it is
 * checked, and a bad file is refused with a message that says which name to map where.
 */

export const STATUS_CATEGORIES = ['To Do', 'In Progress', 'Done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** What an XES activity (or a value-less field change) stands for. */
export const XES_ACTIVITY_DECISIONS = ['status', 'deferral', 'deferral-after-first', 'ignore'] as const;
export type XesActivityDecision = (typeof XES_ACTIVITY_DECISIONS)[number];

export const MAPPING_ROLES = ['admin', 'product-leader', 'product-owner', 'stakeholder'] as const;
export type MappingRole = (typeof MAPPING_ROLES)[number];

export interface Mapping {
  /** `project`: one backlog per project (repository, log); `one`: every issue into the backlog named `backlogName`. */
  backlog: { per: 'project' | 'one'; name: string | null };
  /** Status name → category (To Do / In Progress / Done) from the mapping file: wins over the site's own. */
  statuses: Map<string, StatusCategory>;
  /** Built-in categories of common status names: used when neither the file nor the site names a status. */
  defaultStatuses: Map<string, StatusCategory>;
  /** Resolution names (normalised) that put an item in the anti-backlog / kill it. Any other resolution delivers it. */
  resolutions: { antiBacklog: Set<string>; killed: Set<string> };
  /** Priority name (normalised) → level on the ordinal scale, 1 = highest. */
  priorities: Map<string, number>;
  /** The scale as written (level → names), for messages. */
  priorityLevels: string[][];
  /** Field names (normalised) by role. */
  fields: { priority: Set<string>; rank: Set<string>; storyPoints: Set<string>; sprint: Set<string>; fixVersion: Set<string>; parent: Set<string> };
  /** Epic / parent links become objectives of the backlog (`objective`) or are not decisions (`none`). */
  parents: 'objective' | 'none';
  /** Issue type (normalised) → item kind; `*` for the rest. */
  issueTypes: Map<string, ItemKind>;
  roles: {
    /** Role of an issue's reporter for the item's creation (a stakeholder's creation is a request). */
    reporter: MappingRole;
    /** Role of everyone else, and of the reporter for decisions a stakeholder may not take. */
    others: Exclude<MappingRole, 'stakeholder'>;
    /** Person (id, name, display name or e-mail; normalised) → role. */
    people: Map<string, MappingRole>;
    /** Patterns (`*` wildcard, case-insensitive) of bot and app accounts: decided as `system`. */
    bots: RegExp[];
  };
  xes: { activities: Map<string, XesActivityDecision> };
  github: { priorityLabels: Map<string, string>; startOn: 'assigned' | 'never' };
}

/** Names compare case-insensitively, whatever the apostrophe, underscores as spaces, spaces collapsed. */
export function norm(name: string): string {
  return name.normalize('NFKC').replace(/[\u2018\u2019`]/g, "'").replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The defaults, as a mapping file would write them (docs/import-trackers.md prints this). */
export const DEFAULT_MAPPING_FILE = {
  backlog: { per: 'project' },
  statuses: {
    Open: 'To Do',
    New: 'To Do',
    'To Do': 'To Do',
    Backlog: 'To Do',
    'Selected for Development': 'To Do',
    Reopened: 'To Do',
    'Pending Product Management Triage': 'To Do',
    'In Progress': 'In Progress',
    'Coding In Progress': 'In Progress',
    'Pull Request Sent': 'In Progress',
    'In Review': 'In Progress',
    Review: 'In Progress',
    Done: 'Done',
    Resolved: 'Done',
    Closed: 'Done',
  },
  resolutions: {
    antiBacklog: ["Won't Do", "Won't Fix", 'Declined', 'Not Planned', 'Rejected'],
    killed: ['Duplicate', 'Duplicate Issue', 'Obsolete', 'Out of Date', 'Cannot Reproduce', 'Incomplete'],
  },
  priorities: [
    ['Highest', 'Blocker', 'Urgent'],
    ['High', 'Critical'],
    ['Medium', 'Major', 'Normal'],
    ['Low', 'Minor', 'Optional'],
    ['Lowest', 'Trivial'],
  ],
  fields: {
    priority: ['priority'],
    rank: ['Rank'],
    storyPoints: ['Story Points', 'Story point estimate'],
    sprint: ['Sprint'],
    fixVersion: ['Fix Version', 'fixVersions', 'Milestone'],
    parent: ['Epic Link', 'Parent', 'Parent Link', 'IssueParentAssociation'],
  },
  parents: 'objective',
  issueTypes: {
    Epic: 'initiative',
    Initiative: 'initiative',
    Bug: 'bug',
    Story: 'story',
    'Feature Request': 'story',
    Task: 'tech',
    'Sub-task': 'tech',
    Subtask: 'tech',
    'Technical task': 'tech',
    '*': 'story',
  },
  roles: {
    reporter: 'stakeholder',
    others: 'product-owner',
    people: {},
    bots: ['*[bot]', '*-bot', 'automation*', 'Automation for Jira', 'jira', 'system', 'github-actions*', 'dependabot*'],
  },
  xes: {
    // Statuses are recognised by their category (`statuses`); value-less field changes are listed here.
    activities: {
      'Change Field: Fix Version': 'deferral-after-first',
      'Change Field: Sprint': 'deferral-after-first',
    },
  },
  github: {
    priorityLabels: {
      P0: 'Highest',
      P1: 'High',
      P2: 'Medium',
      P3: 'Low',
      P4: 'Lowest',
      'priority: critical': 'Highest',
      'priority: high': 'High',
      'priority: medium': 'Medium',
      'priority: low': 'Low',
    },
    startOn: 'assigned',
  },
};

/** A mapping file that cannot be used; the message says what to change where. */
export class MappingError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'MappingError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

const TOP_LEVEL = Object.keys(DEFAULT_MAPPING_FILE);

/** The default mapping, overridden by the file's parts (a part replaces the default of that part, except
 * `statuses`, `roles.people`, `issueTypes`, `xes.activities` and `github.priorityLabels`, whose entries are added). */
export function loadMapping(file: string | null): Mapping {
  if (file === null) return buildMapping({}, '(defaults)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MappingError(file, `cannot read the mapping file (${(e as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new MappingError(file, `not valid JSON (${(e as Error).message}); the file is one JSON object, see docs/import-trackers.md`);
  }
  if (!isObject(parsed)) throw new MappingError(file, 'the mapping is one JSON object, e.g. {"statuses": {"Pull Request Sent": "In Progress"}}');
  return buildMapping(parsed, file);
}

export function buildMapping(overrides: Json, file: string): Mapping {
  const fail = (message: string): never => {
    throw new MappingError(file, message);
  };
  for (const k of Object.keys(overrides)) {
    if (!TOP_LEVEL.includes(k)) fail(`unknown part "${k}"; the parts are ${TOP_LEVEL.join(', ')}`);
  }
  const d = DEFAULT_MAPPING_FILE;
  const part = <T>(name: string, dflt: T): Json => {
    const v = overrides[name];
    if (v === undefined) return dflt as unknown as Json;
    if (!isObject(v)) fail(`"${name}" must be an object, e.g. ${JSON.stringify(dflt).slice(0, 80)}…`);
    return v as Json;
  };
  const strings = (v: unknown, where: string): string[] => {
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
      fail(`${where} must be a list of names, e.g. ["Won't Do", "Declined"]`);
    }
    return v as string[];
  };
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], where: string): T => {
    if (typeof v !== 'string' || !allowed.includes(v as T)) fail(`${where} is ${JSON.stringify(v)}; it must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
    return v as T;
  };
  const known = (o: Json, keys: string[], where: string) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) fail(`${where} has an unknown entry "${k}"; its entries are ${keys.join(', ')}`);
  };

  // backlog
  const backlogPart = part('backlog', d.backlog);
  known(backlogPart, ['per', 'name'], '"backlog"');
  const per = oneOf(backlogPart.per ?? 'project', ['project', 'one'] as const, 'backlog.per');
  const backlogName = backlogPart.name === undefined ? null : backlogPart.name;
  if (backlogName !== null && (typeof backlogName !== 'string' || backlogName.trim() === '' || backlogName.length > 120)) {
    fail('backlog.name must be a name of 1-120 characters');
  }
  if (per === 'one' && !backlogName) fail('backlog.per is "one": give the backlog\'s name in backlog.name');

  // statuses: the file's entries; the defaults apart (the site's own categories come between them)
  const categories = (o: Json) =>
    new Map(Object.entries(o).map(([name, cat]) => [norm(name), oneOf(cat, STATUS_CATEGORIES, `statuses["${name}"]`)] as const));
  const statuses = categories(part('statuses', {}));
  const defaultStatuses = categories(d.statuses);

  // resolutions
  const resPart = part('resolutions', d.resolutions);
  known(resPart, ['antiBacklog', 'killed'], '"resolutions"');
  const antiBacklog = new Set(strings(resPart.antiBacklog ?? d.resolutions.antiBacklog, 'resolutions.antiBacklog').map(norm));
  const killed = new Set(strings(resPart.killed ?? d.resolutions.killed, 'resolutions.killed').map(norm));
  for (const r of antiBacklog) if (killed.has(r)) fail(`resolution "${r}" is listed both in resolutions.antiBacklog and resolutions.killed; keep it in one`);

  // priorities: a list of levels, highest first; each level one name or a list of names
  const rawPriorities = overrides.priorities ?? d.priorities;
  if (!Array.isArray(rawPriorities) || rawPriorities.length < 2) {
    fail('priorities must list the levels of the priority scale, highest first, e.g. [["Highest", "Blocker"], "High", "Medium", "Low"]');
  }
  const priorityLevels = (rawPriorities as unknown[]).map((level, i) =>
    typeof level === 'string' ? [level] : strings(level, `priorities[${i}]`),
  );
  const priorities = new Map<string, number>();
  priorityLevels.forEach((names, i) => {
    for (const n of names) {
      const key = norm(n);
      if (key === '') fail(`priorities[${i}] holds an empty name`);
      if (priorities.has(key)) fail(`priority "${n}" appears on two levels (${priorities.get(key)} and ${i + 1}) of priorities; keep it on one`);
      priorities.set(key, i + 1);
    }
  });

  // fields
  const fieldsPart = part('fields', d.fields);
  const fieldRoles = Object.keys(d.fields) as Array<keyof typeof d.fields>;
  known(fieldsPart, fieldRoles, '"fields"');
  const fields = Object.fromEntries(
    fieldRoles.map((r) => [r, new Set(strings(fieldsPart[r] ?? d.fields[r], `fields.${r}`).map(norm))]),
  ) as Mapping['fields'];

  const parents = oneOf(overrides.parents ?? d.parents, ['objective', 'none'] as const, 'parents');

  // issue types
  const issueTypes = new Map<string, ItemKind>();
  const addTypes = (o: Json) => {
    for (const [name, kind] of Object.entries(o)) issueTypes.set(name === '*' ? '*' : norm(name), oneOf(kind, ITEM_KINDS, `issueTypes["${name}"]`));
  };
  addTypes(d.issueTypes);
  addTypes(part('issueTypes', {}));

  // roles
  const rolesPart = part('roles', d.roles);
  known(rolesPart, ['reporter', 'others', 'people', 'bots'], '"roles"');
  const reporter = oneOf(rolesPart.reporter ?? d.roles.reporter, MAPPING_ROLES, 'roles.reporter');
  const others = oneOf(
    rolesPart.others ?? d.roles.others,
    MAPPING_ROLES.filter((r) => r !== 'stakeholder') as Array<Exclude<MappingRole, 'stakeholder'>>,
    'roles.others (a stakeholder may not take the decisions others take)',
  );
  const people = new Map<string, MappingRole>();
  const peoplePart = rolesPart.people ?? {};
  if (!isObject(peoplePart)) fail('roles.people must be an object: {"<account id, name or e-mail>": "product-leader"}');
  for (const [who, role] of Object.entries(peoplePart as Json)) people.set(norm(who), oneOf(role, MAPPING_ROLES, `roles.people["${who}"]`));
  const bots = strings(rolesPart.bots ?? d.roles.bots, 'roles.bots').map(
    (p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i'),
  );

  // xes
  const xesPart = part('xes', d.xes);
  known(xesPart, ['activities'], '"xes"');
  const activities = new Map<string, XesActivityDecision>();
  const addActivities = (o: unknown) => {
    if (!isObject(o)) fail('xes.activities must be an object: {"<activity name>": "status" | "deferral" | "deferral-after-first" | "ignore"}');
    for (const [name, what] of Object.entries(o as Json)) activities.set(norm(name), oneOf(what, XES_ACTIVITY_DECISIONS, `xes.activities["${name}"]`));
  };
  addActivities(d.xes.activities);
  if (xesPart !== (d.xes as unknown)) addActivities(xesPart.activities ?? {});

  // github
  const ghPart = part('github', d.github);
  known(ghPart, ['priorityLabels', 'startOn'], '"github"');
  const priorityLabels = new Map<string, string>();
  const addLabels = (o: unknown, checked: boolean) => {
    if (!isObject(o)) fail('github.priorityLabels must be an object: {"<label>": "<priority name>"}');
    for (const [label, priority] of Object.entries(o as Json)) {
      if (typeof priority !== 'string' || !priorities.has(norm(priority))) {
        // The default labels name the default scale: with a scale of the file's own they may not apply.
        if (!checked) continue;
        fail(`github.priorityLabels["${label}"] is ${JSON.stringify(priority)}, which is not on the priority scale; use one of ${priorityLevels.map((l) => l[0]).join(', ')} or add it to priorities`);
      }
      priorityLabels.set(norm(label), priority as string);
    }
  };
  addLabels(d.github.priorityLabels, false);
  if (ghPart !== (d.github as unknown)) addLabels(ghPart.priorityLabels ?? {}, true);
  const startOn = oneOf(ghPart.startOn ?? d.github.startOn, ['assigned', 'never'] as const, 'github.startOn');

  return {
    backlog: { per, name: backlogName as string | null },
    statuses,
    defaultStatuses,
    resolutions: { antiBacklog, killed },
    priorities,
    priorityLevels,
    fields,
    parents,
    issueTypes,
    roles: { reporter, others, people, bots },
    xes: { activities },
    github: { priorityLabels, startOn },
  };
}
