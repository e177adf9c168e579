import type { Actor } from '@ledger/kernel';
import { fold, type Evolvable } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import { WHY, actors } from '../testing/fixtures';
import { proposalDecider } from '../proposal/proposal.decider';
import type { ProposalEvent } from '../proposal/proposal.events';
import { tallyVotes } from '../proposal/tally';
import type { ForumCommand } from './forum.commands';
import { forumDecider } from './forum.decider';
import { DEFAULT_FORUM_RULE, type ForumEvent } from './forum.events';
import { holdsAt, type ForumState } from './forum.state';

/** DOMAIN.md "Delegated votes" (ADR 0035): the forum decider's delegation rules and the tally that counts them. */
const forums = deciderSpec(forumDecider);
const proposals = deciderSpec(proposalDecider);
const FORUM = 'f-1';
const NOW = '2026-01-05T09:00:00.000Z';
const IN_A_WEEK = '2026-01-12T09:00:00.000Z';
const IN_A_MONTH = '2026-02-05T09:00:00.000Z';
const m = (id: string): Actor => ({ id, role: 'forum-member' });

let n = 0;
const ev = (type: string, data: Record<string, unknown>): Evolvable<ForumEvent> =>
  ({ id: `fe-${++n}`, type, schemaVersion: 1, data: { forumId: FORUM, ...data } }) as Evolvable<ForumEvent>;
const created = () => ev('forum.created', { name: 'Kill review', backlogIds: ['b-1'], rule: { ...DEFAULT_FORUM_RULE, quorum: 3 }, rationale: WHY });
const joined = (memberId: string) => ev('forum.member-joined', { memberId, rationale: WHY });
const left = (memberId: string) => ev('forum.member-left', { memberId, rationale: WHY });
const delegated = (delegationId: string, delegatorId: string, delegateId: string, validFrom = NOW, validUntil = IN_A_MONTH) =>
  ev('forum.vote-delegated', { delegationId, delegatorId, delegateId, validFrom, validUntil, rationale: WHY });
const revoked = (delegationId: string, delegatorId: string, delegateId: string, revokedAt: string) =>
  ev('forum.delegation-revoked', { delegationId, delegatorId, delegateId, revokedAt, revokedBy: delegatorId, rationale: WHY });

const MEMBERS = [created(), joined('ana'), joined('ben'), joined('cy'), joined('dee')];

const delegate = (by: string, to: string, o: Partial<Extract<ForumCommand, { kind: 'DelegateVote' }>> = {}): ForumCommand => ({
  kind: 'DelegateVote',
  actor: m(by),
  now: NOW,
  delegationId: `d-${by}-${to}`,
  delegateId: to,
  validUntil: IN_A_MONTH,
  rationale: 'On parental leave until February',
  ...o,
});
const revoke = (actor: Actor, delegationId: string, now = IN_A_WEEK): ForumCommand => ({
  kind: 'RevokeDelegation',
  actor,
  now,
  delegationId,
  rationale: 'Back earlier than planned',
});

