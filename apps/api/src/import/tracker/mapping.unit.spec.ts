import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAPPING_FILE, loadMapping, MappingError } from './mapping';

describe('the mapping file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mapping-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (content: unknown) => {
    const path = join(dir, 'mapping.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const refused = (content: unknown): string => {
    const path = file(content);
    try {
      loadMapping(path);
    } catch (e) {
      expect(e).toBeInstanceOf(MappingError);
      expect((e as Error).message.startsWith(`${path}: `)).toBe(true);
      return (e as Error).message.slice(path.length + 2);
    }
    throw new Error('expected the mapping to be refused');
  };

  it('has good defaults: the stock Jira statuses, resolutions, priority scale and roles', () => {
    const m = loadMapping(null);
    expect(m.defaultStatuses.get('in progress')).toBe('In Progress');
    expect(m.resolutions.antiBacklog.has("won't do")).toBe(true);
    expect(m.resolutions.killed.has('cannot reproduce')).toBe(true);
    expect([m.priorities.get('highest'), m.priorities.get('blocker'), m.priorities.get('medium'), m.priorities.get('trivial')]).toEqual([1, 1, 3, 5]);
    expect(m.roles).toMatchObject({ reporter: 'stakeholder', others: 'product-owner' });
    expect(m.roles.bots.some((re) => re.test('dependabot[bot]'))).toBe(true);
  });

  it('adds the file\'s statuses, people and issue types to the defaults and replaces the parts it gives', () => {
    const m = loadMapping(
      file({
        statuses: { 'Waiting for QA': 'In Progress' },
        resolutions: { antiBacklog: ['Parked'], killed: ['Junk'] },
        priorities: [['P1', 'Blocker'], 'P2', 'P3'],
        roles: { people: { 'olga@example.com': 'product-leader' } },
        issueTypes: { Spike: 'hypothesis' },
        backlog: { per: 'one', name: 'Everything' },
      }),
    );
    expect(m.statuses.get('waiting for qa')).toBe('In Progress');
    expect(m.defaultStatuses.get('done')).toBe('Done');
    expect([...m.resolutions.antiBacklog]).toEqual(['parked']);
    expect(m.priorities.get('p3')).toBe(3);
    expect(m.priorities.has('medium')).toBe(false);
    expect(m.roles.people.get('olga@example.com')).toBe('product-leader');
    expect(m.issueTypes.get('spike')).toBe('hypothesis');
    expect(m.issueTypes.get('bug')).toBe('bug');
    expect(m.backlog).toEqual({ per: 'one', name: 'Everything' });
  });

  it.each<[string, unknown, string]>([
    ['not JSON', '{"statuses": ', 'not valid JSON'],
    ['not an object', '[1, 2]', 'the mapping is one JSON object'],
    ['an unknown part', { status: {} }, 'unknown part "status"; the parts are backlog, statuses, resolutions, priorities, fields, parents, issueTypes, roles, xes, github'],
    ['a status mapped to no category', { statuses: { 'Pull Request Sent': 'Doing' } }, 'statuses["Pull Request Sent"] is "Doing"; it must be one of "To Do", "In Progress", "Done"'],
    ['a resolution on both lists', { resolutions: { antiBacklog: ['Duplicate'], killed: ['Duplicate'] } }, 'resolution "duplicate" is listed both in resolutions.antiBacklog and resolutions.killed; keep it in one'],
    ['resolutions that are not a list of names', { resolutions: { killed: 'Duplicate' } }, 'resolutions.killed must be a list of names'],
    ['a priority on two levels', { priorities: [['High', 'Major'], 'Major', 'Low'] }, 'priority "Major" appears on two levels (1 and 2) of priorities; keep it on one'],
    ['a scale of one level', { priorities: ['Only'] }, 'priorities must list the levels of the priority scale, highest first'],
    ['an unknown item kind', { issueTypes: { Epic: 'epic' } }, 'issueTypes["Epic"] is "epic"; it must be one of "story", "bug", "tech", "initiative", "hypothesis"'],
    ['others as stakeholders', { roles: { others: 'stakeholder' } }, 'roles.others (a stakeholder may not take the decisions others take) is "stakeholder"'],
    ['a person with an unknown role', { roles: { people: { olga: 'boss' } } }, 'roles.people["olga"] is "boss"'],
    ['an unknown XES decision', { xes: { activities: { 'Change Field: Sprint': 'defer' } } }, 'xes.activities["Change Field: Sprint"] is "defer"; it must be one of "status", "deferral", "deferral-after-first", "ignore"'],
    ['a priority label off the scale', { github: { priorityLabels: { urgent: 'Urgent!' } } }, 'github.priorityLabels["urgent"] is "Urgent!", which is not on the priority scale'],
    ['one backlog without its name', { backlog: { per: 'one' } }, 'backlog.per is "one": give the backlog\'s name in backlog.name'],
    ['an unknown field role', { fields: { points: ['SP'] } }, '"fields" has an unknown entry "points"; its entries are priority, rank, storyPoints, sprint, fixVersion, parent'],
  ])('refuses %s, saying which name to map where', (_label, content, message) => {
    expect(refused(content)).toContain(message);
  });

  it('the defaults, written out as a file, load to the same mapping', () => {
    const fromFile = loadMapping(file(DEFAULT_MAPPING_FILE));
    const defaults = loadMapping(null);
    expect([...fromFile.priorities]).toEqual([...defaults.priorities]);
    expect([...fromFile.statuses]).toEqual([...defaults.defaultStatuses]);
    expect([...fromFile.xes.activities]).toEqual([...defaults.xes.activities]);
  });
});
