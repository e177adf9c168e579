import { ForumScheduler } from '../../apps/api/src/forums/forum-scheduler';
import { eventually, startReceiver, type Receiver } from '../../apps/api/src/webhooks/testing/receiver';
import { RATIONALE } from '../support/fixtures';
import { startLedger, type Ledger } from '../support/ledger';

const DAY = 86_400_000;

/**
 * One kill proposal through every part of the forum module at once: the forum's webhook hears the proposal open
 * and close and the item die, the forum analytics count the decision, and the item history shows the votes.
 */
describe('a forum decision end to end: proposal → votes → deadline → kill → webhooks, analytics, history', () => {
  let ledger: Ledger;
  let receiver: Receiver;

  beforeAll(async () => {
    ledger = await startLedger({
      env: { LEDGER_FORUM_TICK_MS: '0', LEDGER_WEBHOOKS_ALLOW_INSECURE: 'true', LEDGER_READ_WAIT_MS: '20000' },
    });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await ledger.close();
    await receiver.close();
  });

  it('records, carries out and reports the forum kill', async () => {
    const leader = await ledger.token('product-leader', 'lena');
    const auditor = await ledger.token('auditor', 'audrey');
    const post = async (path: string, body: unknown, token = leader) => {
      const res = await ledger.request('POST', path, { token, body });
      if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
      return res.body;
    };

    const backlogId = (await post('/backlogs', { name: 'Payments', productGoal: 'Every payment succeeds first time' })).id;
    const itemId = (await post(`/backlogs/${backlogId}/items`, { title: 'Crypto checkout', kind: 'initiative', rationale: RATIONALE })).id;
    const keptId = (await post(`/backlogs/${backlogId}/items`, { title: 'Card vaulting', kind: 'initiative', rationale: RATIONALE })).id;
    const forumId = (
      await post('/forums', {
        name: 'Payments kill review',
        backlogIds: [backlogId],
        rule: { quorum: 2, killThreshold: 0.6, votingPeriodDays: 5, reviewCadenceDays: 14, onNoQuorum: 'return-to-owner' },
        rationale: RATIONALE,
      })
    ).id;
    for (const m of ['mia', 'max']) await post(`/forums/${forumId}/members`, { memberId: m, rationale: `${m} owns payments outcomes` });
    const mia = await ledger.token('forum-member', 'mia');
    const max = await ledger.token('forum-member', 'max');

    const hook = await post('/webhooks', { url: receiver.url, events: ['proposal.opened', 'proposal.closed', 'item.killed'], forumId });
    expect(hook.secret).toEqual(expect.any(String));

    const killProposal = (await post(`/forums/${forumId}/proposals`, { itemId, reason: 'No merchant asked for it in a year' }, mia)).id;
    const keepProposal = (await post(`/forums/${forumId}/proposals`, { itemId: keptId, reason: 'Low usage so far' }, max)).id;
    await post(`/proposals/${killProposal}/votes`, { choice: 'kill', reason: 'Zero usage in the pilot' }, mia);
    await post(`/proposals/${killProposal}/votes`, { choice: 'kill', reason: 'Compliance cost is high' }, max);
    await post(`/proposals/${keepProposal}/votes`, { choice: 'keep', reason: 'Vaulting unblocks one-click' }, mia);
    await post(`/proposals/${keepProposal}/votes`, { choice: 'kill', reason: 'Not this quarter' }, max);

    ledger.clock.advance(5 * DAY);
    const report = await ledger.app.get(ForumScheduler).tick();
    expect(report.closed.sort()).toEqual([killProposal, keepProposal].sort());
    expect(report.killed).toEqual([killProposal]);

    // The item is killed via the forum, and only that one.
    const killed = await ledger.request('GET', `/items/${itemId}`, { token: auditor });
    expect(killed.body).toMatchObject({ status: 'killed' });
    expect((await ledger.request('GET', `/items/${keptId}`, { token: auditor })).body.status).not.toBe('killed');

    // The forum's webhook heard exactly: two openings, two closings, one kill (via the forum, naming the proposal).
    await eventually(() => receiver.received.length >= 5, 15_000, 'five forum deliveries');
    const events = receiver.received.map((r) => JSON.parse(r.body).event as { type: string; data: Record<string, unknown> });
    expect(events.map((e) => e.type).sort()).toEqual(['item.killed', 'proposal.closed', 'proposal.closed', 'proposal.opened', 'proposal.opened']);
    expect(events.find((e) => e.type === 'item.killed')!.data).toMatchObject({ itemId, via: 'forum', proposalId: killProposal });
    const closings = events.filter((e) => e.type === 'proposal.closed').map((e) => e.data);
    expect(closings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ proposalId: killProposal, outcome: 'kill', tally: expect.objectContaining({ kill: 2, keep: 0, votesCast: 2, members: 2 }) }),
        expect.objectContaining({ proposalId: keepProposal, outcome: 'keep', tally: expect.objectContaining({ kill: 1, keep: 1, votesCast: 2, members: 2 }) }),
      ]),
    );

    // Forum analytics count both decisions (as of a moment after the close: `to` is exclusive).
    ledger.clock.advance(1000);
    const head = Number((await ledger.request('GET', '/health')).body.eventStore.headPosition);
    const stats = await ledger.request('GET', `/forums/${forumId}/analytics?minPosition=${head}`, { token: auditor });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      proposalsOpened: 2,
      closed: { total: 2, kill: 1, keep: 1, noQuorum: 0 },
      killRate: 0.5,
      noQuorumShare: 0,
      participation: 1,
      medianDaysToDecision: 5,
      openProposals: 0,
      members: 2,
    });

    // The auditor sees the proposal and every vote with its reason in the item's history.
    const history = await ledger.request('GET', `/items/${itemId}/history`, { token: auditor });
    expect(history.status).toBe(200);
    const proposal = history.body.proposals.find((p: { id?: string; proposalId?: string }) => (p.id ?? p.proposalId) === killProposal);
    expect(proposal).toBeDefined();
    expect(proposal.votes.map((v: { memberId: string; reason: string }) => [v.memberId, v.reason])).toEqual([
      ['mia', 'Zero usage in the pilot'],
      ['max', 'Compliance cost is high'],
    ]);
  });
  it('lists the forums a caller may read, by name', async () => {
    const leader = await ledger.token('product-leader', 'lena');
    const post = async (path: string, body: unknown) => {
      const res = await ledger.request('POST', path, { token: leader, body });
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
      return res.body.id as string;
    };
    const rule = { quorum: 1, killThreshold: 0.5, votingPeriodDays: 7, reviewCadenceDays: 14, onNoQuorum: 'return-to-owner' };
    const search = await post('/backlogs', { name: 'Search', productGoal: 'Shoppers find it in one query' });
    const ads = await post('/backlogs', { name: 'Ads', productGoal: 'Ads pay for the free tier' });
    const zForum = await post('/forums', { name: 'Zeta search review', backlogIds: [search], rule, rationale: RATIONALE });
    const aForum = await post('/forums', { name: 'Alpha ads review', backlogIds: [ads], rule, rationale: RATIONALE });

    const names = async (token: string) => {
      const res = await ledger.request('GET', '/forums', { token });
      expect(res.status).toBe(200);
      return (res.body.forums as { id: string; name: string }[]).filter((f) => [zForum, aForum].includes(f.id)).map((f) => f.name);
    };
    expect(await names(await ledger.token('auditor', 'audrey'))).toEqual(['Alpha ads review', 'Zeta search review']);
    expect(await names(await ledger.token('product-owner', 'olga', [search]))).toEqual(['Zeta search review']);
    expect(await names(await ledger.token('product-owner', 'omar', [ads]))).toEqual(['Alpha ads review']);
    expect((await ledger.request('GET', '/forums')).status).toBe(401);

    // Only the forums reviewing one backlog (where a kill proposal on its items goes); a bad id is a 400, not a 5xx.
    const auditor = await ledger.token('auditor', 'audrey');
    const reviewing = await ledger.request('GET', `/forums?backlogId=${search.toUpperCase()}`, { token: auditor });
    expect(reviewing.status).toBe(200);
    expect(reviewing.body.forums.map((f: { id: string }) => f.id)).toEqual([zForum]);
    const none = await ledger.request('GET', `/forums?backlogId=${'0b3c1d2e-0000-4000-8000-000000000000'}`, { token: auditor });
    expect(none.body.forums).toEqual([]);
    const bad = await ledger.request('GET', '/forums?backlogId=search', { token: auditor });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION.FAILED');
  });
});
