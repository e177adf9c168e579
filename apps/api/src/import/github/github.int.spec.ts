import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { TEST_SECRET } from '../../../../../test/support/ledger';
import { importGithubCommand, liveOptions } from '../../cli/import-tracker.cli';
import type { CliIo } from '../../cli/import.cli';
import { startReplayServer, type ReplayServer } from '../testing/replay-server';

/* `import github --repo` against a local server replaying recorded GitHub REST responses. */
describe('import github --repo (live, against a replaying server)', () => {
  let dir: string;
  let server: ReplayServer;
  let waits: number[];
  let out: string[];
  let err: string[];
  const TOKEN = 'ghp_SECRETtokenSECRETtoken';
  const io = (): CliIo => ({
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTty: false,
    env: { LEDGER_DATA_DIR: dir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url },
  });
  const events = async (): Promise<RecordedEvent[]> => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    try {
      return await store.readAll({ limit: 100_000 });
    } finally {
      await store.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'github-live-'));
    waits = [];
    out = [];
    err = [];
    liveOptions.retry = { sleep: async (ms) => void waits.push(ms), random: () => 0.5, attempts: 4 };
  });
  afterEach(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    liveOptions.retry = undefined;
  });

  const user = (login: string, type = 'User') => ({ login, id: login.length, type });
  const gh = (number: number, title: string, created: string, by = 'rita', extra: Record<string, unknown> = {}) => ({
    number,
    title,
    state: 'open',
    created_at: created,
    user: user(by),
    labels: [],
    ...extra,
  });
  const ev = (id: number, event: string, at: string, actor: string, extra: Record<string, unknown> = {}) => ({ id, event, created_at: at, actor: user(actor, actor.endsWith('[bot]') ? 'Bot' : 'User'), ...extra });
  const issuesPath = (page: number) => `/repos/acme/shop/issues?state=all&per_page=100&sort=created&direction=asc&page=${page}`;
  const timelinePath = (n: number, page = 1) => `/repos/acme/shop/issues/${n}/timeline?per_page=100&page=${page}`;

  it('issues and their timelines become decisions; pull requests are left out; rate limits are waited out', async () => {
    server = await startReplayServer([]);
    const reset = String(Math.ceil(Date.now() / 1000) + 5);
    server.routes = [
      {
        path: issuesPath(1),
        replies: [
          { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } },
          {
            headers: { link: `<${server.url}${issuesPath(2)}>; rel="next"` },
            body: [gh(1, 'Apple Pay', '2024-01-02T09:00:00Z'), gh(2, 'Bump lodash', '2024-01-02T10:00:00Z', 'dependabot[bot]', { pull_request: { url: 'x' } })],
          },
        ],
      },
      { path: issuesPath(2), replies: [{ body: [gh(3, 'Dark mode', '2024-01-03T09:00:00Z')] }] },
      {
        path: timelinePath(1),
        replies: [
          { status: 429, headers: { 'retry-after': '2' } },
          {
            body: [
              ev(11, 'labeled', '2024-01-03T09:00:00Z', 'olga', { label: { name: 'P2' } }),
              ev(12, 'labeled', '2024-01-04T09:00:00Z', 'olga', { label: { name: 'P1' } }),
              ev(13, 'assigned', '2024-01-05T09:00:00Z', 'olga', { assignee: user('dev') }),
              ev(14, 'closed', '2024-01-06T09:00:00Z', 'dev', { state_reason: 'completed' }),
              ev(15, 'reopened', '2024-01-07T09:00:00Z', 'rita'),
              ev(16, 'commented', '2024-01-07T10:00:00Z', 'rita'),
            ],
          },
        ],
      },
      {
        path: timelinePath(3),
        replies: [
          {
            body: [
              ev(31, 'milestoned', '2024-01-04T09:00:00Z', 'olga', { milestone: { title: 'v1.0' } }),
              ev(32, 'demilestoned', '2024-01-05T09:00:00Z', 'olga', { milestone: { title: 'v1.0' } }),
              ev(33, 'closed', '2024-01-06T09:00:00Z', 'github-actions[bot]', { state_reason: 'not_planned' }),
            ],
          },
        ],
      },
    ];
    expect(await importGithubCommand(['--repo', 'acme/shop'], io())).toBe(0);
    expect(server.unmatched).toEqual([]);
    expect(server.requests.map((r) => r.url)).not.toContain(timelinePath(2)); // the pull request
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(waits[0]).toBeGreaterThanOrEqual(2000); // until x-ratelimit-reset
    expect(waits[1]).toBeGreaterThanOrEqual(2000); // Retry-After
    expect([...out, ...err].join('\n')).not.toContain(TOKEN);
    const evs = await events();
    const of = (key: string) => evs.filter((e) => String(e.data.rationale ?? e.data.reason ?? '').startsWith(`GitHub ${key}:`));
    expect(of('acme/shop#1').map((e) => e.type)).toEqual(['item.added', 'item.reprioritized', 'item.started', 'item.delivered', 'item.reopened']);
    expect(of('acme/shop#1')[1].data.move).toMatchObject({ scale: 'priority', from: 'Medium', to: 'High', direction: 'up' });
    expect(of('acme/shop#3').map((e) => e.type)).toEqual(['item.added', 'item.reprioritized', 'item.moved-to-anti-backlog']);
    expect(of('acme/shop#3')[1].data.move).toMatchObject({ scale: 'schedule', direction: 'down', from: 'v1.0' });
    expect(of('acme/shop#3')[2].metadata.actor).toEqual({ id: 'github-actions[bot]', role: 'system' });
    expect(evs.filter((e) => e.type === 'item.added')).toHaveLength(2);
  });

  it('an unknown repository is a clear error, not a crash', async () => {
    server = await startReplayServer([]);
    expect(await importGithubCommand(['--repo', 'acme/nothing'], io())).toBe(1);
    expect(err.join('\n')).toContain('acme/nothing: not found (HTTP 404); check --repo');
    expect(await importGithubCommand(['--repo', 'not a repo'], io())).toBe(2);
  });
});
