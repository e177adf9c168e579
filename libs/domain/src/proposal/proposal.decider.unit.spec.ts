import type { Actor } from '@ledger/kernel';
import type { Evolvable } from '../decider';
import { DEFAULT_FORUM_RULE, type ForumRule } from '../forum/forum.events';
import type { ForumState } from '../forum/forum.state';
import { deciderSpec } from '../testing/decider-spec';
import { WHY, actors } from '../testing/fixtures';
import type { ClaimProposalSlot, ProposalCommand } from './proposal.commands';
import { proposalDecider } from './proposal.decider';
import { proposalSlotDecider } from './proposal-slot.decider';
import type { ProposalEvent, ProposalOpened, VoteChoice } from './proposal.events';
import { tallyVotes } from './tally';

const { given } = deciderSpec(proposalDecider);
const P = 'p-1';
const FORUM = 'f-1';
const OPENED_AT = '2026-01-05T09:00:00.000Z';
const CLOSES_AT = '2026-01-12T09:00:00.000Z';
const BEFORE = '2026-01-10T09:00:00.000Z';
const AFTER = '2026-01-12T09:00:00.000Z';
const REASON = 'No customer asked for it in a year';
const leader = actors['product-leader'];
const member = (id: string): Actor => ({ id, role: 'forum-member' });

const rule = (o: Partial<ForumRule> = {}): ForumRule => ({ ...DEFAULT_FORUM_RULE, quorum: 2, ...o });
const forum = (members: string[] = ['m-1', 'm-2', 'm-3'], r: ForumRule = rule()): ForumState => ({
  exists: true,
  forumId: FORUM,
  name: 'Kill review',
  backlogIds: ['b-1'],
  rule: r,
  members,
  delegations: [],
});

type Cmd<K extends ProposalCommand['kind']> = Extract<ProposalCommand, { kind: K }>;
type Over<K extends ProposalCommand['kind']> = { [P in Exclude<keyof Cmd<K>, 'kind'>]?: unknown };

const cmd = {
  open: (o: Over<'OpenProposal'> = {}) =>
    ({
      kind: 'OpenProposal',
      actor: member('m-1'),
      now: OPENED_AT,
      proposalId: P,
      forum: forum(),
      item: { itemId: 'i-1', backlogId: 'b-1', status: 'open' },
      reason: REASON,
      actorOwnsBacklog: false,
      ...o,
    }) as Cmd<'OpenProposal'>,
  vote: (memberId: string, choice: unknown = 'kill', o: Over<'CastVote'> = {}) =>
    ({ kind: 'CastVote', actor: member(memberId), now: BEFORE, forum: forum(), choice, reason: `${memberId} thinks so: ${WHY}`, ...o }) as Cmd<'CastVote'>,
  amend: (o: Over<'AmendProposalReason'> = {}) =>
    ({ kind: 'AmendProposalReason', actor: member('m-1'), now: BEFORE, reason: 'Superseded by the new checkout flow', ...o }) as Cmd<'AmendProposalReason'>,
  withdraw: (o: Over<'WithdrawProposal'> = {}) =>
    ({ kind: 'WithdrawProposal', actor: member('m-1'), now: BEFORE, reason: 'The owner delivered a plan for it', ...o }) as Cmd<'WithdrawProposal'>,
  extend: (o: Over<'ExtendDeadline'> = {}) =>
    ({ kind: 'ExtendDeadline', actor: leader, now: BEFORE, closesAt: '2026-01-15T09:00:00.000Z', reason: 'Two members are on holiday', ...o }) as Cmd<'ExtendDeadline'>,
  close: (o: Over<'CloseProposal'> = {}) =>
    ({ kind: 'CloseProposal', actor: actors.system, now: AFTER, forum: forum(), ...o }) as Cmd<'CloseProposal'>,
};

