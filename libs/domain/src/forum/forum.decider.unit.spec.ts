import type { Evolvable } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import { WHY, actors } from '../testing/fixtures';
import type { ForumCommand } from './forum.commands';
import { forumDecider } from './forum.decider';
import { DEFAULT_FORUM_RULE, type ForumEvent, type ForumRule } from './forum.events';

const { given } = deciderSpec(forumDecider);
const FORUM = 'f-1';
const leader = actors['product-leader'];
const rule = (o: Partial<ForumRule> = {}): ForumRule => ({ ...DEFAULT_FORUM_RULE, ...o });

type Cmd<K extends ForumCommand['kind']> = Extract<ForumCommand, { kind: K }>;
type Over<K extends ForumCommand['kind']> = { [P in Exclude<keyof Cmd<K>, 'kind'>]?: unknown };

const cmd = {
  create: (o: Over<'CreateForum'> = {}) =>
    ({ kind: 'CreateForum', actor: leader, forumId: FORUM, name: ' Kill review ', backlogIds: ['b-1', 'b-2', 'b-1'], unknownBacklogIds: [], rationale: WHY, ...o }) as Cmd<'CreateForum'>,
  join: (memberId: unknown, o: Over<'AddForumMember'> = {}) =>
    ({ kind: 'AddForumMember', actor: leader, memberId, rationale: WHY, ...o }) as Cmd<'AddForumMember'>,
  leave: (memberId: unknown, o: Over<'RemoveForumMember'> = {}) =>
    ({ kind: 'RemoveForumMember', actor: leader, memberId, rationale: WHY, ...o }) as Cmd<'RemoveForumMember'>,
  change: (o: Over<'ChangeForumRule'> = {}) =>
    ({ kind: 'ChangeForumRule', actor: leader, unknownBacklogIds: [], rationale: WHY, ...o }) as Cmd<'ChangeForumRule'>,
};

const created = (r: ForumRule = rule()): Evolvable<ForumEvent> => ({
  id: 'fe-created',
  type: 'forum.created',
  schemaVersion: 1,
  data: { forumId: FORUM, name: 'Kill review', backlogIds: ['b-1'], rule: r, rationale: WHY },
});
const joined = (memberId: string): Evolvable<ForumEvent> => ({
  id: `fe-join-${memberId}`,
  type: 'forum.member-joined',
  schemaVersion: 1,
  data: { forumId: FORUM, memberId, rationale: WHY },
});
const left = (memberId: string): Evolvable<ForumEvent> => ({
  id: `fe-left-${memberId}`,
  type: 'forum.member-left',
  schemaVersion: 1,
  data: { forumId: FORUM, memberId, rationale: WHY },
});

