/**
 * Jira REST responses for tests, shaped exactly as Jira returns them (Server/DC v2 and Cloud v3), with made-up
 * people and issues.
 */

export type Author = Record<string, unknown> | null;

let userNo = 10_000;
/** A Server/DC author: name (login), key, e-mail, display name; no accountId. */
export function dcUser(name: string, displayName = name.replace(/(^|\.)(\w)/g, (_, d: string, c: string) => (d ? ' ' : '') + c.toUpperCase())): Author {
  userNo += 1;
  return {
    self: `https://jira.example.com/rest/api/2/user?username=${name}`,
    name,
    key: `JIRAUSER${userNo}`,
    emailAddress: `${name}@example.com`,
    displayName,
    active: true,
    timeZone: 'America/Chicago',
  };
}

/** A Cloud author: accountId (no name/key); accountType 'app' for apps and automation. */
export function cloudUser(accountId: string, displayName: string, accountType: 'atlassian' | 'app' = 'atlassian'): Author {
  return {
    self: `https://acme.atlassian.net/rest/api/3/user?accountId=${accountId}`,
    accountId,
    displayName,
    active: true,
    timeZone: 'Europe/Berlin',
    accountType,
  };
}

/** One changelog item: [field, fromString, toString] (ids default to the strings). */
export type Item = [field: string, fromString: string | null, toString: string | null, from?: string | null, to?: string | null];

export function history(id: number | string, created: string, author: Author, items: Item[], fieldIds: Record<string, string> = {}) {
  return {
    id: String(id),
    ...(author ? { author } : {}),
    created,
    items: items.map(([field, fromString, toString, from, to]) => ({
      field,
      fieldtype: fieldIds[field] ? 'custom' : 'jira',
      ...(fieldIds[field] ? { fieldId: fieldIds[field] } : {}),
      from: from === undefined ? fromString : from,
      fromString,
      to: to === undefined ? toString : to,
      toString,
    })),
  };
}

export interface IssueSpec {
  key: string;
  id?: string;
  site?: string;
  api?: 2 | 3;
  created: string;
  updated?: string;
  summary?: string;
  type?: string;
  reporter?: Author;
  status?: string;
  statusCategory?: 'new' | 'indeterminate' | 'done';
  resolution?: string | null;
  priority?: string;
  histories?: ReturnType<typeof history>[];
  /** changelog.total when more histories exist than are embedded. */
  total?: number;
  /** No changelog at all (a search without expand=changelog). */
  noChangelog?: boolean;
  extraFields?: Record<string, unknown>;
}

let issueNo = 20_000;
export function issue(s: IssueSpec) {
  const id = s.id ?? String((issueNo += 1));
  const site = s.site ?? 'https://jira.example.com';
  const histories = s.histories ?? [];
  return {
    expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
    id,
    self: `${site}/rest/api/${s.api ?? 2}/issue/${id}`,
    key: s.key,
    fields: {
      summary: s.summary ?? `Summary of ${s.key}`,
      issuetype: { name: s.type ?? 'Story' },
      project: { key: s.key.replace(/-\d+$/, ''), name: `Project ${s.key.replace(/-\d+$/, '')}` },
      created: s.created,
      updated: s.updated ?? s.created,
      reporter: s.reporter ?? null,
      status: { name: s.status ?? 'Open', statusCategory: { key: s.statusCategory ?? 'new' } },
      resolution: s.resolution ? { name: s.resolution } : null,
      priority: { name: s.priority ?? 'Major' },
      ...(s.extraFields ?? {}),
    },
    ...(s.noChangelog ? {} : { changelog: { startAt: 0, maxResults: Math.max(histories.length, 1), total: s.total ?? histories.length, histories } }),
  };
}

/** Server/DC v2 `/search`: startAt, maxResults, total. */
export function searchPageV2(issues: unknown[], startAt = 0, total = issues.length) {
  return { expand: 'names,schema', startAt, maxResults: 50, total, issues };
}

/** Cloud v3 `/search/jql`: nextPageToken while there is more, isLast. */
export function searchPageV3(issues: unknown[], nextPageToken: string | null) {
  return { issues, ...(nextPageToken ? { nextPageToken } : {}), isLast: nextPageToken === null };
}

/** `/issue/{key}/changelog` page. */
export function changelogPage(key: string, histories: unknown[], startAt: number, total: number, site = 'https://jira.example.com', withSelf = true) {
  return {
    ...(withSelf ? { self: `${site}/rest/api/3/issue/${key}/changelog?maxResults=100&startAt=${startAt}` } : {}),
    maxResults: 100,
    startAt,
    total,
    isLast: startAt + histories.length >= total,
    values: histories,
  };
}

/** `POST /changelog/bulkfetch` page. */
export function bulkChangelogPage(entries: Array<{ issueId: string; histories: unknown[] }>, nextPageToken: string | null = null) {
  return { issueChangeLogs: entries.map((e) => ({ issueId: e.issueId, changeHistories: e.histories })), ...(nextPageToken ? { nextPageToken } : {}) };
}

/** `GET /status` */
export function statuses(list: Array<[name: string, id: string, category: 'new' | 'indeterminate' | 'done']>, site = 'https://jira.example.com') {
  return list.map(([name, id, key]) => ({
    self: `${site}/rest/api/2/status/${id}`,
    name,
    untranslatedName: name,
    id,
    statusCategory: { key, name: key === 'new' ? 'To Do' : key === 'done' ? 'Done' : 'In Progress' },
  }));
}
