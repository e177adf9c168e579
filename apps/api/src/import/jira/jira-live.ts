import { FetchCache } from '../live/fetch-cache';
import { FetchError, fetchJson, type RetryPolicy } from '../live/http-fetch';

/**
 * Pulls the issues a JQL query finds, with their whole changelogs, from a Jira site (docs/import-trackers.md,
 * "Live"), into a FetchCache; the responses are then read exactly like recorded files (jira-files.ts).
 * - Jira Cloud (e-mail + API token, basic auth): `GET /rest/api/3/search/jql` paged by `nextPageToken` until
 *   `isLast`; a changelog longer than what came embedded (`changelog.total`) is completed from
 *   `GET /rest/api/3/issue/{key}/changelog?startAt=…`.
 * - Data Center / Server (personal access token, bearer): `GET /rest/api/2/search` paged by `startAt` up to
 *   `total`; a truncated changelog is completed from `GET /rest/api/2/issue/{key}?expand=changelog` (or the
 *   changelog pages where the site has them).
 * - The site's statuses (`GET /rest/api/2/status`) say which status is To Do, In Progress or Done.
 */

export type JiraAuth = { kind: 'cloud'; email: string; token: string } | { kind: 'data-center'; token: string };

/** The credentials from the environment (never from the command line, never printed). */
export function jiraAuthFromEnv(env: NodeJS.ProcessEnv): JiraAuth | string {
  const email = env.JIRA_EMAIL?.trim();
  const token = env.JIRA_API_TOKEN?.trim();
  const pat = env.JIRA_PAT?.trim();
  if (email && token) return { kind: 'cloud', email, token };
  if (pat) return { kind: 'data-center', token: pat };
  if (token && !email) return 'JIRA_API_TOKEN is set but JIRA_EMAIL is not: a Cloud API token needs the e-mail address it belongs to';
  return 'set JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT (a Data Center / Server personal access token) in the environment';
}

interface JiraPullState {
  site: string;
  jql: string;
  api: 'cloud' | 'data-center';
  /** Cloud: the token of the next page (null before the first); DC: the next startAt. */
  nextPageToken: string | null;
  startAt: number;
  pages: number;
  searchDone: boolean;
  statusesDone: boolean;
  /** Issues whose changelog is complete in the cache (key → true). */
  changelogsDone: Record<string, true>;
  issues: number;
  finished: boolean;
}

export interface JiraPullOptions {
  site: string;
  jql: string;
  auth: JiraAuth;
  dataDir: string;
  retry: RetryPolicy;
  restart?: boolean;
  pageSize?: number;
  /** What the pull is doing, for the progress line. */
  onProgress?: (p: { pages: number; issues: number; total: number | null; changelogs: number; resumed: boolean }) => void;
}

