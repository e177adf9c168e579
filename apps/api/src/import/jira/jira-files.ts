import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { norm, type Mapping, type StatusCategory } from '../tracker/mapping';
import { categoryOf, emptySiteStatuses, type SiteStatuses } from '../tracker/to-decisions';
import {
  IssueError,
  SourceFileError,
  trackerTime,
  type FieldChange,
  type Person,
  type TrackerChange,
  type TrackerIssue,
} from '../tracker/tracker-issue';

/**
 * Recorded Jira REST responses → issues with their whole changelogs (docs/import-trackers.md, "Jira"). One reader
 * for every shape the API returns:
 * - search pages: Server/DC v2 `/search` (`startAt`, `total`, `issues`) and Cloud v3 `/search/jql`
 *   (`issues`, `nextPageToken`, `isLast`), issues with or without an embedded `changelog`;
 * - single issues (`GET /issue/{key}?expand=changelog`);
 * - changelog pages (`GET /issue/{key}/changelog`: `values`, `startAt`, `total`; the issue is named by `self`
 *   or, failing that, by the file name) and bulk changelog pages (`POST /changelog/bulkfetch`:
 *   `issueChangeLogs[].issueId` + `changeHistories`);
 * - the site's statuses (`GET /status`: a list of statuses with their `statusCategory`).
 * Authors may be Server/DC (`name`, `key`) or Cloud (`accountId`); times carry offsets such as -0600;
 * histories may come newest-first or oldest-first, and may lack an author. The same issue in several files is
 * merged (histories by id; its fields from the most recently updated copy).
 */

export interface JiraFiles {
  issues: TrackerIssue[];
  /** Issues that cannot be imported (truncated changelog, unreadable times…): nothing of them is written. */
  rejected: IssueError[];
  /** Files that are not Jira responses (or not JSON): nothing in them is imported. */
  badFiles: SourceFileError[];
  /** Status categories per site (host). */
  statuses: Map<string, SiteStatuses>;
  files: number;
  /** Files skipped in folders because they are not .json. */
  skipped: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

interface Acc {
  key: string;
  id: string | null;
  site: string;
  fields: Json | null;
  updated: string;
  histories: Map<string, Json>;
  /** The largest changelog total any copy reported. */
  total: number;
  files: Set<string>;
}

/** Every .json file under the paths (folders are walked; other files in folders are skipped). */
export function jiraFilesOf(paths: string[]): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name), false);
    } else if (explicit || p.toLowerCase().endsWith('.json')) files.push(p);
    else skipped.push(p);
  };
  for (const p of paths) walk(p, true);
  return { files, skipped };
}

export function readJiraFiles(paths: string[], mapping: Mapping): JiraFiles {
  const { files, skipped } = jiraFilesOf(paths);
  const reader = new JiraReader(mapping);
  for (const file of files) reader.read(file);
  return { ...reader.finish(), files: files.length, skipped };
}

/** Parsed responses (e.g. fetched live), each with the name it is reported under. */
export function readJiraResponses(responses: Array<{ name: string; body: unknown }>, mapping: Mapping): Omit<JiraFiles, 'files' | 'skipped'> {
  const reader = new JiraReader(mapping);
  for (const r of responses) reader.readParsed(r.name, r.body);
  return reader.finish();
}

class JiraReader {
  private readonly issues = new Map<string, Acc>();
  private readonly keyById = new Map<string, string>();
  private readonly pagesByKey: Array<{ key: string; file: string; histories: Json[]; total: number }> = [];
  private readonly pagesById: Array<{ id: string; file: string; histories: Json[] }> = [];
  private readonly badFiles: SourceFileError[] = [];
  private readonly statuses = new Map<string, SiteStatuses>();
  /** Custom field ids of the story points field, learned from Cloud changelog items (fieldId). */
  private readonly pointFieldIds = new Set<string>();

  constructor(private readonly mapping: Mapping) {}

