import type { Person, TrackerIssue } from './tracker-issue';
import type { DraftLine, IssueDecisions } from './to-decisions';
import { keyText } from './to-decisions';
import type { Pseudonymiser } from './pseudonymise';

/**
 * The converted issues → one chronological file of import lines: a `backlog.create` per backlog (at its first
 * issue's creation), a `backlog.add-objective` per epic / parent (at its first link), then every issue's
 * decisions, all merged by time (the importer needs them in chronological order; same-time lines keep the
 * order they were produced in). With a pseudonymiser, every person the history names is replaced.
 */
export interface AssembledLines {
  /** The import lines, serialised, in order. */
  lines: string[];
  /** Line number (1-based) → the issue it belongs to ('' for backlog and objective lines). */
  issueOfLine: string[];
  backlogs: number;
  objectives: number;
}

const IMPORT_ACTOR = (system: string) => ({ id: `${system.toLowerCase()}-import`, role: 'system' });

export function assemble(converted: IssueDecisions[], pseudonymiser: Pseudonymiser | null, allIssues: TrackerIssue[] = []): AssembledLines {
  type Entry = { at: string; group: number; seq: number; draft: DraftLine };
  const entries: Entry[] = [];
  let seq = 0;
  const backlogs = new Map<string, { at: string; info: IssueDecisions['backlog'] }>();
  const objectives = new Map<string, { at: string; backlog: string; title: string; parent: string; system: string }>();
  for (const c of converted) {
    for (const d of c.lines) entries.push({ at: d.line.at, group: 2, seq: seq++, draft: d });
    const first = c.lines[0]?.line.at;
    if (first !== undefined) {
      const b = backlogs.get(c.backlog.key);
      if (!b || first < b.at) backlogs.set(c.backlog.key, { at: first, info: c.backlog });
    }
    for (const o of c.objectives) {
      const known = objectives.get(o.key);
      if (!known || o.at < known.at) objectives.set(o.key, { at: o.at, backlog: o.backlog, title: o.title, parent: o.parent, system: c.issue.system });
    }
  }
  for (const [key, { at, info }] of backlogs) {
    entries.push({
      at,
      group: 0,
      seq: seq++,
      draft: {
        issue: '',
        people: [],
        line: {
          id: keyText(`${key}:created`),
          at,
          actor: IMPORT_ACTOR(info.system),
          decision: 'backlog.create',
          statedWhy: false,
          backlog: key,
          name: info.name.slice(0, 120),
          productGoal: `Imported from ${info.system} ${info.site}, ${info.project}: the goal is not recorded there.`,
          rationale: `${info.system} ${info.site}: history of ${info.project} imported`,
        },
      },
    });
  }
  for (const [key, o] of objectives) {
    entries.push({
      at: o.at,
      group: 1,
      seq: seq++,
      draft: {
        issue: '',
        people: [],
        line: {
          id: keyText(`${key}:added`),
          at: o.at,
          actor: IMPORT_ACTOR(o.system),
          decision: 'backlog.add-objective',
          statedWhy: false,
          backlog: o.backlog,
          objective: key,
          title: o.title,
          metric: `Work linked to ${o.parent}`.slice(0, 200),
          rationale: `${o.system} ${o.parent}: parent (epic) of imported issues`,
        },
      },
    });
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.group - b.group || a.seq - b.seq));

  if (pseudonymiser) {
    const people: Person[] = [];
    for (const i of allIssues.length ? allIssues : converted.map((c) => c.issue)) {
      if (i.reporter) people.push(i.reporter);
      for (const ch of i.changes) if (ch.author) people.push(ch.author);
    }
    for (const e of entries) people.push(...e.draft.people);
    for (const p of people) pseudonymiser.register(p);
  }
  return {
    lines: entries.map((e) => JSON.stringify(pseudonymiser ? pseudonymise(e.draft.line, pseudonymiser) : e.draft.line)),
    issueOfLine: entries.map((e) => e.draft.issue),
    backlogs: backlogs.size,
    objectives: objectives.size,
  };
}

/** Keys and the envelope stay; actor ids are replaced; every other text goes through the pseudonymiser. */
const KEEP = new Set(['id', 'at', 'decision', 'backlog', 'item', 'objective', 'kind', 'trigger', 'statedWhy']);

function pseudonymise(line: DraftLine['line'], p: Pseudonymiser): DraftLine['line'] {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(line)) {
    if (k === 'actor') {
      const actor = v as { id: string; role: string };
      const ours = actor.id === 'unknown-author' || actor.id.endsWith('-import');
      out.actor = { id: ours ? actor.id : p.id(actor.id), role: actor.role };
    } else if (KEEP.has(k)) out[k] = v;
    else out[k] = deep(v, p);
  }
  return out as DraftLine['line'];
}

/** Inside `move`: the scale and direction are words of ours, not text. */
const KEEP_NESTED = new Set(['scale', 'direction']);

function deep(v: unknown, p: Pseudonymiser): unknown {
  if (typeof v === 'string') return p.text(v);
  if (Array.isArray(v)) return v.map((x) => deep(x, p));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, KEEP_NESTED.has(k) ? x : deep(x, p)]));
  }
  return v;
}
