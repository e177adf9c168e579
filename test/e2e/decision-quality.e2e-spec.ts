import { ForumScheduler } from '../../apps/api/src/forums/forum-scheduler';
import { UNKNOWN_ID, expectNothingWritten, expectProblem, expectValidationError } from '../support/fixtures';
import { startLedger, type Ledger } from '../support/ledger';

const R = 'Decided in the quarterly portfolio review.';
const DAY = 86_400_000;

/**
 * Issue 14 over HTTP: scores frozen into decisions (history, "as of"), against the score, outcome calibration,
 * self-checking kill criteria through the forum scheduler, delegated votes — and bad input for each.
 */
describe('decision quality over HTTP', () => {
  let ledger: Ledger;
  let leader: string;
  let auditor: string;
  let lastPosition = 0;

  const post = async (path: string, body: unknown, token = leader, status?: number) => {
    const res = await ledger.request('POST', path, { token, body });
    if (status !== undefined ? res.status !== status : res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    lastPosition = Math.max(lastPosition, res.body.position ?? 0);
    return res.body;
  };
  const get = (path: string, token = leader) => ledger.request('GET', path, { token });

  beforeAll(async () => {
    ledger = await startLedger({ env: { LEDGER_FORUM_TICK_MS: '0', LEDGER_READ_WAIT_MS: '20000' } });
    await ledger.app.get(ForumScheduler).started;
    leader = await ledger.token('product-leader', 'lena');
    auditor = await ledger.token('auditor', 'audrey');
  });
  afterAll(() => ledger.close());

  describe('scores frozen into decisions, and the decisions against the score', () => {
    let backlogId: string;
    const ids: Record<string, string> = {};
    let pushEventId: string;
    let beforeModelChange: string;

    beforeAll(async () => {
      backlogId = (await post('/backlogs', { name: 'Growth', productGoal: 'New users reach value in their first week', policy: { scoringModel: 'value-effort', scoreMargin: 0.2 } })).id;
      for (const [key, value, effort] of [['referrals', 40, 2], ['onboarding', 30, 3], ['pricing', 12, 1], ['pet', 9, 1]] as const) {
        ids[key] = (await post(`/backlogs/${backlogId}/items`, { title: key, kind: 'initiative', scoreInputs: { value, effort }, rationale: R })).id;
      }
      ids.unscored = (await post(`/backlogs/${backlogId}/items`, { title: 'unscored', kind: 'story', rationale: R })).id;
      ledger.clock.advance(DAY);
      // pet (9) jumps to the top, over referrals (20), onboarding (10) and pricing (12): 20 and 12 beat 9 by > 20 %, 10 does not.
      pushEventId = (await post(`/items/${ids.pet}/reprioritize`, { toPosition: 1, trigger: 'stakeholder-request', rationale: R })).eventIds[0];
      ledger.clock.advance(DAY);
      // New evidence lifts pricing to 30 with the move: it passes onboarding (10), which it beats anyway.
      await post(`/items/${ids.pricing}/reprioritize`, { toPosition: 2, trigger: 'new-evidence', scoreInputs: { value: 30 }, rationale: R });
      ledger.clock.advance(DAY);
      beforeModelChange = ledger.clock.now().toISOString();
      ledger.clock.advance(DAY);
      await ledger.request('PUT', `/backlogs/${backlogId}/policy`, { token: leader, body: { policy: { scoringModel: 'rice' }, rationale: R } });
      await post(`/items/${ids.onboarding}/estimate`, { scoreInputs: { reach: 500, impact: 2, confidence: 0.5, effort: 5 }, rationale: R });
    });

    it('freezes the inputs and the score into every decision; the history shows the score at each decision', async () => {
      const history = await get(`/items/${ids.pet}/history`, auditor);
      expect(history.status).toBe(200);
      const [added, moved] = history.body.entries;
      expect(added).toMatchObject({ type: 'item.added', scoring: { model: 'value-effort', inputs: { value: 9, effort: 1 }, score: 9 }, scoreCheck: null });
      expect(moved).toMatchObject({
        eventId: pushEventId,
        trigger: 'stakeholder-request',
        scoring: { model: 'value-effort', score: 9 },
        scoreCheck: { scoreMargin: 0.2, count: 2, items: [{ itemId: ids.referrals, score: 20 }, { itemId: ids.pricing, score: 12 }] },
      });
      // The model changed to RICE later: the old decisions keep the scores they froze; the new one is under RICE.
      const onboarding = await get(`/items/${ids.onboarding}/history`, auditor);
      expect(onboarding.body.entries.map((e: { scoring: { model: string; score: number | null } }) => [e.scoring.model, e.scoring.score])).toEqual([
        ['value-effort', 10],
        ['rice', 100],
      ]);
    });

    it('GET /items/:id shows the inputs and the latest frozen score', async () => {
      const item = await get(`/items/${ids.pricing}`);
      expect(item.body).toMatchObject({ scoreInputs: { effort: 1, value: 30 }, scoring: { model: 'value-effort', inputs: { value: 30, effort: 1 }, score: 30 } });
    });

    it('the ranking shows scores now and as they stood ("as of")', async () => {
      const now = await get(`/backlogs/${backlogId}/items`);
      const byId = new Map(now.body.items.map((i: { id: string }) => [i.id, i]));
      expect(byId.get(ids.onboarding)).toMatchObject({ scoring: { model: 'rice', score: 100 } });
      expect(byId.get(ids.unscored)).toMatchObject({ scoring: { model: 'value-effort', inputs: {}, score: null } });
      const asOf = await get(`/backlogs/${backlogId}/items?at=${encodeURIComponent(beforeModelChange)}`);
      expect(asOf.body.items.map((i: { title: string; scoring: { score: number | null } }) => [i.title, i.scoring.score])).toEqual([
        ['pet', 9],
        ['pricing', 30],
        ['referrals', 20],
        ['onboarding', 10],
        ['unscored', null],
      ]);
    });

    it('reports the share against the score, by trigger and actor, with the items passed over, the weekly trend and the portfolio', async () => {
      const from = encodeURIComponent(new Date(ledger.clock.now().getTime() - 14 * DAY).toISOString());
      const res = await get(`/backlogs/${backlogId}/analytics/against-score?minPosition=${lastPosition}&from=${from}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ backlogId, reprioritizations: 2, judged: 2, against: 1, share: 0.5 });
      expect(res.body.byTrigger).toEqual([
        { trigger: 'stakeholder-request', reprioritizations: 1, judged: 1, against: 1, share: 1, shareOfJudged: 1 },
        { trigger: 'new-evidence', reprioritizations: 1, judged: 1, against: 0, share: 0, shareOfJudged: 0 },
      ]);
      expect(res.body.byActor).toEqual([{ actorId: 'lena', reprioritizations: 2, judged: 2, against: 1, share: 0.5, shareOfJudged: 0.5 }]);
      expect(res.body.decisions).toEqual([
        expect.objectContaining({
          eventId: pushEventId,
          itemId: ids.pet,
          title: 'pet',
          score: 9,
          passedOverCount: 2,
          passedOver: [
            { itemId: ids.referrals, title: 'referrals', score: 20 },
            { itemId: ids.pricing, title: 'pricing', score: 12 },
          ],
        }),
      ]);
      expect(res.body.trend).toHaveLength(2);
      expect(res.body.trend[1]).toMatchObject({ reprioritizations: 2, against: 1, share: 0.5 });
      const trend = await get(`/backlogs/${backlogId}/analytics/trend?metric=against-score&from=${from}`);
      expect(trend.body.points).toEqual(res.body.trend);
      const portfolio = await get('/analytics/portfolio');
      expect(portfolio.body.backlogs.find((b: { backlogId: string }) => b.backlogId === backlogId)).toMatchObject({
        againstScore: { reprioritizations: 2, judged: 2, against: 1, share: 0.5 },
      });
    });

    it('refuses bad scores and policies with problem+json, writing nothing', async () => {
      await expectNothingWritten(ledger, async () => {
        expectValidationError(await ledger.request('POST', `/items/${ids.pet}/estimate`, { token: leader, body: { scoreInputs: { value: 'high' }, rationale: R } }), 'scoreInputs.value');
        expectValidationError(await ledger.request('POST', `/items/${ids.pet}/estimate`, { token: leader, body: { scoreInputs: { votes: 3 }, rationale: R } }), 'scoreInputs.votes');
        expectValidationError(await ledger.request('POST', `/items/${ids.pet}/estimate`, { token: leader, body: { scoreInputs: { impact: 1.5 }, rationale: R } }), 'scoreInputs.impact');
        expectValidationError(await ledger.request('POST', `/items/${ids.pet}/estimate`, { token: leader, body: { scoreInputs: { confidence: 0 }, rationale: R } }), 'scoreInputs.confidence');
        expectValidationError(await ledger.request('POST', `/backlogs/${backlogId}/items`, { token: leader, body: { title: 'x', kind: 'story', scoreInputs: { effort: -1 }, rationale: R } }), 'scoreInputs.effort');
        expectValidationError(await ledger.request('POST', `/items/${ids.pet}/reprioritize`, { token: leader, body: { toPosition: 3, scoreInputs: [1], rationale: R } }), 'scoreInputs');
        expectProblem(await ledger.request('POST', `/items/${ids.pet}/estimate`, { token: leader, body: { rationale: R } }), 422, 'ITEM.ESTIMATE_REQUIRED');
        expectProblem(await ledger.request('POST', `/items/${ids.pricing}/estimate`, { token: leader, body: { scoreInputs: { value: 30 }, rationale: R } }), 409, 'ITEM.NO_CHANGE');
        expectValidationError(await ledger.request('PUT', `/backlogs/${backlogId}/policy`, { token: leader, body: { policy: { scoringModel: 'ice' }, rationale: R } }), 'policy.scoringModel');
        expectValidationError(await ledger.request('PUT', `/backlogs/${backlogId}/policy`, { token: leader, body: { policy: { scoreMargin: 11 }, rationale: R } }), 'policy.scoreMargin');
        expectValidationError(await ledger.request('PUT', `/backlogs/${backlogId}/policy`, { token: leader, body: { policy: { outcomeDueDays: 0 }, rationale: R } }), 'policy.outcomeDueDays');
        const owner = await ledger.token('product-owner', 'otto', [UNKNOWN_ID]);
        expectProblem(await get(`/backlogs/${backlogId}/analytics/against-score`, owner), 403, 'AUTH.BACKLOG_NOT_IN_SCOPE');
        expectProblem(await get(`/backlogs/${UNKNOWN_ID}/analytics/against-score`), 404, 'BACKLOG.NOT_FOUND');
        expectValidationError(await get(`/backlogs/${backlogId}/analytics/against-score?at=yesterday`), 'at');
        expectValidationError(await get(`/backlogs/${backlogId}/analytics/trend?metric=against`), 'metric');
      });
    });
  });

  describe('outcome calibration', () => {
    it('validated, refuted, overdue per decision-maker and month, next to the throughput; overdue items listed', async () => {
      const backlogId = (await post('/backlogs', { name: 'Activation', productGoal: 'Trial users become paying customers', policy: { outcomeDueDays: 30 } })).id;
      const objectiveId = (await post(`/backlogs/${backlogId}/objectives`, { title: 'Trial conversion', metric: 'trial → paid %', rationale: R })).objectiveId;
      const piet = await ledger.token('product-owner', 'piet', [backlogId]);
      const add = async (title: string, linked = true) => (await post(`/backlogs/${backlogId}/items`, { title, kind: 'hypothesis', ...(linked ? { objectiveId } : {}), rationale: R })).id;
      const [win, loss, silent, plain] = [await add('win'), await add('loss'), await add('silent'), await add('plain', false)];
      await post(`/items/${win}/reprioritize`, { toPosition: 4, rationale: R }, piet); // piet decided win (its last move)
      const start = ledger.clock.now().getTime();
      for (const id of [win, loss, silent, plain]) await post(`/items/${id}/deliver`, { rationale: R });
      ledger.clock.advance(10 * DAY);
      await post(`/items/${win}/outcomes`, { objectiveId, observedValue: '+3 pp', moved: true, rationale: R });
      await post(`/items/${loss}/outcomes`, { objectiveId, observedValue: '+0.1 pp', moved: false, rationale: R });
      ledger.clock.advance(25 * DAY); // silent is 35 days past delivery: overdue (30)
      const from = encodeURIComponent(new Date(start - DAY).toISOString());
      const res = await get(`/backlogs/${backlogId}/analytics/calibration?minPosition=${lastPosition}&from=${from}`);
      expect(res.status).toBe(200);
      expect(res.body.totals).toEqual({ delivered: 4, validated: 1, refuted: 1, unknown: 0, overdue: 1, noObjective: 1, validationRate: 0.5 });
      expect(res.body.byDecisionMaker).toEqual([
        { actorId: 'lena', delivered: 3, validated: 0, refuted: 1, unknown: 0, overdue: 1, noObjective: 1, validationRate: 0 },
        { actorId: 'piet', delivered: 1, validated: 1, refuted: 0, unknown: 0, overdue: 0, noObjective: 0, validationRate: 1 },
      ]);
      expect(res.body.byMonth.reduce((a: number, m: { delivered: number }) => a + m.delivered, 0)).toBe(4);
      expect(res.body.overdue).toEqual([expect.objectContaining({ itemId: silent, title: 'silent', status: 'overdue', daysSinceDelivery: 35, decisionMaker: 'lena' })]);
      expect(res.body.byBacklog[0]).toMatchObject({ backlogId, outcomeDueDays: 30 });
      // As of before the outcomes: both unknown.
      const earlier = encodeURIComponent(new Date(start + DAY).toISOString());
      expect((await get(`/backlogs/${backlogId}/analytics/calibration?at=${earlier}&from=${from}`)).body.totals).toMatchObject({ validated: 0, refuted: 0, unknown: 3 });
    });
  });

  describe('kill criteria that check themselves', () => {
    let backlogId: string;
    let forumId: string;
    let objectiveId: string;
    let owner: string;
    const scheduler = () => ledger.app.get(ForumScheduler);

    beforeAll(async () => {
      backlogId = (await post('/backlogs', { name: 'Search', productGoal: 'People find what they came for at once' })).id;
      owner = await ledger.token('product-owner', 'olga', [backlogId]);
      objectiveId = (await post(`/backlogs/${backlogId}/objectives`, { title: 'Search conversion', metric: 'search → purchase %', rationale: R })).objectiveId;
      forumId = (await post('/forums', { name: 'Search review', backlogIds: [backlogId], rule: { quorum: 1, reviewCadenceDays: 365 }, rationale: R })).id;
    });

    it('an outcome meeting the threshold nominates the item once, with the criteria and the evidence as the reason', async () => {
      const itemId = (await post(`/backlogs/${backlogId}/items`, { title: 'Visual search', kind: 'hypothesis', objectiveId, rationale: R }, owner)).id;
      const reviewBy = new Date(ledger.clock.now().getTime() + 60 * DAY).toISOString().slice(0, 10);
      const criteria = await post(`/items/${itemId}/kill-criteria`, { exitCondition: 'Conversion stays below 2 % by the review', reviewBy, threshold: { objectiveId, operator: '<', value: 2 }, rationale: R }, owner);
      await post(`/items/${itemId}/start`, { rationale: R }, owner);
      expect((await scheduler().tick()).criteriaBreached).toEqual([]);
      expect((await get(`/items/${itemId}`)).body.killCriteria).toMatchObject({ threshold: { objectiveId, operator: '<', value: 2 }, check: { status: 'watching', breach: null } });
      const outcome = await post(`/items/${itemId}/outcomes`, { objectiveId, observedValue: '1.4 %', moved: false, rationale: R }, owner);
      const report = await scheduler().tick();
      expect(report.criteriaBreached).toHaveLength(1);
      const proposalId = report.criteriaBreached[0];
      const proposal = await get(`/proposals/${proposalId}`);
      expect(proposal.body).toMatchObject({ forumId, itemId, status: 'open', nominatedAutomatically: true });
      expect(proposal.body.reason).toContain(`criteria set ${criteria.eventIds[0]}`);
      expect(proposal.body.reason).toContain('is < 2');
      expect(proposal.body.reason).toContain(`outcome ${outcome.eventIds[0]}`);
      expect(proposal.body.reason).toContain('"1.4 %" (1.4)');
      expect((await get(`/items/${itemId}`)).body.killCriteria.check).toMatchObject({ status: 'breached', breach: { kind: 'outcome-met' }, proposalId });
      // Exactly once: more passes, and a second meeting outcome, open nothing more.
      await post(`/items/${itemId}/outcomes`, { objectiveId, observedValue: '1.1 %', moved: false, rationale: R }, owner);
      expect((await scheduler().tick()).criteriaBreached).toEqual([]);
      expect((await scheduler().tick()).criteriaBreached).toEqual([]);
      expect((await get(`/items/${itemId}/history`, auditor)).body.proposals.map((p: { id: string }) => p.id)).toEqual([proposalId]);
    });

    it('the check date passing with no outcome nominates the item (not before)', async () => {
      const itemId = (await post(`/backlogs/${backlogId}/items`, { title: 'Voice search', kind: 'hypothesis', rationale: R }, owner)).id;
      const reviewBy = new Date(ledger.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
      await post(`/items/${itemId}/kill-criteria`, { exitCondition: 'No measured lift by the review date', reviewBy, threshold: { objectiveId, operator: '<=', value: 0 }, rationale: R }, owner);
      ledger.clock.set(`${reviewBy}T23:59:00.000Z`);
      expect((await scheduler().tick()).criteriaBreached).toEqual([]);
      ledger.clock.advance(2 * 60_000);
      const [proposalId] = (await scheduler().tick()).criteriaBreached;
      expect(proposalId).toBeDefined();
      expect((await get(`/proposals/${proposalId}`)).body.reason).toContain(`the check date ${reviewBy} passed with no outcome`);
    });

    it('refuses a bad threshold with problem+json, writing nothing', async () => {
      const itemId = (await post(`/backlogs/${backlogId}/items`, { title: 'Filters', kind: 'story', rationale: R }, owner)).id;
      const body = (threshold: unknown) => ({ exitCondition: 'No measured lift by the review date', reviewBy: '2099-01-01', threshold, rationale: R });
      await expectNothingWritten(ledger, async () => {
        expectValidationError(await ledger.request('POST', `/items/${itemId}/kill-criteria`, { token: owner, body: body({ objectiveId, operator: '≠', value: 2 }) }), 'threshold.operator');
        expectValidationError(await ledger.request('POST', `/items/${itemId}/kill-criteria`, { token: owner, body: body({ objectiveId, operator: '<', value: '2' }) }), 'threshold.value');
        expectValidationError(await ledger.request('POST', `/items/${itemId}/kill-criteria`, { token: owner, body: body({ objectiveId: 'nope', operator: '<', value: 2 }) }), 'threshold.objectiveId');
        expectProblem(await ledger.request('POST', `/items/${itemId}/kill-criteria`, { token: owner, body: body({ objectiveId: UNKNOWN_ID, operator: '<', value: 2 }) }), 404, 'BACKLOG.OBJECTIVE_NOT_FOUND');
      });
    });
  });

  describe('delegated votes', () => {
    let forumId: string;
    let itemId: string;
    const tokens: Record<string, string> = {};
    const until = () => new Date(ledger.clock.now().getTime() + 30 * DAY).toISOString();

    beforeAll(async () => {
      const backlogId = (await post('/backlogs', { name: 'Payments', productGoal: 'Every payment succeeds first time' })).id;
      itemId = (await post(`/backlogs/${backlogId}/items`, { title: 'Crypto checkout', kind: 'initiative', rationale: R })).id;
      forumId = (await post('/forums', { name: 'Payments review', backlogIds: [backlogId], rule: { quorum: 3, killThreshold: 0.5, votingPeriodDays: 5 }, rationale: R })).id;
      for (const m of ['ana', 'ben', 'cy', 'dee']) {
        await post(`/forums/${forumId}/members`, { memberId: m, rationale: `${m} owns payment outcomes` });
        tokens[m] = await ledger.token('forum-member', m);
      }
    });

    it('delegates, refuses chains and cycles, counts the delegate\'s vote unless the delegator votes, and records it all for auditors', async () => {
      const delegation = await post(`/forums/${forumId}/delegations`, { delegateId: 'ben', validUntil: until(), rationale: 'On leave for the next month' }, tokens.ana, 201);
      expect(delegation).toMatchObject({ id: forumId, delegationId: expect.any(String), eventIds: [expect.any(String)] });

      await expectNothingWritten(ledger, async () => {
        const ask = (by: string, to: string) =>
          ledger.request('POST', `/forums/${forumId}/delegations`, { token: tokens[by], body: { delegateId: to, validUntil: until(), rationale: 'Away at a conference' } });
        expectProblem(await ask('ben', 'ana'), 409, 'FORUM.DELEGATION_CYCLE');
        expectProblem(await ask('ben', 'cy'), 409, 'FORUM.DELEGATED_VOTE_CANNOT_PASS_ON');
        expectProblem(await ask('cy', 'ana'), 409, 'FORUM.DELEGATE_HAS_DELEGATED');
        expectProblem(await ask('ana', 'cy'), 409, 'FORUM.ALREADY_DELEGATED');
        expectProblem(await ask('cy', 'cy'), 422, 'FORUM.SELF_DELEGATION');
        expectProblem(await ask('cy', 'zed'), 409, 'FORUM.DELEGATE_NOT_A_MEMBER');
        expectProblem(
          await ledger.request('POST', `/forums/${forumId}/delegations`, { token: await ledger.token('forum-member', 'otto'), body: { delegateId: 'ben', validUntil: until(), rationale: 'Not even a member' } }),
          403,
          'FORUM.NOT_A_MEMBER',
        );
        const bad = (body: Record<string, unknown>) => ledger.request('POST', `/forums/${forumId}/delegations`, { token: tokens.cy, body: { delegateId: 'dee', rationale: 'Away at a conference', ...body } });
        expectValidationError(await bad({ validUntil: '2030-01-01T00:00:00' }), 'validUntil'); // no timezone
        expectValidationError(await bad({ validUntil: 'soon' }), 'validUntil');
        expectValidationError(await bad({}), 'validUntil');
        expectProblem(await bad({ validUntil: '2020-01-01T00:00:00Z' }), 422, 'FORUM.INVALID_DELEGATION_PERIOD');
        expectProblem(await bad({ validFrom: '2020-01-01T00:00:00Z', validUntil: until() }), 422, 'FORUM.INVALID_DELEGATION_PERIOD');
        expectProblem(await ledger.request('POST', `/forums/${UNKNOWN_ID}/delegations`, { token: tokens.cy, body: { delegateId: 'dee', validUntil: until(), rationale: 'Away at a conference' } }), 404, 'FORUM.NOT_FOUND');
        expectProblem(await ledger.request('POST', `/forums/${forumId}/delegations/${UNKNOWN_ID}/revoke`, { token: tokens.cy, body: { rationale: 'Back early from leave' } }), 404, 'FORUM.DELEGATION_NOT_FOUND');
        expectProblem(await ledger.request('POST', `/forums/${forumId}/delegations/${delegation.delegationId}/revoke`, { token: tokens.ben, body: { rationale: 'Not mine to revoke' } }), 403, 'DECISION.NOT_ALLOWED_FOR_ROLE');
      });

      const list = await get(`/forums/${forumId}/delegations`, tokens.cy);
      expect(list.status).toBe(200);
      expect(list.body.delegations).toEqual([expect.objectContaining({ delegationId: delegation.delegationId, delegatorId: 'ana', delegateId: 'ben', status: 'active', revokedAt: null })]);
      expect((await get(`/forums/${forumId}`, tokens.cy)).body.activeDelegations).toEqual([expect.objectContaining({ delegatorId: 'ana', delegateId: 'ben' })]);

      const proposalId = (await post(`/forums/${forumId}/proposals`, { itemId, reason: 'No merchant asked for it in a year' }, tokens.cy, 201)).id;
      const benVote = await post(`/proposals/${proposalId}/votes`, { choice: 'kill', reason: 'Zero usage in the pilot' }, tokens.ben);
      await post(`/proposals/${proposalId}/votes`, { choice: 'keep', reason: 'Compliance work is already done' }, tokens.cy);
      let view = (await get(`/proposals/${proposalId}`, auditor)).body;
      expect(view.tally).toMatchObject({ kill: 2, keep: 1, votesCast: 3, delegated: 1 });
      expect(view.outcomeIfClosedNow).toBe('kill');
      expect(view.votes.find((v: { eventId: string }) => v.eventId === benVote.eventIds[0])).toMatchObject({ memberId: 'ben', countsFor: ['ana'], forDelegators: ['ana'] });
      expect(view.delegatedVotes).toEqual([{ memberId: 'ana', delegateId: 'ben', delegationId: delegation.delegationId, choice: 'kill', voteEventId: benVote.eventIds[0] }]);

      // Ana votes herself, later: her own vote wins.
      await post(`/proposals/${proposalId}/votes`, { choice: 'keep', reason: 'Back early, I have seen the numbers' }, tokens.ana);
      view = (await get(`/proposals/${proposalId}`, auditor)).body;
      expect(view.tally).toMatchObject({ kill: 1, keep: 2, votesCast: 3, delegated: 0 });
      expect(view.delegatedVotes).toEqual([]);

      await post(`/forums/${forumId}/delegations/${delegation.delegationId}/revoke`, { rationale: 'Back from leave earlier than planned' }, tokens.ana);
      expect((await get(`/forums/${forumId}/delegations`, tokens.cy)).body.delegations[0]).toMatchObject({ status: 'revoked', revokedAt: ledger.clock.now().toISOString() });

      ledger.clock.advance(5 * DAY);
      const closed = await ledger.app.get(ForumScheduler).tick();
      expect(closed.closed).toContain(proposalId);
      expect((await get(`/proposals/${proposalId}`, auditor)).body).toMatchObject({ outcome: 'keep', tally: { keep: 2, kill: 1, delegated: 0 } });

      // Auditors see delegations and revocations in the audit log.
      const audit = await get(`/audit/events?type=forum.vote-delegated`, auditor);
      expect(audit.status).toBe(200);
      expect(audit.text).toContain(delegation.delegationId);
      expect((await get(`/audit/events?type=forum.delegation-revoked`, auditor)).text).toContain(delegation.delegationId);

      // Forum analytics count the delegations.
      ledger.clock.advance(1000);
      const stats = await get(`/forums/${forumId}/analytics?minPosition=${lastPosition}`, auditor);
      expect(stats.body).toMatchObject({ delegationsGranted: 1, delegationsRevoked: 1, activeDelegations: 0, delegatedVotes: 0 });
    });

    it('a delegated vote counts at the close when the delegator never votes', async () => {
      const backlogId = (await post('/backlogs', { name: 'Fraud', productGoal: 'No fraud reaches a merchant' })).id;
      const item = (await post(`/backlogs/${backlogId}/items`, { title: 'Manual review queue', kind: 'initiative', rationale: R })).id;
      const forum = (await post('/forums', { name: 'Fraud review', backlogIds: [backlogId], rule: { quorum: 3, killThreshold: 0.5, votingPeriodDays: 3 }, rationale: R })).id;
      for (const m of ['ana', 'ben', 'cy']) await post(`/forums/${forum}/members`, { memberId: m, rationale: `${m} reviews fraud cases` });
      await post(`/forums/${forum}/delegations`, { delegateId: 'ben', validUntil: until(), rationale: 'On leave for the next month' }, tokens.ana, 201);
      const proposalId = (await post(`/forums/${forum}/proposals`, { itemId: item, reason: 'The queue never had a case' }, tokens.cy, 201)).id;
      await post(`/proposals/${proposalId}/votes`, { choice: 'kill', reason: 'Never used since launch' }, tokens.ben);
      await post(`/proposals/${proposalId}/votes`, { choice: 'keep', reason: 'It is our safety net' }, tokens.cy);
      ledger.clock.advance(3 * DAY);
      await ledger.app.get(ForumScheduler).tick();
      const view = (await get(`/proposals/${proposalId}`, auditor)).body;
      expect(view).toMatchObject({ outcome: 'kill', tally: { kill: 2, keep: 1, votesCast: 3, delegated: 1 } });
      expect(view.delegatedVotes).toEqual([expect.objectContaining({ memberId: 'ana', delegateId: 'ben', choice: 'kill' })]);
      expect((await get(`/items/${item}`, auditor)).body.status).toBe('killed');
    });
  });
});