export interface JiraPull {
  responses: Array<{ name: string; body: unknown }>;
  resumed: boolean;
  cacheDir: string;
  /** Requests made by this run. */
  requests: number;
  /** Marks the pull finished (after its import): the next run pulls afresh. Until then a run resumes it. */
  finished: () => void;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function pullJira(o: JiraPullOptions): Promise<JiraPull> {
  const site = o.site.replace(/\/+$/, '');
  const cache = new FetchCache<JiraPullState>(o.dataDir, 'jira', `${site}\n${o.jql}`);
  const { state, resumed } = cache.open(
    {
      site,
      jql: o.jql,
      api: o.auth.kind,
      nextPageToken: null,
      startAt: 0,
      pages: 0,
      searchDone: false,
      statusesDone: false,
      changelogsDone: {},
      issues: 0,
      finished: false,
    },
    o.restart ?? false,
  );
  const headers: Record<string, string> =
    o.auth.kind === 'cloud'
      ? { authorization: `Basic ${Buffer.from(`${o.auth.email}:${o.auth.token}`).toString('base64')}` }
      : { authorization: `Bearer ${o.auth.token}` };
  const hints = { auth: o.auth.kind === 'cloud' ? 'JIRA_EMAIL / JIRA_API_TOKEN' : 'JIRA_PAT' };
  let requests = 0;
  let total: number | null = null;
  const get = async (path: string) => {
    requests += 1;
    return fetchJson(`${site}${path}`, { headers }, o.retry, hints);
  };
  const progress = () =>
    o.onProgress?.({ pages: state.pages, issues: state.issues, total, changelogs: Object.keys(state.changelogsDone).length, resumed });
  const pageSize = o.pageSize ?? 50;

  if (!state.statusesDone) {
    const res = await get('/rest/api/2/status');
    if (res.status === 200 && Array.isArray(res.body) && res.body.length > 0) cache.put('statuses.json', res.body);
    state.statusesDone = true;
    cache.save(state);
  }

  /** Completes the changelogs a saved page holds truncated. */
  const completeChangelogs = async (page: Json) => {
    for (const issue of (page.issues as unknown[]) ?? []) {
      if (!isObject(issue) || typeof issue.key !== 'string' || state.changelogsDone[issue.key]) continue;
      const cl = isObject(issue.changelog) ? issue.changelog : null;
      const have = cl && Array.isArray(cl.histories) ? cl.histories.length : 0;
      const want = cl && typeof cl.total === 'number' ? cl.total : 0;
      if (want > have) await restOfChangelog(issue.key, have, want);
      state.changelogsDone[issue.key] = true;
      cache.save(state);
    }
  };

  const restOfChangelog = async (key: string, have: number, want: number) => {
    const enc = encodeURIComponent(key);
    let startAt = have;
    const version = state.api === 'cloud' ? 3 : 2;
    while (startAt < want) {
      const name = `changelog-${key}-${String(startAt).padStart(6, '0')}.json`;
      const res = await get(`/rest/api/${version}/issue/${enc}/changelog?startAt=${startAt}&maxResults=100`);
      if (res.status === 404) {
        // Sites without changelog pages (older Data Center): the issue alone carries its whole changelog.
        const whole = await get(`/rest/api/2/issue/${enc}?expand=changelog&fields=summary`);
        if (whole.status !== 200 || !isObject(whole.body)) {
          throw new FetchError(`${site}/rest/api/2/issue/${key}`, whole.status, `${key}: the rest of its changelog cannot be fetched (HTTP ${whole.status})`);
        }
        cache.put(`issue-${key}.json`, whole.body);
        return;
      }
      const body = res.body;
      if (!isObject(body) || !Array.isArray(body.values)) {
        throw new FetchError(`${site}/rest/api/${version}/issue/${key}/changelog`, res.status, `${key}: the changelog page is not {"values": [...]}`);
      }
      cache.put(name, { ...body, self: body.self ?? `${site}/rest/api/${version}/issue/${key}/changelog?startAt=${startAt}` });
      const got = body.values.length;
      if (got === 0 || body.isLast === true) break;
      startAt += got;
    }
  };

  // A resumed pull first completes the changelogs of the pages it already has.
  for (const name of cache.names().filter((n) => n.startsWith('search-'))) await completeChangelogs(cache.get(name) as Json);

  while (!state.searchDone) {
    const jql = encodeURIComponent(o.jql);
    const path =
      state.api === 'cloud'
        ? `/rest/api/3/search/jql?jql=${jql}&maxResults=${pageSize}&fields=*all&expand=changelog${state.nextPageToken ? `&nextPageToken=${encodeURIComponent(state.nextPageToken)}` : ''}`
        : `/rest/api/2/search?jql=${jql}&startAt=${state.startAt}&maxResults=${pageSize}&fields=*all&expand=changelog`;
    const res = await get(path);
    if (res.status !== 200 || !isObject(res.body) || !Array.isArray(res.body.issues)) {
      throw new FetchError(`${site}${path}`, res.status, `the search answered HTTP ${res.status} without {"issues": [...]}; check --site and --jql`);
    }
    const page = res.body;
    const issues = page.issues as unknown[];
    state.pages += 1;
    cache.put(`search-${String(state.pages).padStart(5, '0')}.json`, page);
    state.issues += issues.length;
    if (state.api === 'cloud') {
      const next = typeof page.nextPageToken === 'string' ? page.nextPageToken : null;
      state.nextPageToken = next;
      state.searchDone = page.isLast === true || next === null || issues.length === 0;
    } else {
      total = typeof page.total === 'number' ? page.total : null;
      state.startAt += issues.length;
      state.searchDone = issues.length === 0 || (total !== null && state.startAt >= total);
    }
    cache.save(state);
    await completeChangelogs(page);
    progress();
  }
  progress();
  return {
    responses: cache.names().map((name) => ({ name: `${cache.dir}/${name}`, body: cache.get(name) })),
    resumed,
    cacheDir: cache.dir,
    requests,
    finished: () => {
      state.finished = true;
      cache.save(state);
    },
  };
}