  read(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      this.badFiles.push(new SourceFileError(file, `cannot be read (${(e as Error).message})`));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      const hint = text.trim() === '' ? 'the file is empty' : 'the response is cut off or not JSON; fetch it again';
      this.badFiles.push(new SourceFileError(file, `not valid JSON (${(e as Error).message}): ${hint}. Nothing in it was imported`));
      return;
    }
    this.readParsed(file, body);
  }

  readParsed(file: string, body: unknown): void {
    try {
      this.shape(file, body);
    } catch (e) {
      if (e instanceof SourceFileError) this.badFiles.push(e);
      else throw e;
    }
  }

  private notJira(file: string, what: string): never {
    throw new SourceFileError(
      file,
      `is not a Jira response (${what}); expected a search page ({"issues": [...]}), an issue ({"key", "fields"}), ` +
        `a changelog page ({"values": [...]}), a bulk changelog page ({"issueChangeLogs": [...]}) or the site's statuses ([{"name", "statusCategory"}]). Nothing in it was imported`,
    );
  }

  private shape(file: string, body: unknown): void {
    if (Array.isArray(body)) {
      if (body.length > 0 && body.every((s) => isObject(s) && typeof s.name === 'string' && isObject(s.statusCategory))) {
        for (const s of body as Json[]) this.status(s);
        return;
      }
      if (body.length > 0 && body.every((i) => isObject(i) && typeof i.key === 'string' && isObject(i.fields))) {
        const issues = body as Json[];
        this.checkIssues(file, issues);
        for (const i of issues) this.issue(file, i);
        return;
      }
      this.notJira(file, body.length === 0 ? 'an empty list' : 'a list of something else');
    }
    if (!isObject(body)) this.notJira(file, `a JSON ${body === null ? 'null' : typeof body}`);
    if (Array.isArray(body.issues)) {
      const issues = body.issues as unknown[];
      if (!issues.every((i) => isObject(i) && typeof i.key === 'string' && isObject(i.fields))) {
        this.notJira(file, 'its "issues" are not issues with a key and fields');
      }
      this.checkIssues(file, issues as Json[]);
      for (const i of issues as Json[]) this.issue(file, i);
      return;
    }
    if (typeof body.key === 'string' && isObject(body.fields)) {
      this.checkIssues(file, [body]);
      this.issue(file, body);
      return;
    }
    if (Array.isArray(body.values) && (body.values as unknown[]).every(isHistory)) {
      const key = issueKeyOf(str(body.self)) ?? issueKeyOf(basename(file));
      if (!key) this.notJira(file, 'a changelog page, but neither its "self" nor the file name names the issue (e.g. PROJ-12.changelog.json)');
      this.pagesByKey.push({ key, file, histories: body.values as Json[], total: typeof body.total === 'number' ? body.total : 0 });
      return;
    }
    if (Array.isArray(body.issueChangeLogs)) {
      for (const log of body.issueChangeLogs as unknown[]) {
        if (!isObject(log) || str(log.issueId) === null || !Array.isArray(log.changeHistories) || !(log.changeHistories as unknown[]).every(isHistory)) {
          this.notJira(file, 'a bulk changelog page whose entries are not {"issueId", "changeHistories": [...]}');
        }
        this.pagesById.push({ id: str(log.issueId)!, file, histories: log.changeHistories as Json[] });
      }
      return;
    }
    this.notJira(file, `an object with ${Object.keys(body).slice(0, 6).join(', ') || 'no fields'}`);
  }

  /** Every history of every issue must at least be an object with an id and a creation time. */
  private checkIssues(file: string, issues: Json[]): void {
    for (const i of issues) {
      const cl = i.changelog;
      if (cl === undefined) continue;
      if (!isObject(cl) || !Array.isArray(cl.histories) || !(cl.histories as unknown[]).every(isHistory)) {
        this.notJira(file, `issue ${String(i.key)} has a changelog without a list of histories ({"id", "created", "items"})`);
      }
    }
  }

  private status(s: Json): void {
    const cat = categoryOf((s.statusCategory as Json).key) ?? categoryOf((s.statusCategory as Json).name);
    if (!cat) return;
    const site = hostOf(str(s.self));
    const known = this.siteStatuses(site);
    known.byName.set(norm(String(s.name)), cat);
    if (typeof s.untranslatedName === 'string') known.byName.set(norm(s.untranslatedName), cat);
    const id = str(s.id);
    if (id) known.byId.set(id, cat);
  }

  private siteStatuses(site: string): SiteStatuses {
    let s = this.statuses.get(site);
    if (!s) this.statuses.set(site, (s = emptySiteStatuses()));
    return s;
  }

  private issue(file: string, i: Json): void {
    const key = i.key as string;
    const fields = i.fields as Json;
    const id = str(i.id);
    const site = hostOf(str(i.self));
    let acc = this.issues.get(key);
    if (!acc) {
      acc = { key, id, site, fields: null, updated: '', histories: new Map(), total: 0, files: new Set() };
      this.issues.set(key, acc);
    }
    acc.files.add(file);
    if (id) this.keyById.set(id, key);
    const updated = trackerTime(fields.updated) ?? '';
    if (acc.fields === null || updated >= acc.updated) {
      acc.fields = fields;
      acc.updated = updated;
      acc.id = id ?? acc.id;
      if (site !== 'jira') acc.site = site;
    }
    const status = isObject(fields.status) ? fields.status : null;
    const cat = status && isObject(status.statusCategory) ? categoryOf(status.statusCategory.key) : null;
    if (status && cat && typeof status.name === 'string') {
      const known = this.siteStatuses(site);
      if (!known.byName.has(norm(status.name))) known.byName.set(norm(status.name), cat);
    }
    const cl = i.changelog;
    if (isObject(cl)) {
      for (const h of cl.histories as Json[]) this.history(acc, h);
      acc.total = Math.max(acc.total, typeof cl.total === 'number' ? cl.total : 0);
    }
  }

  private history(acc: Acc, h: Json): void {
    acc.histories.set(String(h.id), h);
    for (const item of (h.items as unknown[]) ?? []) {
      if (isObject(item) && typeof item.fieldId === 'string' && typeof item.field === 'string' && this.mapping.fields.storyPoints.has(norm(item.field))) {
        this.pointFieldIds.add(item.fieldId);
      }
    }
  }

  finish(): Omit<JiraFiles, 'files' | 'skipped'> {
    const rejected: IssueError[] = [];
    for (const page of this.pagesByKey) {
      const acc = this.issues.get(page.key);
      if (!acc) {
        rejected.push(new IssueError(page.key, [page.file], 'a changelog page for an issue none of the files holds (import its search page or GET /issue/{key} with it)'));
        continue;
      }
      acc.files.add(page.file);
      for (const h of page.histories) this.history(acc, h);
      acc.total = Math.max(acc.total, page.total);
    }
    for (const page of this.pagesById) {
      const key = this.keyById.get(page.id);
      const acc = key ? this.issues.get(key) : undefined;
      if (!acc) {
        rejected.push(new IssueError(`issue id ${page.id}`, [page.file], 'a bulk changelog entry for an issue none of the files holds'));
        continue;
      }
      acc.files.add(page.file);
      for (const h of page.histories) this.history(acc, h);
    }
    const issues: TrackerIssue[] = [];
    for (const acc of this.issues.values()) {
      try {
        issues.push(this.toIssue(acc));
      } catch (e) {
        if (e instanceof IssueError) rejected.push(e);
        else throw e;
      }
    }
    return { issues, rejected, badFiles: this.badFiles, statuses: this.statuses };
  }

  private toIssue(acc: Acc): TrackerIssue {
    const files = [...acc.files];
    const fail = (reason: string): never => {
      throw new IssueError(acc.key, files, reason);
    };
    const f = acc.fields as Json;
    if (acc.histories.size < acc.total) {
      fail(
        `its changelog is truncated: ${acc.histories.size} of ${acc.total} entries (changelog.total) are in the files. ` +
          `Add the rest (GET /rest/api/3/issue/${acc.key}/changelog?startAt=${acc.histories.size}, or /changelog/bulkfetch), or import it live with --site`,
      );
    }
    const created = trackerTime(f.created) ?? '';
    if (!created) fail(`its fields.created is not a time with an offset (${JSON.stringify(f.created)})`);
    const histories = [...acc.histories.values()];
    const numeric = histories.every((h) => /^\d+$/.test(String(h.id)));
    // Jira's history ids grow with time: the id order is the order things happened in (files list them newest
    // or oldest first). A history whose time then goes back is a broken history, not one to reorder.
    histories.sort((a, b) => (numeric ? Number(a.id) - Number(b.id) : String(a.created).localeCompare(String(b.created))));
    const changes: TrackerChange[] = histories.map((h) => {
      const at = trackerTime(h.created) ?? '';
      if (!at) fail(`history ${String(h.id)} has no readable time (${JSON.stringify(h.created)})`);
      const items: FieldChange[] = ((h.items as unknown[]) ?? []).filter(isObject).map((it) => ({
        field: String(it.field ?? it.fieldId ?? ''),
        from: str(it.from),
        fromString: str(it.fromString),
        to: str(it.to),
        toString: str(it.toString),
      }));
      return { id: String(h.id), at, author: personOf(h.author), items };
    });
    const project = isObject(f.project) ? f.project : {};
    const projectKey = str(project.key) ?? acc.key.replace(/-\d+$/, '');
    let points: string | null = null;
    for (const id of this.pointFieldIds) if (f[id] !== undefined && f[id] !== null) points = str(f[id]);
    const status = isObject(f.status) ? f.status : null;
    return {
      system: 'Jira',
      site: acc.site,
      key: acc.key,
      project: projectKey,
      projectName: str(project.name) ?? projectKey,
      title: str(f.summary) ?? acc.key,
      issueType: isObject(f.issuetype) ? str(f.issuetype.name) : null,
      created,
      reporter: personOf(f.reporter) ?? personOf(f.creator),
      initial: {},
      current: {
        status: status ? str(status.name) : null,
        resolution: isObject(f.resolution) ? str(f.resolution.name) : null,
        priority: isObject(f.priority) ? str(f.priority.name) : null,
        storyPoints: points,
        parent: isObject(f.parent) ? str(f.parent.key) : null,
      },
      changes,
      files,
    };
  }
}