const openedData = (o: Partial<ProposalOpened['data']> = {}): ProposalOpened['data'] => ({
  proposalId: P,
  forumId: FORUM,
  itemId: 'i-1',
  backlogId: 'b-1',
  reason: REASON,
  openedBy: 'm-1',
  closesAt: CLOSES_AT,
  nominatedAutomatically: false,
  nominationReasons: [],
  rule: rule(),
  cadenceIndex: null,
  ...o,
});
const opened = (o: Partial<ProposalOpened['data']> = {}): Evolvable<ProposalEvent> => ({
  id: 'pe-opened',
  type: 'proposal.opened',
  schemaVersion: 1,
  data: openedData(o),
});
let n = 0;
const voted = (memberId: string, choice: VoteChoice, replacesPrevious = false): Evolvable<ProposalEvent> => ({
  id: `pe-vote-${++n}`,
  type: 'proposal.vote-cast',
  schemaVersion: 1,
  data: { proposalId: P, forumId: FORUM, memberId, choice, reason: WHY, replacesPrevious },
});
const extended: Evolvable<ProposalEvent> = {
  id: 'pe-ext',
  type: 'proposal.deadline-extended',
  schemaVersion: 1,
  data: { proposalId: P, forumId: FORUM, previousClosesAt: CLOSES_AT, closesAt: '2026-01-15T09:00:00.000Z', reason: WHY },
};
const withdrawn: Evolvable<ProposalEvent> = {
  id: 'pe-wd',
  type: 'proposal.withdrawn',
  schemaVersion: 1,
  data: { proposalId: P, forumId: FORUM, itemId: 'i-1', reason: WHY, withdrawnBy: 'm-1' },
};
const closedEvt = (outcome: 'kill' | 'keep' | 'no-quorum'): Evolvable<ProposalEvent> => ({
  id: 'pe-closed',
  type: 'proposal.closed',
  schemaVersion: 1,
  data: {
    proposalId: P,
    forumId: FORUM,
    itemId: 'i-1',
    backlogId: 'b-1',
    outcome,
    tally: { kill: 0, keep: 0, abstain: 0, votesCast: 0, members: 3 },
    closedAt: AFTER,
    followUp: null,
  },
});

