import { buildMapping, loadMapping, type Mapping } from './mapping';
import { convertIssue, emptySiteStatuses, type DraftLine } from './to-decisions';
import { IssueError, type FieldChange, type Person, type TrackerIssue } from './tracker-issue';

const person = (id: string, extra: Partial<Person> = {}): Person => ({ id, displayName: id.toUpperCase(), email: null, aliases: [], bot: false, ...extra });
const rita = person('rita'); // the reporter
const olga = person('olga');

type Ch = [at: string, author: Person | null, items: Array<[field: string, from: string | null, to: string | null] | FieldChange>];

function jiraIssue(changes: Ch[], over: Partial<TrackerIssue> = {}): TrackerIssue {
  return {
    system: 'Jira',
    site: 'jira.example.com',
    key: 'PROJ-12',
    project: 'PROJ',
    projectName: 'Project',
    title: 'Invoice payment',
    issueType: 'Story',
    created: '2024-01-01T09:00:00.000Z',
    reporter: rita,
    initial: {},
    current: { status: 'Open', resolution: null, priority: 'Medium', storyPoints: null, parent: null },
    changes: changes.map(([at, author, items], i) => ({
      id: String(100 + i),
      at,
      author,
      items: items.map((it) => (Array.isArray(it) ? { field: it[0], from: it[1], fromString: it[1], to: it[2], toString: it[2] } : it)),
    })),
    files: ['export/search-1.json'],
    ...over,
  };
}

const convert = (issue: TrackerIssue, mapping: Mapping = loadMapping(null)) => convertIssue(issue, mapping, emptySiteStatuses());
const decisions = (lines: DraftLine[]) => lines.map((l) => l.line.decision);
const day = (n: number) => `2024-01-${String(n).padStart(2, '0')}T10:00:00.000Z`;

