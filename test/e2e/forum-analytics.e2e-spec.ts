import { randomUUID } from 'node:crypto';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';
import { startLedger, type Ledger } from '../support/ledger';
import { expectProblem, UNKNOWN_ID } from '../support/fixtures';

const DAY = 86_400_000;

/**
 * GET /forums/:id/analytics. The forum and proposal events are appended straight to the store (pinned schema of
 * issue 4; the forum deciders are built elsewhere), at the times of the ledger's clock.
 */
describe('forum analytics over HTTP', () => {
  let ledger: Ledger;
  let store: EventStore;
  let leader: string;
  const forumId = randomUUID();
  const backlogId = randomUUID();
  let last = 0;
  let start: Date;

  type Actor = { id: string; role: 'product-leader' | 'forum-member' };
  async function append(streamId: string, type: string, data: Record<string, unknown>, actor: Actor = { id: 'lena', role: 'product-leader' }) {
    const existing = await store.readStream(streamId);
    const r = await store.append(
      streamId,
      [{ id: randomUUID(), type, schemaVersion: 1, data, metadata: { actor, correlationId: randomUUID(), causationId: null } }],
      existing.length ? existing.length - 1 : 'no-stream',
    );
    last = r.position;
  }
  const forum = (type: string, data: Record<string, unknown> = {}) => append(`forum-${forumId}`, type, { forumId, rationale: 'Forum housekeeping', ...data });
  const proposal = (id: string, type: string, data: Record<string, unknown>, actor?: Actor) => append(`proposal-${id}`, type, { proposalId: id, forumId, ...data }, actor);
  const get = (path: string, token: string) => ledger.request('GET', path, { token });

  beforeAll(async () => {
    ledger = await startLedger();
    store = ledger.app.get(EVENT_STORE);
    leader = await ledger.token('product-leader', 'lena');
    start = ledger.clock.now();
    await forum('forum.created', { name: 'Kill review', backlogIds: [backlogId], rule: { quorum: 0.5, killThreshold: 0.5, votingPeriodDays: 7, reviewCadenceDays: 14, onNoQuorum: 'return-to-owner' } });
    await forum('forum.member-joined', { memberId: 'mia' });
    await forum('forum.member-joined', { memberId: 'max' });
    const [p1, p2] = [randomUUID(), randomUUID()];
    const opened = (id: string) => ({ itemId: randomUUID(), backlogId, reason: 'No progress in months', openedBy: 'lena', closesAt: new Date(ledger.clock.now().getTime() + 7 * DAY).toISOString(), nominatedAutomatically: false, nominationReasons: [] });
    await proposal(p1, 'proposal.opened', opened(p1));
    await proposal(p2, 'proposal.opened', opened(p2));
    ledger.clock.advance(2 * DAY);
    await proposal(p1, 'proposal.vote-cast', { memberId: 'mia', choice: 'kill', reason: 'Nobody uses it', replacesPrevious: false }, { id: 'mia', role: 'forum-member' });
    ledger.clock.advance(2 * DAY);
    await proposal(p1, 'proposal.closed', { itemId: randomUUID(), backlogId, outcome: 'kill', tally: { kill: 1, keep: 0, abstain: 0, votesCast: 1, members: 2 }, closedAt: ledger.clock.now().toISOString(), followUp: 'item-killed' });
    ledger.clock.advance(4 * DAY);
    await proposal(p2, 'proposal.closed', { itemId: randomUUID(), backlogId, outcome: 'no-quorum', tally: { kill: 0, keep: 0, abstain: 0, votesCast: 0, members: 2 }, closedAt: ledger.clock.now().toISOString(), followUp: 'reopen-next-cadence' });
    ledger.clock.advance(3600_000); // the period [from, to) ends at `at` = now, exclusive
  });
  afterAll(() => ledger.close());

  it('reports the forum once the projection has reached the last write', async () => {
    const res = await get(`/forums/${forumId}/analytics?minPosition=${last}`, leader);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      forumId,
      name: 'Kill review',
      proposalsOpened: 2,
      closed: { total: 2, kill: 1, keep: 0, noQuorum: 1 },
      killRate: 0.5,
      noQuorumShare: 0.5,
      medianDaysToDecision: 6, // 4 and 8 days
      participation: 0.25, // 1 of 2, 0 of 2
      withdrawn: 0,
      openProposals: 0,
      members: 2,
    });
  });

  it('as of an earlier instant, the later closes do not exist', async () => {
    const at = new Date(start.getTime() + 3 * DAY).toISOString();
    const res = await get(`/forums/${forumId}/analytics?minPosition=${last}&at=${encodeURIComponent(at)}`, leader);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ at, proposalsOpened: 2, closed: { total: 0 }, killRate: null, openProposals: 2 });
  });

  it('is readable by whoever may read the forum (its members, readers of one of its backlogs), not by others', async () => {
    expect((await get(`/forums/${forumId}/analytics`, await ledger.token('auditor', 'audrey'))).status).toBe(200);
    expect((await get(`/forums/${forumId}/analytics`, await ledger.token('forum-member', 'mia'))).status).toBe(200);
    expect((await get(`/forums/${forumId}/analytics`, await ledger.token('product-owner', 'max', [backlogId]))).status).toBe(200);
    // the same rule as GET /forums/:id and GET /proposals/:id: an owner of a backlog in the forum's scope reads it
    expect((await get(`/forums/${forumId}/analytics`, await ledger.token('product-owner', 'olga', [backlogId]))).status).toBe(200);
    const elsewhere = '00000000-0000-4000-8000-0000000000aa';
    expectProblem(await get(`/forums/${forumId}/analytics`, await ledger.token('product-owner', 'olga', [elsewhere])), 403, 'AUTH.FORUM_NOT_IN_SCOPE');
  });

  it('answers bad input with problems', async () => {
    expectProblem(await get(`/forums/${UNKNOWN_ID}/analytics`, leader), 404, 'FORUM.NOT_FOUND');
    expectProblem(await get('/forums/not-a-uuid/analytics', leader), 400, 'VALIDATION.FAILED');
    expectProblem(await get(`/forums/${forumId}/analytics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`, leader), 400, 'VALIDATION.FAILED');
    expectProblem(await get(`/forums/${forumId}/analytics?at=yesterday`, leader), 400, 'VALIDATION.FAILED');
    expectProblem(await get(`/forums/${forumId}/analytics?minPosition=${last + 1000}`, leader), 422, 'ANALYTICS.POSITION_NOT_WRITTEN');
    expectProblem(await ledger.request('GET', `/forums/${forumId}/analytics`), 401, expect.any(String) as never);
  });
});
