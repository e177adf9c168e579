import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { TEST_SECRET } from '../../../../../test/support/ledger';
import { importJiraCommand, liveOptions } from '../../cli/import-tracker.cli';
import type { CliIo } from '../../cli/import.cli';
import { changelogPage, cloudUser, dcUser, history, issue, searchPageV2, searchPageV3, statuses } from '../testing/jira-fixtures';
import { startReplayServer, type ReplayServer, type Route } from '../testing/replay-server';

/*
 * `import jira --site --jql` against a local server replaying recorded responses, with the failures a real site
 * produces: 429 with Retry-After, a 5xx, a dropped connection, a body cut off mid-way, a truncated changelog; and
 * a pull interrupted for good, resumed by the next run.
 */
describe('import jira --site --jql (live, against a replaying server)', () => {
  let dir: string;
  let server: ReplayServer;
  let waits: number[];
  let out: string[];
  let err: string[];
  const EMAIL = 'importer@example.com';
  const TOKEN = 'cloud-api-token-SECRET-42';
  const PAT = 'dc-personal-access-token-SECRET-7';

  const io = (env: Record<string, string>): CliIo => ({
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTty: false,
    env: { LEDGER_DATA_DIR: dir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', ...env },
  });
  const cloud = () => io({ JIRA_EMAIL: EMAIL, JIRA_API_TOKEN: TOKEN });
  const dc = () => io({ JIRA_PAT: PAT });
  const events = async (): Promise<RecordedEvent[]> => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    try {
      return await store.readAll({ limit: 100_000 });
    } finally {
      await store.close();
    }
  };
  const jql = 'project = CL ORDER BY created';
  const q = encodeURIComponent(jql);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jira-live-'));
    waits = [];
    out = [];
    err = [];
    liveOptions.retry = { sleep: async (ms) => void waits.push(ms), random: () => 0.5, attempts: 4 };
    liveOptions.pageSize = 2;
  });
  afterEach(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    liveOptions.retry = undefined;
    liveOptions.pageSize = undefined;
  });

  const ann = cloudUser('5b10ac8d82e05b22cc7d4ef5', 'Ann Example');
  const site = () => server.url;
  const cloudIssues = () => {
    const h = [
      history(11, '2024-03-02T10:00:00.000+0000', ann, [['status', 'To Do', 'In Progress']]),
      history(12, '2024-03-03T10:00:00.000+0000', ann, [['priority', 'Medium', 'High']]),
      history(13, '2024-03-04T10:00:00.000+0000', ann, [['status', 'In Progress', 'Done'], ['resolution', null, 'Done']]),
    ];
    return {
      // CL-1's changelog came truncated: 1 of 3 histories embedded.
      page1: searchPageV3(
        [
          issue({ key: 'CL-1', api: 3, site: site(), created: '2024-03-01T09:00:00.000+0000', reporter: ann, priority: 'High', status: 'Done', statusCategory: 'done', resolution: 'Done', histories: h.slice(0, 1), total: 3 }),
          issue({ key: 'CL-2', api: 3, site: site(), created: '2024-03-01T10:00:00.000+0000', reporter: ann }),
        ],
        'page-2-token',
      ),
      rest: changelogPage('CL-1', h.slice(1), 1, 3, site()),
      page2: searchPageV3([issue({ key: 'CL-3', api: 3, site: site(), created: '2024-03-05T09:00:00.000-0600', reporter: ann })], null),
    };
  };
  const searchPath = (token?: string) => `/rest/api/3/search/jql?jql=${q}&maxResults=2&fields=*all&expand=changelog${token ? `&nextPageToken=${token}` : ''}`;

  it('Cloud: basic auth from the environment; 429 + Retry-After, 5xx, a dropped connection and a cut-off body are retried; the truncated changelog is completed', async () => {
    server = await startReplayServer([]);
    const r = cloudIssues();
    server.routes = [
      { path: '/rest/api/2/status', replies: [{ body: statuses([['To Do', '1', 'new'], ['In Progress', '3', 'indeterminate'], ['Done', '10002', 'done']], site()) }] },
      { path: searchPath(), replies: [{ status: 429, headers: { 'retry-after': '7' } }, { body: r.page1 }] },
      { path: '/rest/api/3/issue/CL-1/changelog?startAt=1&maxResults=100', replies: [{ drop: true }, { body: r.rest }] },
      { path: searchPath('page-2-token'), replies: [{ status: 503 }, { cut: r.page2 }, { body: r.page2 }] },
    ];
    expect(await importJiraCommand(['--site', site(), '--jql', jql], cloud())).toBe(0);
    expect(server.unmatched).toEqual([]);
    // Waited as long as Retry-After said (plus jitter), backed off for the others.
    expect(waits[0]).toBeGreaterThanOrEqual(7000);
    expect(waits).toHaveLength(4);
    const auth = `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}`;
    expect(server.requests.every((x) => x.headers.authorization === auth)).toBe(true);
    expect([...out, ...err].join('\n')).not.toContain(TOKEN);
    const evs = await events();
    expect(evs.filter((e) => e.type === 'item.added')).toHaveLength(3);
    // CL-1's whole history: started, reprioritized (Medium → High), delivered.
    const cl1 = evs.filter((e) => String(e.data.rationale ?? '').startsWith('Jira CL-1:')).map((e) => e.type);
    expect(cl1).toEqual(['item.added', 'item.started', 'item.reprioritized', 'item.delivered']);
    expect(err.join('\n')).toMatch(/HTTP 429 \(rate limited\) from .*: retry 1 in 7\.\d s/);
  });

  it('Data Center: bearer personal access token, startAt/total pages; a site without changelog pages gives the whole issue', async () => {
    server = await startReplayServer([]);
    const olga = dcUser('olga');
    const hs = [1, 2, 3].map((n) => history(900 + n, `2024-05-0${n + 1}T09:00:00.000-0600`, olga, [['priority', n % 2 ? 'Major' : 'Critical', n % 2 ? 'Critical' : 'Major']]));
    const dcPath = (startAt: number) => `/rest/api/2/search?jql=${q}&startAt=${startAt}&maxResults=2&fields=*all&expand=changelog`;
    const dc1 = issue({ key: 'DC-1', site: site(), created: '2024-05-01T09:00:00.000-0600', reporter: olga });
    const dc2 = issue({ key: 'DC-2', site: site(), created: '2024-05-01T10:00:00.000-0600', reporter: olga, histories: hs.slice(2), total: 3 });
    const dc3 = issue({ key: 'DC-3', site: site(), created: '2024-05-02T10:00:00.000-0600', reporter: olga });
    server.routes = [
      { path: '/rest/api/2/status', replies: [{ status: 404, body: { errorMessages: ['no'] } }] },
      { path: dcPath(0), replies: [{ body: searchPageV2([dc1, dc2], 0, 3) }] },
      { path: dcPath(2), replies: [{ body: searchPageV2([dc3], 2, 3) }] },
      { path: /^\/rest\/api\/2\/issue\/DC-2\/changelog/, replies: [{ status: 404, body: { errorMessages: ['not here'] } }] },
      { path: '/rest/api/2/issue/DC-2?expand=changelog&fields=summary', replies: [{ body: { ...dc2, fields: { summary: dc2.fields.summary }, changelog: { startAt: 0, maxResults: 3, total: 3, histories: hs } } }] },
    ];
    expect(await importJiraCommand(['--site', site(), '--jql', jql], dc())).toBe(0);
    expect(server.unmatched).toEqual([]);
    expect(server.requests.every((x) => x.headers.authorization === `Bearer ${PAT}`)).toBe(true);
    const evs = await events();
    expect(evs.filter((e) => e.type === 'item.added')).toHaveLength(3);
    expect(evs.filter((e) => e.type === 'item.reprioritized' && String(e.data.rationale).startsWith('Jira DC-2:'))).toHaveLength(3);
    expect([...out, ...err].join('\n')).not.toContain(PAT);
  });

  it('a pull that gives up resumes where it stopped on the next run; a finished pull is pulled afresh and writes nothing new', async () => {
    server = await startReplayServer([]);
    const r = cloudIssues();
    const base: Route[] = [
      { path: '/rest/api/2/status', replies: [{ body: [] }] },
      { path: searchPath(), replies: [{ body: r.page1 }] },
      { path: '/rest/api/3/issue/CL-1/changelog?startAt=1&maxResults=100', replies: [{ body: r.rest }] },
    ];
    server.routes = [...base, { path: searchPath('page-2-token'), replies: [{ status: 500 }] }];
    expect(await importJiraCommand(['--site', site(), '--jql', jql], cloud())).toBe(1);
    expect(err.join('\n')).toMatch(/gave up after 4 tries \(last: HTTP 500\); run the same command again to resume where it stopped/);
    expect(await events()).toEqual([]); // nothing imported from a pull that did not finish

    const before = server.requests.length;
    server.routes = [...base, { path: searchPath('page-2-token'), replies: [{ body: r.page2 }] }];
    expect(await importJiraCommand(['--site', site(), '--jql', jql], cloud())).toBe(0);
    expect(server.requests.slice(before).map((x) => x.url)).toEqual([searchPath('page-2-token')]);
    expect((await events()).filter((e) => e.type === 'item.added')).toHaveLength(3);
    expect(err.join('\n')).toContain('(resumed)');

    out = [];
    const third = server.requests.length;
    expect(await importJiraCommand(['--site', site(), '--jql', jql], cloud())).toBe(0);
    expect(server.requests.slice(third).map((x) => x.url)).toContain(searchPath());
    expect(out.join('\n')).toMatch(/written\s+0 decisions/);
  });

  it('refuses to start without credentials, or with half of them, saying which variables to set', async () => {
    expect(await importJiraCommand(['--site', 'https://acme.atlassian.net', '--jql', jql], io({}))).toBe(2);
    expect(err.join('\n')).toContain('set JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT');
    expect(await importJiraCommand(['--site', 'https://acme.atlassian.net', '--jql', jql], io({ JIRA_API_TOKEN: TOKEN }))).toBe(2);
    expect(err.join('\n')).toContain('JIRA_API_TOKEN is set but JIRA_EMAIL is not');
    expect(await importJiraCommand(['--site', 'https://acme.atlassian.net'], cloud())).toBe(2);
    expect(err.join('\n')).toContain('needs both --site <url> and --jql');
    expect(err.join('\n')).not.toContain(TOKEN);
  });

  it('a 401 stops at once, naming the variables to check (and not their values)', async () => {
    server = await startReplayServer([{ path: /.*/, replies: [{ status: 401, body: { errorMessages: ['nope'] } }] }]);
    expect(await importJiraCommand(['--site', site(), '--jql', jql], cloud())).toBe(1);
    expect(err.join('\n')).toMatch(/HTTP 401: the server refused JIRA_EMAIL \/ JIRA_API_TOKEN; check them/);
    expect(server.requests).toHaveLength(1);
    expect(err.join('\n')).not.toContain(TOKEN);
  });
});