describe('tracker issue → decisions (the mapping, docs/import-trackers.md)', () => {
  it('created → item added by the reporter as a stakeholder request; rationale says where it came from; no stated why', () => {
    const { lines, backlog } = convert(jiraIssue([]));
    expect(backlog).toMatchObject({ key: 'jira:jira.example.com:project:PROJ', name: 'Project' });
    expect(lines).toHaveLength(1);
    expect(lines[0].line).toEqual({
      id: 'jira:jira.example.com:PROJ-12:created:0',
      at: '2024-01-01T09:00:00.000Z',
      actor: { id: 'rita', role: 'stakeholder' },
      decision: 'item.add',
      statedWhy: false,
      backlog: 'jira:jira.example.com:project:PROJ',
      item: 'jira:jira.example.com:PROJ-12',
      title: 'Invoice payment',
      kind: 'story',
      rationale: 'Jira PROJ-12: issue created (Story)',
    });
  });

  it('status categories: In Progress → started, Done → delivered; moves inside a category are nothing', () => {
    const { lines } = convert(
      jiraIssue([
        [day(2), olga, [['status', 'Open', 'In Progress']]],
        [day(3), olga, [['status', 'In Progress', 'In Review']]],
        [day(4), olga, [['status', 'In Review', 'Done'], ['resolution', null, 'Done']]],
      ]),
    );
    expect(decisions(lines)).toEqual(['item.add', 'item.start', 'item.deliver']);
    expect(lines[2].line).toMatchObject({ actor: { id: 'olga', role: 'product-owner' }, rationale: 'Jira PROJ-12: resolution Done, status In Review → Done' });
  });

  it.each([
    ["Won't Do", 'item.move-to-anti-backlog'],
    ["won’t fix", 'item.move-to-anti-backlog'],
    ['Declined', 'item.move-to-anti-backlog'],
    ['Duplicate', 'item.kill'],
    ['Obsolete', 'item.kill'],
    ['Cannot Reproduce', 'item.kill'],
    ['Incomplete', 'item.kill'],
    ['Fixed', 'item.deliver'],
  ])('resolution %s → %s', (resolution, decision) => {
    const { lines } = convert(jiraIssue([[day(2), olga, [['status', 'Open', 'Closed'], ['resolution', null, resolution]]]]));
    expect(lines[1].line.decision).toBe(decision);
  });

  it('a resolution cleared after a kill → revived; after a delivery → reopened, not revived', () => {
    const killed = convert(
      jiraIssue([
        [day(2), olga, [['resolution', null, 'Duplicate'], ['status', 'Open', 'Closed']]],
        [day(3), olga, [['resolution', 'Duplicate', null], ['status', 'Closed', 'Reopened']]],
      ]),
    );
    expect(decisions(killed.lines)).toEqual(['item.add', 'item.kill', 'item.revive']);
    const delivered = convert(
      jiraIssue([
        [day(2), olga, [['resolution', null, 'Done'], ['status', 'Open', 'Done']]],
        [day(3), olga, [['resolution', 'Done', null], ['status', 'Done', 'In Progress']]],
        [day(4), olga, [['resolution', null, 'Done'], ['status', 'In Progress', 'Done']]],
      ]),
    );
    expect(decisions(delivered.lines)).toEqual(['item.add', 'item.deliver', 'item.reopen', 'item.start', 'item.deliver']);
    expect(delivered.lines[2].line.rationale).toBe('Jira PROJ-12: resolution Done cleared, status Done → In Progress');
  });

  it("a Won't Do that is reopened later, or that comes after work started, is recorded as a kill (the anti-backlog is left only by an escalation)", () => {
    const reopened = convert(
      jiraIssue([
        [day(2), olga, [['resolution', null, "Won't Do"], ['status', 'Open', 'Closed']]],
        [day(3), olga, [['resolution', "Won't Do", null], ['status', 'Closed', 'Open']]],
      ]),
    );
    expect(decisions(reopened.lines)).toEqual(['item.add', 'item.kill', 'item.revive']);
    expect(reopened.lines[1].line.reason).toContain('reopened later: recorded as a kill');
    const started = convert(
      jiraIssue([
        [day(2), olga, [['status', 'Open', 'In Progress']]],
        [day(3), olga, [['resolution', null, "Won't Do"], ['status', 'In Progress', 'Closed']]],
      ]),
    );
    expect(decisions(started.lines)).toEqual(['item.add', 'item.start', 'item.kill']);
  });

  it('priority changes → reprioritizations on the ordinal scale with from and to; the reporter\'s own is a stakeholder request', () => {
    const { lines } = convert(
      jiraIssue([
        [day(2), olga, [['priority', 'Medium', 'Highest']]],
        [day(3), rita, [['priority', 'Highest', 'Minor']]],
        [day(4), olga, [['priority', 'Minor', 'Low']]], // same level: no move
      ]),
    );
    expect(lines.slice(1).map((l) => [l.line.move, l.line.trigger, l.line.actor])).toEqual([
      [{ scale: 'priority', direction: 'up', approximate: false, fromLevel: 3, toLevel: 1, from: 'Medium', to: 'Highest' }, 'routine', { id: 'olga', role: 'product-owner' }],
      [{ scale: 'priority', direction: 'down', approximate: false, fromLevel: 1, toLevel: 4, from: 'Highest', to: 'Minor' }, 'stakeholder-request', { id: 'rita', role: 'product-owner' }],
    ]);
    expect(lines[1].line.rationale).toBe('Jira PROJ-12: priority Medium → Highest');
  });

  it('Rank "Ranked higher / lower" → a direction-only reprioritization marked approximate', () => {
    const { lines } = convert(jiraIssue([[day(2), olga, [['Rank', '', 'Ranked higher']]], [day(3), olga, [['Rank', '', 'Ranked lower']]]]));
    expect(lines.slice(1).map((l) => l.line.move)).toEqual([
      { scale: 'rank', direction: 'up', approximate: true, to: 'Ranked higher' },
      { scale: 'rank', direction: 'down', approximate: true, to: 'Ranked lower' },
    ]);
  });

  it('story points → estimated; a sprint or fix version removed or pushed later → a deferral; the first one set is not', () => {
    const { lines } = convert(
      jiraIssue([
        [day(2), olga, [['Story Points', null, '5']]],
        [day(3), olga, [{ field: 'Sprint', from: '', fromString: '', to: '3', toString: 'Sprint 3' }]],
        [day(4), olga, [{ field: 'Sprint', from: '3', fromString: 'Sprint 3', to: '3, 4', toString: 'Sprint 3, Sprint 4' }]],
        [day(5), olga, [['Fix Version', null, '1.0']]],
        [day(6), olga, [['Fix Version', '1.0', null], ['Fix Version', null, '2.0']]],
        [day(7), olga, [['Story Points', '5', '8']]],
      ]),
    );
    expect(lines.slice(1).map((l) => [l.line.decision, l.line.estimate ?? l.line.move])).toEqual([
      ['item.estimate', 5],
      ['item.reprioritize', { scale: 'schedule', direction: 'down', approximate: true, from: 'Sprint 3', to: 'Sprint 3, Sprint 4' }],
      ['item.reprioritize', { scale: 'schedule', direction: 'down', approximate: true, from: '1.0', to: null }],
      ['item.estimate', 8],
    ]);
  });

  it('epic / parent links → an objective of the backlog, linked; everything else is neither decision nor progress', () => {
    const c = convert(jiraIssue([[day(2), olga, [['Epic Link', null, 'PROJ-1'], ['assignee', null, 'olga'], ['Component', null, 'core']]]]));
    expect(c.lines[1].line).toMatchObject({ decision: 'item.link-objective', objective: 'jira:jira.example.com:project:PROJ:parent:PROJ-1' });
    expect(c.objectives).toEqual([expect.objectContaining({ key: 'jira:jira.example.com:project:PROJ:parent:PROJ-1', title: 'PROJ-1', at: day(2) })]);
    expect([...c.ignored]).toEqual([['assignee', 1], ['Component', 1]]);
  });

  it('decisions on an item that left the ranking are not taken (a priority change on a delivered issue is nothing)', () => {
    const { lines } = convert(jiraIssue([[day(2), olga, [['status', 'Open', 'Done']]], [day(3), olga, [['priority', 'Medium', 'High']]], [day(4), olga, [['Story Points', null, '3']]]]));
    expect(decisions(lines)).toEqual(['item.add', 'item.deliver']);
  });

  it('actors: bots and apps decide as system; people named in the map get their role; no author → unknown, system', () => {
    const mapping = buildMapping({ roles: { people: { OLGA: 'product-leader' } } }, 'mapping.json');
    const bot = person('automation-for-jira');
    const app = person('557058:abc', { bot: true });
    const { lines } = convert(
      jiraIssue([
        [day(2), olga, [['status', 'Open', 'In Progress']]],
        [day(3), bot, [['priority', 'Medium', 'High']]],
        [day(4), app, [['priority', 'High', 'Medium']]],
        [day(5), null, [['status', 'In Progress', 'Done']]],
      ]),
      mapping,
    );
    expect(lines.map((l) => l.line.actor)).toEqual([
      { id: 'rita', role: 'stakeholder' },
      { id: 'olga', role: 'product-leader' }, // matched by display name, case-insensitively
      { id: 'automation-for-jira', role: 'system' },
      { id: '557058:abc', role: 'system' },
      { id: 'unknown-author', role: 'system' },
    ]);
  });

  it('an issue created already in progress or already closed starts or closes at its creation', () => {
    expect(decisions(convert(jiraIssue([], { current: { status: 'In Progress' } })).lines)).toEqual(['item.add', 'item.start']);
    expect(decisions(convert(jiraIssue([], { current: { status: 'Closed', resolution: 'Duplicate' } })).lines)).toEqual(['item.add', 'item.kill']);
  });

  it('XES: value-less changes by the mapping: a Fix Version changed again is a deferral, the first time not', () => {
    const valueless = (field: string): FieldChange => ({ field, from: null, fromString: null, to: null, toString: null, valueless: true });
    const xes = jiraIssue(
      [
        [day(2), olga, [valueless('Fix Version')]],
        [day(3), olga, [valueless('Fix Version')]],
        [day(4), olga, [valueless('priority')]],
        [day(5), olga, [['status', null, 'Resolved']]],
        [day(6), olga, [valueless('Fix Version')]],
      ],
      { system: 'XES', initial: { status: 'Open' }, current: {} },
    );
    const { lines, ignored } = convert(xes);
    expect(decisions(lines)).toEqual(['item.add', 'item.reprioritize', 'item.deliver']);
    expect(lines[1].line.move).toMatchObject({ scale: 'schedule', direction: 'down', approximate: true });
    expect(ignored.get('priority')).toBe(1);
  });

  describe('issues that cannot be imported: a clear message naming the file and the issue, and no line at all', () => {
    const refusal = (issue: TrackerIssue, mapping?: Mapping): IssueError => {
      try {
        convert(issue, mapping);
      } catch (e) {
        expect(e).toBeInstanceOf(IssueError);
        return e as IssueError;
      }
      throw new Error('expected the issue to be refused');
    };

    it('an unknown status, saying where to map it', () => {
      const e = refusal(jiraIssue([[day(2), olga, [['status', 'Open', 'Waiting for QA']]]]));
      expect(e.message).toBe(
        'export/search-1.json: PROJ-12: unknown status "Waiting for QA": say which category it belongs to in the mapping file, e.g. {"statuses": {"Waiting for QA": "In Progress"}} (To Do, In Progress or Done), or import the site\'s statuses with the issues (GET /rest/api/2/status saved as a .json file)',
      );
      // Mapped, it converts.
      const mapping = buildMapping({ statuses: { 'Waiting for QA': 'In Progress' } }, 'm.json');
      expect(decisions(convert(jiraIssue([[day(2), olga, [['status', 'Open', 'Waiting for QA']]]]), mapping).lines)).toEqual(['item.add', 'item.start']);
    });

    it('an unknown priority, saying where to add it', () => {
      const e = refusal(jiraIssue([[day(2), olga, [['priority', 'Medium', 'Showstopper']]]]));
      expect(e.message).toContain('PROJ-12: unknown priority "Showstopper": add it to the priority scale in the mapping file ("priorities", highest first;');
    });

    it('a history that goes back in time', () => {
      const e = refusal(jiraIssue([[day(5), olga, [['status', 'Open', 'In Progress']]], [day(3), olga, [['status', 'In Progress', 'Done']]]]));
      expect(e.message).toBe(
        'export/search-1.json: PROJ-12: its history goes back in time: change 101 at 2024-01-03T10:00:00.000Z is earlier than change 100 at 2024-01-05T10:00:00.000Z',
      );
      const beforeCreation = refusal(jiraIssue([['2023-12-30T09:00:00.000Z', olga, [['status', 'Open', 'In Progress']]]]));
      expect(beforeCreation.message).toContain('is earlier than its creation at 2024-01-01T09:00:00.000Z');
    });

    it('story points that are not a number', () => {
      expect(refusal(jiraIssue([[day(2), olga, [['Story Points', null, 'XL']]]])).message).toContain('story points "XL" in change 100 are not a number');
    });
  });
});
