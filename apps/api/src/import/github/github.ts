import { FetchCache } from '../live/fetch-cache';
import { FetchError, fetchJson, type RetryPolicy } from '../live/http-fetch';
import { norm, type Mapping } from '../tracker/mapping';
import type { TrackerSource } from '../tracker/tracker-import';
import { trackerTime, type FieldChange, type Person, type TrackerChange, type TrackerIssue } from '../tracker/tracker-issue';

/**
 * A GitHub repository's issues and their timelines (docs/import-trackers.md, "GitHub"): pulled page by page
 * (`GET /repos/{repo}/issues?state=all`, then `GET /repos/{repo}/issues/{n}/timeline` per issue; pull requests
 * are not backlog items and are left out) into a FetchCache that an interrupted pull resumes from, then read
 * into issues: opened → added; assigned → started; closed as completed → delivered, as not planned →
 * anti-backlog, as duplicate → killed (by the mapping's resolutions); reopened → reopened or revived; priority
 * labels (the mapping's `github.priorityLabels`) → priority changes; a milestone removed → a deferral.
 */

export const GITHUB_STATUS_CATEGORIES = { open: 'To Do', 'in progress': 'In Progress', closed: 'Done' };

interface GithubPullState {
  repo: string;
  issuePages: number;
  issuesDone: boolean;
  /** Issue numbers whose timeline is complete in the cache. */
  timelinesDone: Record<string, true>;
  finished: boolean;
}

export interface GithubPullOptions {
  repo: string;
  apiUrl: string;
  token: string | null;
  dataDir: string;
  retry: RetryPolicy;
  restart?: boolean;
  onProgress?: (p: { pages: number; issues: number; issuesDone: boolean; timelines: number; resumed: boolean }) => void;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function pullGithub(o: GithubPullOptions): Promise<{
  cache: FetchCache<GithubPullState>;
  resumed: boolean;
  requests: number;
  finished: () => void;
}> {
  const api = o.apiUrl.replace(/\/+$/, '');
  const cache = new FetchCache<GithubPullState>(o.dataDir, 'github', `${api}\n${o.repo}`);
  const { state, resumed } = cache.open({ repo: o.repo, issuePages: 0, issuesDone: false, timelinesDone: {}, finished: false }, o.restart ?? false);
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'backlog-ledger-import',
    ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
  };
  let requests = 0;
  const get = async (path: string) => {
    requests += 1;
    const res = await fetchJson(`${api}${path}`, { headers }, o.retry, { auth: 'GITHUB_TOKEN' });
    if (res.status === 404) throw new FetchError(`${api}${path}`, 404, `${o.repo}: not found (HTTP 404); check --repo, and that GITHUB_TOKEN may read it`);
    return res;
  };
  // Counted once from what a resumed pull already has, then as pages come in (not re-read for every timeline).
  let issues = cache.names().filter((n) => n.startsWith('issues-')).reduce((n, name) => n + (cache.get(name) as unknown[]).length, 0);
  const progress = () =>
    o.onProgress?.({ pages: state.issuePages, issues, issuesDone: state.issuesDone, timelines: Object.keys(state.timelinesDone).length, resumed });

  while (!state.issuesDone) {
    const page = state.issuePages + 1;
    const res = await get(`/repos/${o.repo}/issues?state=all&per_page=100&sort=created&direction=asc&page=${page}`);
    if (!Array.isArray(res.body)) throw new FetchError(`${api}/repos/${o.repo}/issues`, res.status, `${o.repo}: the issues page is not a list`);
    cache.put(`issues-${String(page).padStart(5, '0')}.json`, res.body);
    issues += res.body.length;
    state.issuePages = page;
    state.issuesDone = res.body.length === 0 || !/rel="next"/.test(res.headers.get('link') ?? '');
    cache.save(state);
    progress();
  }

  for (const name of cache.names().filter((n) => n.startsWith('issues-'))) {
    for (const issue of cache.get(name) as Json[]) {
      if (!isObject(issue) || issue.pull_request !== undefined || typeof issue.number !== 'number') continue;
      const n = String(issue.number);
      if (state.timelinesDone[n]) continue;
      for (let page = 1; ; page++) {
        const res = await get(`/repos/${o.repo}/issues/${n}/timeline?per_page=100&page=${page}`);
        if (!Array.isArray(res.body)) throw new FetchError(`${api}/repos/${o.repo}/issues/${n}/timeline`, res.status, `${o.repo}#${n}: the timeline page is not a list`);
        cache.put(`timeline-${n.padStart(7, '0')}-${String(page).padStart(4, '0')}.json`, res.body);
        if (res.body.length === 0 || !/rel="next"/.test(res.headers.get('link') ?? '')) break;
      }
      state.timelinesDone[n] = true;
      cache.save(state);
      progress();
    }
  }
  return {
    cache,
    resumed,
    requests,
    finished: () => {
      state.finished = true;
      cache.save(state);
    },
  };
}

