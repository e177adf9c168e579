import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMapping } from '../tracker/mapping';
import {
  bulkChangelogPage,
  changelogPage,
  cloudUser,
  dcUser,
  history,
  issue,
  searchPageV2,
  searchPageV3,
  statuses,
} from '../testing/jira-fixtures';
import { readJiraFiles } from './jira-files';

describe('Jira response files → issues (every shape the REST API returns)', () => {
  let dir: string;
  const mapping = loadMapping(null);
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jira-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const put = (name: string, body: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };
  const read = (...paths: string[]) => readJiraFiles(paths.length ? paths : [dir], mapping);

  it('Server/DC v2 search page: name/key authors, -0600 offsets, newest-first histories, an entry without author', () => {
    const olga = dcUser('olga.owner');
    const sam = dcUser('sam.stake');
    put(
      'search-0.json',
      searchPageV2([
        issue({
          key: 'OPS-7',
          created: '2024-01-02T09:00:00.000-0600',
          reporter: sam,
          histories: [
            history(1003, '2024-01-05T08:00:00.000-0600', null, [['status', 'In Progress', 'Done'], ['resolution', null, 'Done']]),
            history(1002, '2024-01-04T17:30:00.000-0600', olga, [['status', 'Open', 'In Progress']]),
            history(1001, '2024-01-03T10:15:00.000-0600', olga, [['priority', 'Major', 'Critical']]),
          ],
        }),
      ]),
    );
    const { issues, rejected, badFiles } = read();
    expect({ rejected, badFiles }).toEqual({ rejected: [], badFiles: [] });
    const [i] = issues;
    expect(i).toMatchObject({ system: 'Jira', site: 'jira.example.com', key: 'OPS-7', project: 'OPS', created: '2024-01-02T15:00:00.000Z' });
    expect(i.reporter).toMatchObject({ id: 'sam.stake', email: 'sam.stake@example.com', bot: false });
    expect(i.reporter!.aliases[0]).toMatch(/^JIRAUSER\d+$/);
    expect(i.changes.map((c) => [c.id, c.at, c.author?.id ?? null])).toEqual([
      ['1001', '2024-01-03T16:15:00.000Z', 'olga.owner'],
      ['1002', '2024-01-04T23:30:00.000Z', 'olga.owner'],
      ['1003', '2024-01-05T14:00:00.000Z', null],
    ]);
    expect(i.changes[2].items).toEqual([
      { field: 'status', from: 'In Progress', fromString: 'In Progress', to: 'Done', toString: 'Done' },
      { field: 'resolution', from: null, fromString: null, to: 'Done', toString: 'Done' },
    ]);
  });

  it('Cloud v3 /search/jql pages (nextPageToken, isLast), accountId authors, apps as bots, offsets like +0530', () => {
    const ann = cloudUser('5b10ac8d82e05b22cc7d4ef5', 'Ann Example');
    const bot = cloudUser('557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', 'Automation for Jira', 'app');
    put(
      'page-1.json',
      searchPageV3([issue({ key: 'CL-1', api: 3, site: 'https://acme.atlassian.net', created: '2024-03-01T10:00:00.000+0530', reporter: ann })], 'tok-2'),
    );
    put(
      'page-2.json',
      searchPageV3(
        [
          issue({
            key: 'CL-2',
            api: 3,
            site: 'https://acme.atlassian.net',
            created: '2024-03-02T10:00:00.000+0000',
            reporter: ann,
            histories: [history(11, '2024-03-02T11:00:00.000Z', bot, [['status', 'To Do', 'In Progress']])],
          }),
        ],
        null,
      ),
    );
    const { issues } = read();
    expect(issues.map((i) => [i.key, i.site, i.created])).toEqual([
      ['CL-1', 'acme.atlassian.net', '2024-03-01T04:30:00.000Z'],
      ['CL-2', 'acme.atlassian.net', '2024-03-02T10:00:00.000Z'],
    ]);
    expect(issues[0].reporter).toMatchObject({ id: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ann Example', bot: false });
    expect(issues[1].changes[0].author).toMatchObject({ id: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', bot: true });
  });

  it('a single issue (GET /issue/{key}?expand=changelog), oldest-first, and the site statuses file', () => {
    put('PAY-3.json', issue({ key: 'PAY-3', created: '2024-02-01T09:00:00.000+0100', status: 'Review', statusCategory: 'indeterminate', histories: [history(5, '2024-02-02T09:00:00.000+0100', dcUser('olga'), [['status', 'Open', 'Review']])] }));
    put('statuses.json', statuses([['Review', '10011', 'indeterminate'], ['Parked', '10020', 'new'], ['Shipped', '10030', 'done']]));
    const { issues, statuses: cats } = read();
    expect(issues.map((i) => i.key)).toEqual(['PAY-3']);
    expect(issues[0].current).toMatchObject({ status: 'Review', priority: 'Major', resolution: null });
    const site = cats.get('jira.example.com')!;
    expect([...site.byName]).toEqual(expect.arrayContaining([['review', 'In Progress'], ['parked', 'To Do'], ['shipped', 'Done']]));
    expect(site.byId.get('10030')).toBe('Done');
  });

  it('completes a truncated changelog from /issue/{key}/changelog pages (named by self or by the file name)', () => {
    const olga = dcUser('olga');
    const all = [1, 2, 3, 4, 5].map((n) => history(n, `2024-01-0${n + 1}T09:00:00.000Z`, olga, [['Story Points', null, String(n)]]));
    put('search.json', searchPageV2([issue({ key: 'BIG-1', created: '2024-01-01T09:00:00.000Z', histories: all.slice(0, 2), total: 5 })]));
    put('changelog-a.json', changelogPage('BIG-1', all.slice(2, 4), 2, 5));
    put('BIG-1.changelog.4.json', changelogPage('BIG-1', all.slice(4), 4, 5, undefined, false));
    const { issues, rejected } = read();
    expect(rejected).toEqual([]);
    expect(issues[0].changes.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(issues[0].files).toHaveLength(3);
  });

  it('completes a changelog from /changelog/bulkfetch pages (by issue id)', () => {
    const olga = dcUser('olga');
    const hs = [1, 2, 3].map((n) => history(n, `2024-01-0${n + 1}T09:00:00.000Z`, olga, [['priority', 'Major', n % 2 ? 'Critical' : 'Major']]));
    put('search.json', searchPageV3([issue({ key: 'BLK-9', id: '7777', api: 3, created: '2024-01-01T09:00:00.000Z', histories: hs.slice(0, 1), total: 3 })], null));
    put('bulk.json', bulkChangelogPage([{ issueId: '7777', histories: hs.slice(1) }]));
    const { issues, rejected } = read();
    expect(rejected).toEqual([]);
    expect(issues[0].changes).toHaveLength(3);
  });

  it('merges the same issue from several files: histories by id, fields from the latest copy', () => {
    const olga = dcUser('olga');
    const h1 = history(1, '2024-01-02T09:00:00.000Z', olga, [['status', 'Open', 'In Progress']]);
    const h2 = history(2, '2024-01-03T09:00:00.000Z', olga, [['status', 'In Progress', 'Done'], ['resolution', null, 'Done']]);
    put('old.json', issue({ key: 'DUP-1', id: '1', created: '2024-01-01T09:00:00.000Z', updated: '2024-01-02T09:00:00.000Z', summary: 'old title', histories: [h1] }));
    put('new.json', issue({ key: 'DUP-1', id: '1', created: '2024-01-01T09:00:00.000Z', updated: '2024-01-03T09:00:00.000Z', summary: 'new title', histories: [h2, h1] }));
    const { issues } = read();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ title: 'new title' });
    expect(issues[0].changes.map((c) => c.id)).toEqual(['1', '2']);
  });

  it('refuses an issue whose changelog is truncated and not completed, naming the file, the issue and what to fetch', () => {
    const file = put('search.json', searchPageV2([issue({ key: 'CUT-2', created: '2024-01-01T09:00:00.000Z', histories: [history(1, '2024-01-02T09:00:00.000Z', null, [])], total: 120 })]));
    const { issues, rejected } = read();
    expect(issues).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].message).toContain(file);
    expect(rejected[0].message).toContain('CUT-2');
    expect(rejected[0].message).toContain('truncated: 1 of 120');
    expect(rejected[0].message).toContain('/issue/CUT-2/changelog?startAt=1');
  });

  it('refuses a truncated JSON page and a file that is not Jira at all, naming the file; the other files still count', () => {
    const good = searchPageV2([issue({ key: 'OK-1', created: '2024-01-01T09:00:00.000Z' })]);
    put('good.json', good);
    const cut = put('cut.json', JSON.stringify(searchPageV2([issue({ key: 'CUT-1', created: '2024-01-01T09:00:00.000Z' })])).slice(0, 150));
    const other = put('package.json', { name: 'left-pad', version: '1.3.0' });
    const list = put('list.json', [1, 2, 3]);
    mkdirSync(join(dir, 'notes'));
    put('notes/readme.md', '# not json');
    const { issues, badFiles, skipped } = read();
    expect(issues.map((i) => i.key)).toEqual(['OK-1']);
    const byFile = new Map(badFiles.map((b) => [b.file, b.message]));
    expect(byFile.get(cut)).toMatch(/not valid JSON .*cut off.*Nothing in it was imported/);
    expect(byFile.get(other)).toMatch(/is not a Jira response \(an object with name, version\)/);
    expect(byFile.get(list)).toMatch(/is not a Jira response/);
    expect(skipped).toEqual([join(dir, 'notes', 'readme.md')]);
  });

  it('refuses a changelog page for an issue none of the files holds', () => {
    put('orphan.json', changelogPage('GONE-4', [history(1, '2024-01-02T09:00:00.000Z', null, [])], 0, 1));
    const { rejected } = read();
    expect(rejected.map((r) => r.issue)).toEqual(['GONE-4']);
  });
});