describe('forum decider: delegated votes', () => {
  it('a member delegates their vote to another member for a period', () => {
    const out = forums.given(MEMBERS).when(delegate('ana', 'ben'));
    out.then([
      {
        type: 'forum.vote-delegated',
        schemaVersion: 1,
        data: { forumId: FORUM, delegationId: 'd-ana-ben', delegatorId: 'ana', delegateId: 'ben', validFrom: NOW, validUntil: IN_A_MONTH, rationale: 'On parental leave until February' },
      },
    ]);
    expect(out.stateAfter().delegations).toEqual([
      { delegationId: 'd-ana-ben', delegatorId: 'ana', delegateId: 'ben', validFrom: NOW, validUntil: IN_A_MONTH, revokedAt: null, endedByLeave: false },
    ]);
  });

  it('refuses a cycle: the delegate already delegates to the delegator in the period', () => {
    forums.given([...MEMBERS, delegated('d-1', 'ben', 'ana')]).when(delegate('ana', 'ben')).thenError('FORUM.DELEGATION_CYCLE', 'invariant');
  });

  it('refuses a chain onwards: a delegate cannot pass a delegated vote on', () => {
    // ana → ben holds; ben may not delegate to cy.
    forums.given([...MEMBERS, delegated('d-1', 'ana', 'ben')]).when(delegate('ben', 'cy')).thenError('FORUM.DELEGATED_VOTE_CANNOT_PASS_ON', 'invariant');
  });

  it('refuses a chain backwards: a member who has delegated cannot receive delegations', () => {
    // ben → cy holds; ana may not delegate to ben.
    forums.given([...MEMBERS, delegated('d-1', 'ben', 'cy')]).when(delegate('ana', 'ben')).thenError('FORUM.DELEGATE_HAS_DELEGATED', 'invariant');
  });

  it('allows what would only chain in periods that do not overlap', () => {
    const events = [...MEMBERS, delegated('d-1', 'ana', 'ben', NOW, IN_A_WEEK)];
    const out = forums.given(events).when(delegate('ben', 'cy', { validFrom: IN_A_WEEK, validUntil: IN_A_MONTH }));
    expect(out.events()).toHaveLength(1);
  });

  it('a revoked delegation no longer blocks from its revocation on', () => {
    const events = [...MEMBERS, delegated('d-1', 'ana', 'ben'), revoked('d-1', 'ana', 'ben', IN_A_WEEK)];
    forums.given(events).when(delegate('ben', 'cy', { validUntil: '2026-01-10T09:00:00.000Z' })).thenError('FORUM.DELEGATED_VOTE_CANNOT_PASS_ON');
    expect(forums.given(events).when(delegate('ben', 'cy', { validFrom: IN_A_WEEK })).events()).toHaveLength(1);
  });

  it('one delegation per delegator at a time', () => {
    forums.given([...MEMBERS, delegated('d-1', 'ana', 'ben')]).when(delegate('ana', 'cy')).thenError('FORUM.ALREADY_DELEGATED', 'invariant');
  });

  it('a delegate may hold several delegations', () => {
    expect(forums.given([...MEMBERS, delegated('d-1', 'ana', 'ben')]).when(delegate('cy', 'ben')).events()).toHaveLength(1);
  });

  it('only members delegate, only to another member, never to themselves', () => {
    forums.given(MEMBERS).when(delegate('zed', 'ben')).thenError('FORUM.NOT_A_MEMBER', 'forbidden');
    forums.given(MEMBERS).when(delegate('ana', 'zed')).thenError('FORUM.DELEGATE_NOT_A_MEMBER', 'invariant');
    forums.given(MEMBERS).when(delegate('ana', 'ana')).thenError('FORUM.SELF_DELEGATION', 'validation');
  });

  it.each([
    ['a start in the past', { validFrom: '2026-01-04T09:00:00.000Z' }],
    ['an end before the start', { validUntil: '2026-01-05T08:00:00.000Z' }],
    ['an empty period', { validUntil: NOW }],
    ['more than a year', { validUntil: '2027-01-07T09:00:00.000Z' }],
    ['a date that is no instant', { validUntil: 'next week' }],
  ])('refuses %s (FORUM.INVALID_DELEGATION_PERIOD)', (_label, over) => {
    forums.given(MEMBERS).when(delegate('ana', 'ben', over)).thenError('FORUM.INVALID_DELEGATION_PERIOD', 'validation');
  });

  it('needs a rationale and a fresh delegation id', () => {
    forums.given(MEMBERS).when(delegate('ana', 'ben', { rationale: 'x' })).thenError('DECISION.RATIONALE_REQUIRED');
    forums.given([...MEMBERS, delegated('d-ana-ben', 'ana', 'ben', IN_A_MONTH, '2026-03-01T00:00:00.000Z')])
      .when(delegate('ana', 'ben'))
      .thenError('FORUM.DELEGATION_ALREADY_EXISTS');
  });

  describe('revocation', () => {
    const events = [...MEMBERS, delegated('d-1', 'ana', 'ben')];

    it('the delegator revokes; the delegation stops holding at that instant', () => {
      const out = forums.given(events).when(revoke(m('ana'), 'd-1'));
      out.then([
        {
          type: 'forum.delegation-revoked',
          schemaVersion: 1,
          data: { forumId: FORUM, delegationId: 'd-1', delegatorId: 'ana', delegateId: 'ben', revokedAt: IN_A_WEEK, revokedBy: 'ana', rationale: 'Back earlier than planned' },
        },
      ]);
      const d = out.stateAfter().delegations[0];
      expect(holdsAt(d, '2026-01-12T08:59:59.999Z')).toBe(true);
      expect(holdsAt(d, IN_A_WEEK)).toBe(false);
    });

    it('a forum admin may revoke it; the delegate or another member may not', () => {
      expect(forums.given(events).when(revoke(actors['product-leader'], 'd-1')).events()[0].data).toMatchObject({ revokedBy: actors['product-leader'].id });
      forums.given(events).when(revoke(m('ben'), 'd-1')).thenError('DECISION.NOT_ALLOWED_FOR_ROLE', 'forbidden');
    });

    it('refuses an unknown, revoked or ended delegation', () => {
      forums.given(events).when(revoke(m('ana'), 'd-404')).thenError('FORUM.DELEGATION_NOT_FOUND', 'not-found');
      forums.given([...events, revoked('d-1', 'ana', 'ben', IN_A_WEEK)]).when(revoke(m('ana'), 'd-1')).thenError('FORUM.DELEGATION_ALREADY_REVOKED');
      forums.given(events).when(revoke(m('ana'), 'd-1', IN_A_MONTH)).thenError('FORUM.DELEGATION_ENDED');
    });
  });

  it('a member who leaves takes their delegations with them, for good (also if they rejoin)', () => {
    const state = fold(forumDecider, [...MEMBERS, delegated('d-1', 'ana', 'ben'), left('ana'), joined('ana')]);
    expect(state.delegations[0].endedByLeave).toBe(true);
    expect(holdsAt(state.delegations[0], IN_A_WEEK)).toBe(false);
    // ben may now delegate: he holds nothing any more.
    expect(forums.given([...MEMBERS, delegated('d-1', 'ana', 'ben'), left('ana')]).when(delegate('ben', 'cy')).events()).toHaveLength(1);
  });
});