/** The cached pages → issues (pull requests left out). */
export function readGithubCache(cache: FetchCache<object>, repo: string, mapping: Mapping): TrackerSource {
  const timelines = new Map<string, unknown[]>();
  for (const name of cache.names().filter((n) => n.startsWith('timeline-'))) {
    const n = String(Number(name.split('-')[1]));
    timelines.set(n, [...(timelines.get(n) ?? []), ...(cache.get(name) as unknown[])]);
  }
  const issues: TrackerIssue[] = [];
  for (const name of cache.names().filter((n) => n.startsWith('issues-'))) {
    for (const issue of cache.get(name) as Json[]) {
      if (!isObject(issue) || issue.pull_request !== undefined || typeof issue.number !== 'number') continue;
      issues.push(githubIssue(repo, issue, timelines.get(String(issue.number)) ?? [], mapping, `${cache.dir}/${name}`));
    }
  }
  return { issues, rejected: [], badFiles: [], statuses: new Map() };
}

function personOf(u: unknown): Person | null {
  if (!isObject(u) || typeof u.login !== 'string') return null;
  return { id: u.login, displayName: typeof u.name === 'string' ? u.name : null, email: typeof u.email === 'string' ? u.email : null, aliases: [], bot: u.type === 'Bot' };
}

export function githubIssue(repo: string, issue: Json, timeline: unknown[], mapping: Mapping, file: string): TrackerIssue {
  const key = `${repo}#${issue.number as number}`;
  const labels = Array.isArray(issue.labels) ? issue.labels.map((l) => (isObject(l) ? String(l.name ?? '') : String(l))) : [];
  const priorityOf = (label: string): string | null => mapping.github.priorityLabels.get(norm(label)) ?? null;
  let priority: string | null = null;
  const changes: TrackerChange[] = [];
  const events = timeline
    .filter(isObject)
    .map((e, i) => ({ e, i, at: trackerTime(e.created_at) }))
    .filter((x) => x.at !== null)
    .sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : a.i - b.i));
  for (const { e, i, at } of events) {
    const items: FieldChange[] = [];
    const event = String(e.event ?? '');
    const change = (field: string, from: string | null, to: string | null): FieldChange => ({ field, from, fromString: from, to, toString: to });
    if (event === 'closed') {
      const reason = typeof e.state_reason === 'string' ? e.state_reason : 'completed';
      items.push(change('status', null, 'closed'), change('resolution', null, reason));
    } else if (event === 'reopened') {
      items.push(change('status', null, 'open'), change('resolution', null, null));
    } else if (event === 'assigned' && mapping.github.startOn === 'assigned') {
      items.push(change('status', null, 'in progress'));
    } else if ((event === 'labeled' || event === 'unlabeled') && isObject(e.label) && priorityOf(String(e.label.name)) !== null) {
      const p = priorityOf(String(e.label.name));
      const next: string | null = event === 'labeled' ? p : priority === p ? null : priority;
      items.push(change('priority', priority, next));
      priority = next;
    } else if ((event === 'milestoned' || event === 'demilestoned') && isObject(e.milestone)) {
      const title = String(e.milestone.title ?? '');
      items.push(event === 'milestoned' ? change('Milestone', null, title) : change('Milestone', title, null));
    } else if (event !== '') {
      items.push({ field: event, from: null, fromString: null, to: null, toString: null, valueless: true });
    }
    if (items.length) changes.push({ id: String(e.id ?? `t${i + 1}`), at: at!, author: personOf(e.actor), items });
  }
  return {
    system: 'GitHub',
    site: 'github.com',
    key,
    project: repo,
    projectName: repo,
    title: String(issue.title ?? key),
    issueType: labels.some((l) => norm(l) === 'bug') ? 'Bug' : null,
    created: trackerTime(issue.created_at) ?? String(issue.created_at),
    reporter: personOf(issue.user),
    initial: { status: 'open', resolution: null, priority: null, storyPoints: null, parent: null },
    current: {},
    changes,
    files: [file],
    statusCategories: GITHUB_STATUS_CATEGORIES,
  };
}