function isHistory(h: unknown): boolean {
  return isObject(h) && (typeof h.id === 'string' || typeof h.id === 'number') && typeof h.created === 'string' && (h.items === undefined || Array.isArray(h.items));
}

/** A Jira author: Cloud (accountId, accountType "app" for apps) or Server/DC (name, key). */
export function personOf(a: unknown): Person | null {
  if (!isObject(a)) return null;
  const id = str(a.accountId) ?? str(a.name) ?? str(a.key) ?? str(a.displayName);
  if (!id) return null;
  const aliases = [str(a.name), str(a.key)].filter((x): x is string => x !== null && x !== id);
  return {
    id,
    displayName: str(a.displayName),
    email: str(a.emailAddress),
    aliases,
    bot: a.accountType === 'app',
  };
}

function hostOf(url: string | null): string {
  if (!url) return 'jira';
  try {
    return new URL(url).host || 'jira';
  } catch {
    return 'jira';
  }
}

/** PROJ-12 in a URL (…/issue/PROJ-12/changelog) or a file name (PROJ-12.changelog.2.json). */
function issueKeyOf(text: string | null): string | null {
  if (!text) return null;
  const m = /(?:^|[^A-Za-z0-9])([A-Z][A-Z0-9_]+-\d+)(?![0-9])/.exec(text);
  return m ? m[1] : null;
}

export type { StatusCategory };