describe('the tally with delegated votes', () => {
  const P = 'p-1';
  const CLOSES_AT = '2026-01-12T09:00:00.000Z';
  const forumState = (events: Evolvable<ForumEvent>[]): ForumState => fold(forumDecider, events);
  let pn = 0;
  const opened: Evolvable<ProposalEvent> = {
    id: 'pe-opened',
    type: 'proposal.opened',
    schemaVersion: 1,
    data: {
      proposalId: P, forumId: FORUM, itemId: 'i-1', backlogId: 'b-1', reason: 'Nobody uses it', openedBy: 'ana', closesAt: CLOSES_AT,
      nominatedAutomatically: false, nominationReasons: [], rule: { ...DEFAULT_FORUM_RULE, quorum: 3, killThreshold: 0.5 }, cadenceIndex: null,
    },
  };
  const vote = (memberId: string, choice: 'kill' | 'keep' | 'abstain'): Evolvable<ProposalEvent> => ({
    id: `pe-vote-${memberId}-${++pn}`,
    type: 'proposal.vote-cast',
    schemaVersion: 2,
    data: { proposalId: P, forumId: FORUM, memberId, choice, reason: 'My considered view', replacesPrevious: false },
  });
  const close = (forum: ForumState) => ({ kind: 'CloseProposal' as const, actor: actors.system, now: '2026-01-13T00:00:00.000Z', forum });
  const withDelegation = forumState([...MEMBERS, delegated('d-1', 'ana', 'ben')]);

  it("the delegate's vote counts for the delegator too; quorum and threshold count it; the tally says how many were delegated", () => {
    const benKill = vote('ben', 'kill');
    const [closed] = proposals.given([opened, benKill, vote('cy', 'keep')]).when(close(withDelegation)).events();
    expect(closed.data).toMatchObject({
      outcome: 'kill', // ben + ana (delegated) kill 2, keep 1: 2/3 ≥ 0.5; 3 votes meet the quorum of 3
      tally: { kill: 2, keep: 1, abstain: 0, votesCast: 3, members: 4, delegated: 1 },
      delegatedVotes: [{ memberId: 'ana', delegateId: 'ben', delegationId: 'd-1', choice: 'kill', voteEventId: benKill.id }],
    });
  });

  it("the delegator's own vote wins, also when cast later than the delegate's", () => {
    const [closed] = proposals.given([opened, vote('ben', 'kill'), vote('cy', 'keep'), vote('ana', 'keep')]).when(close(withDelegation)).events();
    expect(closed.data).toMatchObject({ outcome: 'keep', tally: { kill: 1, keep: 2, votesCast: 3, delegated: 0 }, delegatedVotes: [] });
  });

  it("the delegator's own vote stays theirs when they change it, and when the delegate changes theirs", () => {
    const history = [opened, vote('ana', 'abstain'), vote('ben', 'kill'), vote('ana', 'keep'), vote('ben', 'keep'), vote('ben', 'kill'), vote('cy', 'kill')];
    const [closed] = proposals.given(history).when(close(withDelegation)).events();
    expect(closed.data).toMatchObject({ tally: { kill: 2, keep: 1, votesCast: 3, delegated: 0 } });
  });

  it('a delegated vote is the delegate\'s own: changing it changes what counts for the delegator', () => {
    const [closed] = proposals.given([opened, vote('ben', 'kill'), vote('ben', 'keep'), vote('cy', 'keep')]).when(close(withDelegation)).events();
    expect(closed.data).toMatchObject({ outcome: 'keep', tally: { keep: 3, delegated: 1 } });
  });

  it('without a delegate vote, nothing counts for the delegator (below quorum here)', () => {
    const [closed] = proposals.given([opened, vote('cy', 'kill'), vote('dee', 'kill')]).when(close(withDelegation)).events();
    expect(closed.data).toMatchObject({ outcome: 'no-quorum', tally: { votesCast: 2, delegated: 0 } });
  });

  it('delegations are judged at the deadline: revoked before it → not counted; revoked after it (before a late close) → counted', () => {
    const before = forumState([...MEMBERS, delegated('d-1', 'ana', 'ben'), revoked('d-1', 'ana', 'ben', '2026-01-12T08:00:00.000Z')]);
    const after = forumState([...MEMBERS, delegated('d-1', 'ana', 'ben'), revoked('d-1', 'ana', 'ben', '2026-01-12T10:00:00.000Z')]);
    const votes = [opened, vote('ben', 'kill'), vote('cy', 'kill')];
    expect(proposals.given(votes).when(close(before)).events()[0].data).toMatchObject({ outcome: 'no-quorum', tally: { delegated: 0 } });
    expect(proposals.given(votes).when(close(after)).events()[0].data).toMatchObject({ outcome: 'kill', tally: { delegated: 1 } });
  });

  it('a delegation that ended before the deadline does not count', () => {
    const expired = forumState([...MEMBERS, delegated('d-1', 'ana', 'ben', NOW, '2026-01-10T00:00:00.000Z')]);
    expect(proposals.given([opened, vote('ben', 'kill'), vote('cy', 'kill')]).when(close(expired)).events()[0].data).toMatchObject({ tally: { votesCast: 2, delegated: 0 } });
  });

  it("a delegate who left the forum votes for nobody (their own vote does not count either)", () => {
    const benLeft = forumState([...MEMBERS, delegated('d-1', 'ana', 'ben'), left('ben')]);
    expect(proposals.given([opened, vote('ben', 'kill'), vote('cy', 'kill')]).when(close(benLeft)).events()[0].data).toMatchObject({
      tally: { votesCast: 1, members: 3, delegated: 0 },
    });
  });

  it('never passes a delegated vote on: only the delegate\'s own vote counts for the delegator', () => {
    // Forced into the state (the decider refuses chains): ana → ben and ben → cy at once; only cy votes.
    const chained = forumState([...MEMBERS, delegated('d-1', 'ana', 'ben'), delegated('d-2', 'ben', 'cy')]);
    const { tally, delegatedVotes } = tallyVotes(
      { cy: { memberId: 'cy', choice: 'kill', reason: 'r', eventId: 'v-cy' } },
      chained.members,
      { quorum: 1, killThreshold: 0.5 },
      { delegations: chained.delegations, at: IN_A_WEEK },
    );
    expect(tally).toMatchObject({ kill: 2, votesCast: 2, delegated: 1 }); // cy, and ben through cy — not ana
    expect(delegatedVotes.map((v) => v.memberId)).toEqual(['ben']);
  });

  it('a vote records the members it counts for when cast (those who have not voted themselves)', () => {
    const both = forumState([...MEMBERS, delegated('d-1', 'ana', 'ben'), delegated('d-2', 'cy', 'ben')]);
    const cast = (history: Evolvable<ProposalEvent>[]) =>
      proposals.given(history).when({ kind: 'CastVote', actor: m('ben'), now: '2026-01-06T09:00:00.000Z', forum: both, choice: 'kill', reason: 'Nobody uses it at all' }).events()[0];
    expect(cast([opened]).data).toMatchObject({ memberId: 'ben', forDelegators: ['ana', 'cy'] });
    expect(cast([opened, vote('cy', 'keep')]).data).toMatchObject({ forDelegators: ['ana'] });
  });
});