describe('forum decider', () => {
  describe('CreateForum', () => {
    it('creates the forum with the default rule and a de-duplicated scope', () => {
      given([]).when(cmd.create()).then([
        {
          type: 'forum.created',
          schemaVersion: 1,
          data: { forumId: FORUM, name: 'Kill review', backlogIds: ['b-1', 'b-2'], rule: DEFAULT_FORUM_RULE, rationale: WHY },
        },
      ]);
      expect(DEFAULT_FORUM_RULE.reviewCadenceDays).toBe(14);
    });

    it('takes the given rule fields over the defaults', () => {
      const [e] = given([]).when(cmd.create({ rule: { quorum: 2, killThreshold: 0.75, onNoQuorum: 'return-to-owner' } })).events();
      expect(e.data).toMatchObject({ rule: rule({ quorum: 2, killThreshold: 0.75, onNoQuorum: 'return-to-owner' }) });
    });

    it.each<[string, Record<string, unknown>]>([
      ['quorum 0', { quorum: 0 }],
      ['fractional quorum', { quorum: 1.5 }],
      ['threshold 0', { killThreshold: 0 }],
      ['threshold above 1', { killThreshold: 1.01 }],
      ['threshold as text', { killThreshold: '0.5' }],
      ['voting period 0', { votingPeriodDays: 0 }],
      ['cadence 366', { reviewCadenceDays: 366 }],
      ['unknown follow-up', { onNoQuorum: 'kill-anyway' }],
    ])('refuses a rule with %s', (_, r) => {
      given([]).when(cmd.create({ rule: r })).then('FORUM.INVALID_RULE', 'validation');
    });

    it('accepts a threshold of exactly 1 (unanimity among kill + keep)', () => {
      expect(given([]).when(cmd.create({ rule: { killThreshold: 1 } })).events()).toHaveLength(1);
    });

    it('refuses roles other than admin and product leader', () => {
      for (const role of ['product-owner', 'stakeholder', 'forum-member', 'auditor'] as const) {
        given([]).when(cmd.create({ actor: actors[role] })).then('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
      }
      expect(given([]).when(cmd.create({ actor: actors.admin })).events()).toHaveLength(1);
    });

    it('needs a scope, existing backlogs, a name and a rationale', () => {
      given([]).when(cmd.create({ backlogIds: [] })).then('FORUM.SCOPE_REQUIRED', 'validation');
      given([]).when(cmd.create({ backlogIds: 'b-1' })).then('FORUM.SCOPE_REQUIRED', 'validation');
      given([]).when(cmd.create({ unknownBacklogIds: ['b-2'] })).then('BACKLOG.NOT_FOUND', 'not-found');
      given([]).when(cmd.create({ name: '   ' })).then('FORUM.NAME_REQUIRED', 'validation');
      given([]).when(cmd.create({ rationale: 'blah blah blah' })).then('DECISION.RATIONALE_REQUIRED', 'validation');
    });

    it('refuses to create twice', () => {
      given([created()]).when(cmd.create()).then('FORUM.ALREADY_EXISTS', 'invariant');
    });
  });

  describe('members', () => {
    it('a member joins', () => {
      given([created()]).when(cmd.join(' u-1 ')).then([
        { type: 'forum.member-joined', schemaVersion: 1, data: { forumId: FORUM, memberId: 'u-1', rationale: WHY } },
      ]);
    });

    it('refuses a second join, an empty id, and joins to an unknown forum', () => {
      given([created(), joined('u-1')]).when(cmd.join('u-1')).then('FORUM.ALREADY_MEMBER', 'invariant');
      given([created()]).when(cmd.join('')).then('FORUM.MEMBER_ID_REQUIRED', 'validation');
      given([]).when(cmd.join('u-1')).then('FORUM.NOT_FOUND', 'not-found');
    });

    it('only admins and product leaders add members', () => {
      given([created()]).when(cmd.join('u-1', { actor: actors['forum-member'] })).then('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    });

    it('a member leaves on their own; removing someone else needs a leader or admin', () => {
      const me = { id: 'u-1', role: 'forum-member' as const };
      given([created(), joined('u-1')]).when(cmd.leave('u-1', { actor: me })).then([
        { type: 'forum.member-left', schemaVersion: 1, data: { forumId: FORUM, memberId: 'u-1', rationale: WHY } },
      ]);
      given([created(), joined('u-1'), joined('u-2')])
        .when(cmd.leave('u-2', { actor: me }))
        .then('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
      expect(given([created(), joined('u-2')]).when(cmd.leave('u-2')).events()).toHaveLength(1);
    });

    it('someone who is not a member cannot leave', () => {
      given([created(), joined('u-1'), left('u-1')]).when(cmd.leave('u-1')).then('FORUM.NOT_A_MEMBER', 'invariant');
    });

    it('state follows joins and leaves, and a member may rejoin', () => {
      const s = given([created(), joined('u-1'), joined('u-2'), left('u-1'), joined('u-1')]).state;
      expect(s.members).toEqual(['u-2', 'u-1']);
    });
  });

  describe('ChangeForumRule', () => {
    it('changes part of the rule and keeps the rest and the scope', () => {
      given([created()]).when(cmd.change({ rule: { quorum: 5 } })).then([
        { type: 'forum.rule-changed', schemaVersion: 1, data: { forumId: FORUM, rule: rule({ quorum: 5 }), backlogIds: ['b-1'], rationale: WHY } },
      ]);
    });

    it('changes the scope', () => {
      const [e] = given([created()]).when(cmd.change({ backlogIds: ['b-1', 'b-3'] })).events();
      expect(e.data).toMatchObject({ backlogIds: ['b-1', 'b-3'], rule: rule() });
    });

    it('refuses no change, invalid rules, unknown backlogs and other roles', () => {
      given([created()]).when(cmd.change({ rule: { quorum: 3 } })).then('FORUM.NO_CHANGE', 'invariant');
      given([created()]).when(cmd.change({ rule: { killThreshold: -1 } })).then('FORUM.INVALID_RULE', 'validation');
      given([created()]).when(cmd.change({ backlogIds: ['b-9'], unknownBacklogIds: ['b-9'] })).then('BACKLOG.NOT_FOUND', 'not-found');
      given([created()]).when(cmd.change({ rule: { quorum: 5 }, actor: actors['product-owner'] })).then('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    });

    it('the new rule is the state', () => {
      const outcome = given([created()]).when(cmd.change({ rule: { votingPeriodDays: 3 } }));
      expect(outcome.stateAfter().rule.votingPeriodDays).toBe(3);
    });
  });
});