describe('proposal decider', () => {
  describe('OpenProposal', () => {
    it('a member opens a proposal that closes after the voting period, with the rule snapshotted', () => {
      given([]).when(cmd.open({ reason: `  ${REASON}  ` })).then([{ type: 'proposal.opened', schemaVersion: 1, data: openedData() }]);
    });

    it('automatic nominations carry their reasons and cadence point', () => {
      const [e] = given([])
        .when(cmd.open({ actor: { id: 'forum:f-1', role: 'system' }, nominatedAutomatically: true, nominationReasons: ['zombie: 120 days without progress'], cadenceIndex: 3 }))
        .events();
      expect(e.data).toMatchObject({ nominatedAutomatically: true, nominationReasons: ['zombie: 120 days without progress'], cadenceIndex: 3, openedBy: 'forum:f-1' });
    });

    it('entitled: members, owners of a backlog in scope, leaders and admins; not others', () => {
      expect(given([]).when(cmd.open({ actor: leader })).events()).toHaveLength(1);
      expect(given([]).when(cmd.open({ actor: actors.admin })).events()).toHaveLength(1);
      expect(given([]).when(cmd.open({ actor: actors['product-owner'], actorOwnsBacklog: true })).events()).toHaveLength(1);
      given([]).when(cmd.open({ actor: actors['product-owner'] })).then('PROPOSAL.NOT_ENTITLED', 'forbidden');
      given([]).when(cmd.open({ actor: actors.stakeholder })).then('PROPOSAL.NOT_ENTITLED', 'forbidden');
      given([]).when(cmd.open({ actor: member('outsider') })).then('PROPOSAL.NOT_ENTITLED', 'forbidden');
    });

    it('refuses items outside the scope, items that are not open, unknown forums and items, and no reason', () => {
      given([]).when(cmd.open({ item: { itemId: 'i-1', backlogId: 'b-9', status: 'open' } })).then('PROPOSAL.ITEM_NOT_IN_SCOPE', 'validation');
      for (const status of ['killed', 'delivered', 'anti-backlog']) {
        given([]).when(cmd.open({ item: { itemId: 'i-1', backlogId: 'b-1', status } })).then('PROPOSAL.ITEM_NOT_OPEN', 'invariant');
      }
      expect(given([]).when(cmd.open({ item: { itemId: 'i-1', backlogId: 'b-1', status: 'in-progress' } })).events()).toHaveLength(1);
      given([]).when(cmd.open({ item: { itemId: 'i-1', backlogId: null, status: 'none' } })).then('ITEM.NOT_FOUND', 'not-found');
      given([]).when(cmd.open({ forum: { ...forum(), exists: false } })).then('FORUM.NOT_FOUND', 'not-found');
      given([]).when(cmd.open({ reason: 'kill it' })).then('PROPOSAL.REASON_REQUIRED', 'validation');
      given([opened()]).when(cmd.open()).then('PROPOSAL.ALREADY_EXISTS', 'invariant');
    });
  });

  describe('the reason cannot change once a vote is cast', () => {
    it('amends before any vote, recording the previous reason', () => {
      given([opened()]).when(cmd.amend()).then([
        { type: 'proposal.reason-amended', schemaVersion: 1, data: { proposalId: P, reason: 'Superseded by the new checkout flow', previousReason: REASON } },
      ]);
    });

    it('refuses after a vote, even if that vote was later replaced', () => {
      given([opened(), voted('m-2', 'keep')]).when(cmd.amend()).then('PROPOSAL.REASON_LOCKED', 'invariant');
      given([opened(), voted('m-2', 'keep'), voted('m-2', 'kill', true)]).when(cmd.amend()).then('PROPOSAL.REASON_LOCKED');
    });

    it('only the opener or a governor amends', () => {
      given([opened()]).when(cmd.amend({ actor: member('m-2') })).then('PROPOSAL.NOT_ENTITLED', 'forbidden');
      expect(given([opened()]).when(cmd.amend({ actor: leader })).events()).toHaveLength(1);
    });
  });

  describe('CastVote', () => {
    it('a member votes with a reason', () => {
      given([opened()]).when(cmd.vote('m-2', 'keep')).then([
        {
          type: 'proposal.vote-cast',
          schemaVersion: 2,
          data: { proposalId: P, forumId: FORUM, memberId: 'm-2', choice: 'keep', reason: `m-2 thinks so: ${WHY}`, replacesPrevious: false, forDelegators: [] },
        },
      ]);
    });

    it('a later vote of the same member replaces the earlier one', () => {
      const outcome = given([opened(), voted('m-2', 'keep')]).when(cmd.vote('m-2', 'kill'));
      expect(outcome.events()[0].data).toMatchObject({ choice: 'kill', replacesPrevious: true });
      expect(Object.values(outcome.stateAfter().votes).map((v) => [v.memberId, v.choice])).toEqual([['m-2', 'kill']]);
    });

    it('only members vote', () => {
      given([opened()]).when(cmd.vote('outsider')).then('PROPOSAL.NOT_A_MEMBER', 'forbidden');
      given([opened()]).when(cmd.vote('m-2', 'kill', { forum: forum(['m-1', 'm-3']) })).then('PROPOSAL.NOT_A_MEMBER', 'forbidden');
    });

    it('no vote at or after the deadline, nor on a closed or withdrawn proposal', () => {
      given([opened()]).when(cmd.vote('m-2', 'kill', { now: CLOSES_AT })).then('PROPOSAL.VOTING_CLOSED', 'invariant');
      given([opened(), closedEvt('keep')]).when(cmd.vote('m-2')).then('PROPOSAL.VOTING_CLOSED', 'invariant');
      given([opened(), withdrawn]).when(cmd.vote('m-2')).then('PROPOSAL.NOT_OPEN', 'invariant');
      given([]).when(cmd.vote('m-2')).then('PROPOSAL.NOT_FOUND', 'not-found');
    });

    it('after an extension, voting continues until the new deadline', () => {
      expect(given([opened(), extended]).when(cmd.vote('m-2', 'kill', { now: '2026-01-14T09:00:00.000Z' })).events()).toHaveLength(1);
    });

    it('every vote carries a reason and a valid choice', () => {
      given([opened()]).when(cmd.vote('m-2', 'kill', { reason: '' })).then('PROPOSAL.VOTE_REASON_REQUIRED', 'validation');
      given([opened()]).when(cmd.vote('m-2', 'kill', { reason: 'yes' })).then('PROPOSAL.VOTE_REASON_REQUIRED', 'validation');
      given([opened()]).when(cmd.vote('m-2', 'destroy')).then('PROPOSAL.INVALID_CHOICE', 'validation');
    });
  });

  describe('WithdrawProposal', () => {
    it('the opener withdraws with a reason', () => {
      given([opened()]).when(cmd.withdraw()).then([
        { type: 'proposal.withdrawn', schemaVersion: 1, data: { proposalId: P, forumId: FORUM, itemId: 'i-1', reason: 'The owner delivered a plan for it', withdrawnBy: 'm-1' } },
      ]);
    });

    it('others may not; nor after the deadline or twice', () => {
      given([opened()]).when(cmd.withdraw({ actor: member('m-2') })).then('PROPOSAL.NOT_ENTITLED', 'forbidden');
      given([opened()]).when(cmd.withdraw({ now: AFTER })).then('PROPOSAL.VOTING_CLOSED');
      given([opened(), withdrawn]).when(cmd.withdraw()).then('PROPOSAL.NOT_OPEN');
      given([opened()]).when(cmd.withdraw({ reason: '' })).then('PROPOSAL.WITHDRAW_REASON_REQUIRED', 'validation');
    });
  });

  describe('ExtendDeadline: with a recorded reason, at most once', () => {
    it('extends once', () => {
      given([opened()]).when(cmd.extend()).then([
        {
          type: 'proposal.deadline-extended',
          schemaVersion: 1,
          data: { proposalId: P, forumId: FORUM, previousClosesAt: CLOSES_AT, closesAt: '2026-01-15T09:00:00.000Z', reason: 'Two members are on holiday' },
        },
      ]);
    });

    it('refuses a second extension', () => {
      given([opened(), extended]).when(cmd.extend({ closesAt: '2026-01-20T09:00:00.000Z' })).then('PROPOSAL.ALREADY_EXTENDED', 'invariant');
    });

    it('needs a reason, a later deadline, a governor, and an open vote', () => {
      given([opened()]).when(cmd.extend({ reason: '   ' })).then('PROPOSAL.EXTENSION_REASON_REQUIRED', 'validation');
      given([opened()]).when(cmd.extend({ closesAt: '2026-01-11T09:00:00.000Z' })).then('PROPOSAL.INVALID_DEADLINE', 'validation');
      given([opened()]).when(cmd.extend({ closesAt: 'next week' })).then('PROPOSAL.INVALID_INSTANT', 'validation');
      given([opened()]).when(cmd.extend({ closesAt: '2028-01-11T09:00:00.000Z' })).then('PROPOSAL.INVALID_DEADLINE', 'validation');
      given([opened()]).when(cmd.extend({ actor: member('m-1') })).then('PROPOSAL.NOT_ENTITLED', 'forbidden');
      given([opened()]).when(cmd.extend({ now: AFTER })).then('PROPOSAL.VOTING_CLOSED');
    });
  });

  describe('CloseProposal', () => {
    const closeData = (outcome: string, tally: object, followUp: string | null = null) => [
      {
        type: 'proposal.closed',
        schemaVersion: 2,
        data: { proposalId: P, forumId: FORUM, itemId: 'i-1', backlogId: 'b-1', outcome, tally: { delegated: 0, ...tally }, closedAt: AFTER, followUp, delegatedVotes: [] },
      },
    ];

    it('kill when quorum is met and kill reaches the threshold', () => {
      given([opened(), voted('m-1', 'kill'), voted('m-2', 'keep'), voted('m-3', 'kill')])
        .when(cmd.close())
        .then(closeData('kill', { kill: 2, keep: 1, abstain: 0, votesCast: 3, members: 3 }) as never);
    });

    it('keep when kill stays below the threshold; abstentions count for the quorum only', () => {
      given([opened({ rule: rule({ killThreshold: 0.75 }) }), voted('m-1', 'kill'), voted('m-2', 'keep'), voted('m-3', 'abstain')])
        .when(cmd.close())
        .then(closeData('keep', { kill: 1, keep: 1, abstain: 1, votesCast: 3, members: 3 }) as never);
    });

    it('no-quorum, with the follow-up of the rule', () => {
      given([opened({ rule: rule({ quorum: 3, onNoQuorum: 'return-to-owner' }) }), voted('m-1', 'kill')])
        .when(cmd.close())
        .then(closeData('no-quorum', { kill: 1, keep: 0, abstain: 0, votesCast: 1, members: 3 }, 'return-to-owner') as never);
    });

    it('counts only the latest vote of each member, and only of current members', () => {
      const events = given([opened(), voted('m-1', 'keep'), voted('m-1', 'kill', true), voted('m-2', 'keep'), voted('m-3', 'keep')])
        .when(cmd.close({ forum: forum(['m-1', 'm-2']) }))
        .events();
      expect(events[0].data).toMatchObject({ outcome: 'kill', tally: { kill: 1, keep: 1, abstain: 0, votesCast: 2, members: 2 } });
    });

    it('applies the rule of the opening, not a rule changed during the vote', () => {
      const events = given([opened({ rule: rule({ killThreshold: 0.5 }) }), voted('m-1', 'kill'), voted('m-2', 'keep')])
        .when(cmd.close({ forum: forum(undefined, rule({ killThreshold: 1 })) }))
        .events();
      expect(events[0].data).toMatchObject({ outcome: 'kill' });
    });

    it('is not due before the deadline (or the extended deadline), and closes once', () => {
      given([opened()]).when(cmd.close({ now: BEFORE })).then('PROPOSAL.NOT_DUE', 'invariant');
      given([opened(), extended]).when(cmd.close({ now: AFTER })).then('PROPOSAL.NOT_DUE');
      given([opened(), closedEvt('keep')]).when(cmd.close()).then('PROPOSAL.NOT_OPEN', 'invariant');
      given([opened(), withdrawn]).when(cmd.close()).then('PROPOSAL.NOT_OPEN', 'invariant');
    });
  });

  describe('tally rule', () => {
    const votes = (choices: Record<string, VoteChoice>) =>
      Object.fromEntries(Object.entries(choices).map(([memberId, choice]) => [memberId, { memberId, choice, reason: WHY, eventId: memberId }]));

    it('a threshold of 2/3 given as 0.6667 is not met by 2 of 3, but 0.66 is', () => {
      const v = votes({ a: 'kill', b: 'kill', c: 'keep' });
      expect(tallyVotes(v, ['a', 'b', 'c'], { quorum: 1, killThreshold: 0.6667 }).outcome).toBe('keep');
      expect(tallyVotes(v, ['a', 'b', 'c'], { quorum: 1, killThreshold: 0.66 }).outcome).toBe('kill');
    });

    it('a quorum met by abstentions alone keeps the item', () => {
      expect(tallyVotes(votes({ a: 'abstain', b: 'abstain' }), ['a', 'b'], { quorum: 2, killThreshold: 0.5 }).outcome).toBe('keep');
    });

    it('float thresholds like 0.3 are met exactly', () => {
      const v = votes({ a: 'kill', b: 'kill', c: 'kill', d: 'keep', e: 'keep', f: 'keep', g: 'keep', h: 'keep', i: 'keep', j: 'keep' });
      expect(tallyVotes(v, Object.keys(v), { quorum: 1, killThreshold: 0.3 }).outcome).toBe('kill');
    });
  });
});

describe('proposal slot decider: one open proposal per item', () => {
  const slot = deciderSpec(proposalSlotDecider);
  const claim = (proposalId: string, holder: ClaimProposalSlot['holder'] = null): ClaimProposalSlot => ({
    kind: 'ClaimProposalSlot',
    opened: openedData({ proposalId }),
    holder,
  });
  const claimed = (proposalId: string) => ({
    id: `se-${proposalId}`,
    type: 'item-proposal-slot.claimed' as const,
    schemaVersion: 1 as const,
    data: { itemId: 'i-1', proposalId, opened: openedData({ proposalId }) },
  });

  it('claims a free slot', () => {
    slot.given([]).when(claim('p-1')).then([claimed('p-1')].map(({ id: _, ...e }) => e));
  });

  it('refuses while the holder is open or still being opened', () => {
    slot.given([claimed('p-1')]).when(claim('p-2', { proposalId: 'p-1', status: 'open' })).then('PROPOSAL.ALREADY_OPEN_FOR_ITEM', 'invariant');
    slot.given([claimed('p-1')]).when(claim('p-2', { proposalId: 'p-1', status: 'none' })).then('PROPOSAL.ALREADY_OPEN_FOR_ITEM');
    slot.given([claimed('p-1')]).when(claim('p-2', null)).then('PROPOSAL.ALREADY_OPEN_FOR_ITEM');
  });

  it('is free again once the holder is closed or withdrawn', () => {
    expect(slot.given([claimed('p-1')]).when(claim('p-2', { proposalId: 'p-1', status: 'closed' })).events()).toHaveLength(1);
    expect(slot.given([claimed('p-1')]).when(claim('p-2', { proposalId: 'p-1', status: 'withdrawn' })).events()).toHaveLength(1);
  });

  it('a proposal id claims at most once (idempotent nomination)', () => {
    slot.given([claimed('p-1')]).when(claim('p-1', { proposalId: 'p-1', status: 'closed' })).then('PROPOSAL.ALREADY_EXISTS');
  });
});
