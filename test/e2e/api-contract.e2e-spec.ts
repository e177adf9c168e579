import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '@ledger/kernel';
import { loadConfig } from '../../apps/api/src/config/config';
import { generateDemo } from '../../apps/api/src/import/demo-generator';
import { openImporter } from '../../apps/api/src/import/importer';
import { ForumScheduler } from '../../apps/api/src/forums/forum-scheduler';
import { CSV_COLUMNS } from '../../apps/api/src/audit/export-events/export-format';
import { JsonLogger } from '../../apps/api/src/shared/json-logger';
import { eventually, startReceiver, type Receiver } from '../../apps/api/src/webhooks/testing/receiver';
import { startLedger, TEST_SECRET, type Ledger, type Reply } from '../support/ledger';
import { ResponseContract } from '../support/openapi-conformance';
import { RATIONALE } from '../support/fixtures';

const DAY = 86_400_000;
const q = (v: string) => encodeURIComponent(v);

/**
 * The OpenAPI document is a contract for responses too: every GET the document lists is called on a realistic
 * history (the demo generator's, plus forums, proposals, webhooks and escalations over HTTP) and every 2xx body
 * must validate against its documented schema — closed objects, so a member the schema does not list fails too.
 */
const METRICS_TOKEN = 'contract-metrics-token-0123456789';

describe('responses conform to the OpenAPI document (demo history, every GET operation)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-contract-e2e-'));
  let ledger: Ledger;
  let receiver: Receiver;
  let contract: ResponseContract;
  let admin: string;
  const exercised = new Set<string>();
  const failures: string[] = [];
  let validated = 0;
  const ids = { backlogs: [] as string[], items: [] as string[], forum: '', proposals: [] as string[], webhook: '' };
  /** Decision quality (issue 14): a scored backlog, its forum with a delegation, and what they reach. */
  const dq = { backlog: '', forum: '', pushed: '', pushEvent: '', criteriaItem: '', criteriaProposal: '', delegation: '' };

  /** Sends a request, checks its answer against the document and remembers which operation it exercised. */
  async function call(method: string, template: string, url: string, opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    // token: null sends none (public operations).
    const res = await ledger.request(method, url, { token: opts.token === null ? undefined : (opts.token ?? admin), body: opts.body, headers: opts.headers });
    exercised.add(`${method} ${template}`);
    if (res.status >= 300) {
      failures.push(`${method} ${url}: ${res.status} ${res.text.slice(0, 300)}`);
      return res;
    }
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    if (mediaType === 'application/json') validated++;
    if (mediaType === 'application/json') failures.push(...contract.errors(method, template, res.status, res.body).map((e) => `${url}: ${e}`));
    return res;
  }

  beforeAll(async () => {
    // 1. Eight months of demo history, imported as `npm run ledger -- demo` does.
    const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' });
    const demo = generateDemo({ backlogs: 2, months: 8, seed: 11, end: '2026-11-01' });
    const file = join(dataDir, 'demo.ndjson');
    writeFileSync(file, demo.lines.join('\n') + '\n');
    // One clock for the import and the API: events are recorded at the ledger's time, never the machine's (a record
    // time after the ledger's now would put an outcome in the kill-criteria check's future).
    const clock = new FixedClock(new Date('2026-11-02T09:00:00.000Z'));
    const { importer, close } = await openImporter(config, { logger: new JsonLogger('silent'), clock });
    try {
      expect((await importer.importFile(file)).rejectedLines).toEqual([]);
    } finally {
      await close();
    }

    ledger = await startLedger({
      dataDir,
      clock,
      env: { LEDGER_FORUM_TICK_MS: '0', LEDGER_WEBHOOKS_ALLOW_INSECURE: 'true', LEDGER_READ_WAIT_MS: '30000', LEDGER_METRICS_TOKEN: METRICS_TOKEN },
    });
    admin = await ledger.token('admin', 'ada');
    receiver = await startReceiver();
    const doc = await ledger.request('GET', '/docs-json');
    contract = new ResponseContract(doc.body);

    // 2. What the demo has not: a forum with members, proposals (one closed by the scheduler), a webhook with deliveries,
    //    and an escalation overturned over HTTP.
    const backlogs = await call('GET', '/backlogs', '/backlogs');
    ids.backlogs = backlogs.body.backlogs.map((b: { id: string }) => b.id);
    const [b1] = ids.backlogs;
    const ranked = (await call('GET', '/backlogs/{backlogId}/items', `/backlogs/${b1}/items`)).body.items.map((i: { id: string }) => i.id);
    const hook = await call('POST', '/webhooks', '/webhooks', { body: { url: receiver.url, events: ['item.killed', 'item.escalated', 'item.escalation-resolved'] } });
    ids.webhook = hook.body.id;
    ids.forum = (
      await call('POST', '/forums', '/forums', {
        body: { name: 'Quarterly kill review', backlogIds: [b1], rule: { quorum: 2, votingPeriodDays: 3 }, rationale: RATIONALE },
      })
    ).body.id;
    for (const m of ['mia', 'max']) {
      await call('POST', '/forums/{forumId}/members', `/forums/${ids.forum}/members`, { body: { memberId: m, rationale: `${m} reviews this backlog` } });
    }
    const mia = await ledger.token('forum-member', 'mia');
    const max = await ledger.token('forum-member', 'max');
    for (const [i, itemId] of ranked.slice(0, 2).entries()) {
      const p = await call('POST', '/forums/{forumId}/proposals', `/forums/${ids.forum}/proposals`, {
        token: mia,
        body: { itemId, reason: 'Nobody has asked about it since the spring.' },
      });
      ids.proposals.push(p.body.id);
      await call('POST', '/proposals/{proposalId}/votes', `/proposals/${p.body.id}/votes`, { token: mia, body: { choice: 'kill', reason: 'No usage in the pilot at all' } });
      if (i === 0) await call('POST', '/proposals/{proposalId}/votes', `/proposals/${p.body.id}/votes`, { token: max, body: { choice: 'kill', reason: 'The cost outweighs it clearly' } });
    }
    await call('POST', '/proposals/{proposalId}/extend', `/proposals/${ids.proposals[1]}/extend`, { body: { days: 7, reason: 'Max is away until next week.' } });
    ledger.clock.advance(4 * DAY);
    await ledger.app.get(ForumScheduler).tick(); // closes the first proposal (kill) and kills its item via the forum

    const sam = await ledger.token('stakeholder', 'sam.sales');
    const moved = ranked[3];
    const move = await call('POST', '/items/{itemId}/reprioritize', `/items/${moved}/reprioritize`, { body: { toPosition: 1, rationale: RATIONALE } });
    const escalation = await call('POST', '/items/{itemId}/escalations', `/items/${moved}/escalations`, {
      token: sam,
      body: { againstEventId: move.body.eventIds[0], wanted: 'Keep it where it was ranked before', reason: 'The renewal we promised depends on the old order.' },
    });
    await call('POST', '/items/{itemId}/escalations/{escalationId}/resolve', `/items/${moved}/escalations/${escalation.body.escalationId}/resolve`, {
      body: { outcome: 'overturned', rationale: 'The renewal is worth more than the move.' },
    });
    await eventually(() => receiver.received.length >= 3, 15_000, 'webhook deliveries');

    // Decision quality: a backlog scored with value/effort and an outcome due after a day; a move against the score and
    // a model change; kill criteria with a threshold that an outcome meets (the scheduler nominates the item); a
    // delivered item with its outcome and one overdue; a forum where mia's vote is delegated to max, who votes.
    dq.backlog = (
      await call('POST', '/backlogs', '/backlogs', {
        body: { name: 'Scored growth', productGoal: 'New users reach value in their first week', policy: { scoringModel: 'value-effort', scoreMargin: 0.2, outcomeDueDays: 1 } },
      })
    ).body.id;
    ids.backlogs.push(dq.backlog);
    const objectiveId = (
      await call('POST', '/backlogs/{backlogId}/objectives', `/backlogs/${dq.backlog}/objectives`, { body: { title: 'Week-one activation', metric: 'activated %', rationale: RATIONALE } })
    ).body.objectiveId;
    const addScored = async (title: string, value: number, effort: number, linked = false) =>
      (
        await call('POST', '/backlogs/{backlogId}/items', `/backlogs/${dq.backlog}/items`, {
          body: { title, kind: 'hypothesis', scoreInputs: { value, effort }, ...(linked ? { objectiveId } : {}), rationale: RATIONALE },
        })
      ).body.id as string;
    await addScored('Referrals', 40, 2);
    const validated = await addScored('Guided setup', 30, 3, true);
    const overdue = await addScored('Templates', 12, 1, true);
    dq.criteriaItem = await addScored('Visual search', 8, 1, true);
    dq.pushed = await addScored('Pet project', 9, 1);
    dq.pushEvent = (
      await call('POST', '/items/{itemId}/reprioritize', `/items/${dq.pushed}/reprioritize`, { body: { toPosition: 1, trigger: 'stakeholder-request', rationale: RATIONALE } })
    ).body.eventIds[0];
    await call('POST', '/items/{itemId}/estimate', `/items/${validated}/estimate`, { body: { scoreInputs: { value: 33 }, rationale: RATIONALE } });
    for (const item of [validated, overdue]) {
      await call('POST', '/items/{itemId}/start', `/items/${item}/start`, { body: { rationale: RATIONALE } });
      await call('POST', '/items/{itemId}/deliver', `/items/${item}/deliver`, { body: { rationale: RATIONALE } });
    }
    await call('POST', '/items/{itemId}/outcomes', `/items/${validated}/outcomes`, { body: { objectiveId, observedValue: '+4 pp', moved: true, rationale: RATIONALE } });
    dq.forum = (
      await call('POST', '/forums', '/forums', { body: { name: 'Growth review', backlogIds: [dq.backlog], rule: { quorum: 2, votingPeriodDays: 5 }, rationale: RATIONALE } })
    ).body.id;
    for (const m of ['mia', 'max']) {
      await call('POST', '/forums/{forumId}/members', `/forums/${dq.forum}/members`, { body: { memberId: m, rationale: `${m} reviews growth bets` } });
    }
    dq.delegation = (
      await call('POST', '/forums/{forumId}/delegations', `/forums/${dq.forum}/delegations`, {
        token: mia,
        body: { delegateId: 'max', validUntil: new Date(ledger.clock.now().getTime() + 60 * DAY).toISOString(), rationale: 'On parental leave this quarter' },
      })
    ).body.delegationId;
    await call('POST', '/items/{itemId}/kill-criteria', `/items/${dq.criteriaItem}/kill-criteria`, {
      body: {
        exitCondition: 'Activation stays below 2 % by the review',
        reviewBy: new Date(ledger.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10),
        threshold: { objectiveId, operator: '<', value: 2 },
        rationale: RATIONALE,
      },
    });
    await call('POST', '/items/{itemId}/start', `/items/${dq.criteriaItem}/start`, { body: { rationale: RATIONALE } });
    await call('POST', '/items/{itemId}/outcomes', `/items/${dq.criteriaItem}/outcomes`, { body: { objectiveId, observedValue: '1.4 %', moved: false, rationale: RATIONALE } });
    await ledger.app.get(ForumScheduler).tick(); // the threshold is met: one proposal for the criteria
    dq.criteriaProposal = (await ledger.request('GET', `/items/${dq.criteriaItem}`, { token: admin })).body.killCriteria.check.proposalId;
    await call('POST', '/proposals/{proposalId}/votes', `/proposals/${dq.criteriaProposal}/votes`, { token: max, body: { choice: 'kill', reason: 'The threshold says it, and mia agreed' } });
    ledger.clock.advance(2 * DAY); // the delivered item without an outcome is overdue (outcomeDueDays 1)

    // 3. Every read model and analytics caught up with the last write.
    await eventually(
      async () => {
        const h = (await ledger.request('GET', '/health')).body;
        return h.readModel.lagEvents === 0 && h.analytics.lagEvents === 0 && h.webhooks.lagEvents === 0;
      },
      120_000,
      'read models and analytics caught up',
    );
    const exported = await ledger.request('GET', '/audit/events?type=item.added&limit=10000', { token: admin });
    ids.items = exported.text.trim().split('\n').map((l) => JSON.parse(l).data.itemId as string);
  }, 300_000);

  afterAll(async () => {
    await ledger?.close();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every GET answers 2xx bodies that validate against their documented schema', async () => {
    const [b1, b2] = ids.backlogs;
    const from = q(new Date(ledger.clock.now().getTime() - 300 * DAY).toISOString());
    await call('GET', '/health', '/health');
    await call('GET', '/health/live', '/health/live', { token: null });
    await call('GET', '/health/ready', '/health/ready', { token: null });
    const metrics = await call('GET', '/metrics', '/metrics', { token: METRICS_TOKEN });
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    await call('GET', '/backlogs', '/backlogs');
    for (const b of ids.backlogs) {
      await call('GET', '/backlogs/{backlogId}', `/backlogs/${b}`);
      await call('GET', '/backlogs/{backlogId}/items', `/backlogs/${b}/items?limit=10000`);
      await call('GET', '/backlogs/{backlogId}/items', `/backlogs/${b}/items?at=2026-06-01`);
      await call('GET', '/backlogs/{backlogId}/analytics/zombies', `/backlogs/${b}/analytics/zombies`);
      await call('GET', '/backlogs/{backlogId}/analytics/reversals', `/backlogs/${b}/analytics/reversals?from=${from}`);
      await call('GET', '/backlogs/{backlogId}/analytics/influence', `/backlogs/${b}/analytics/influence?from=${from}`);
      await call('GET', '/backlogs/{backlogId}/analytics/health', `/backlogs/${b}/analytics/health?from=${from}`);
      await call('GET', '/backlogs/{backlogId}/analytics/against-score', `/backlogs/${b}/analytics/against-score?from=${from}`);
      await call('GET', '/backlogs/{backlogId}/analytics/calibration', `/backlogs/${b}/analytics/calibration?from=${from}`);
      for (const metric of ['zombies', 'reversal-rate', 'size-in-sprints', 'against-score']) {
        await call('GET', '/backlogs/{backlogId}/analytics/trend', `/backlogs/${b}/analytics/trend?metric=${metric}&from=${from}`);
      }
    }
    await call('GET', '/analytics/portfolio', `/analytics/portfolio?from=${from}`);
    for (const item of ids.items) {
      await call('GET', '/items/{itemId}', `/items/${item}`);
      await call('GET', '/items/{itemId}/history', `/items/${item}/history`);
    }
    await call('GET', '/escalations', '/escalations?limit=200');
    for (const status of ['open', 'upheld', 'overturned']) await call('GET', '/escalations', `/escalations?status=${status}&backlogId=${b2}`);
    await call('GET', '/escalations', '/escalations', { token: await ledger.token('stakeholder', 'sam.sales') });
    await call('GET', '/forums', '/forums');
    for (const forum of [ids.forum, dq.forum]) {
      await call('GET', '/forums/{forumId}', `/forums/${forum}`);
      await call('GET', '/forums/{forumId}/analytics', `/forums/${forum}/analytics?from=${from}`);
      await call('GET', '/forums/{forumId}/delegations', `/forums/${forum}/delegations`);
    }
    await call('GET', '/proposals', '/proposals');
    for (const p of [...ids.proposals, dq.criteriaProposal]) await call('GET', '/proposals/{proposalId}', `/proposals/${p}`);
    await call('GET', '/webhooks', '/webhooks');
    await call('GET', '/webhooks/{webhookId}', `/webhooks/${ids.webhook}`);
    await call('GET', '/webhooks/{webhookId}/deliveries', `/webhooks/${ids.webhook}/deliveries`);
    await call('GET', '/audit/verify', '/audit/verify');
    // Sign-in: an invitation redeemed gives a live session for the lists.
    await call('GET', '/auth/config', '/auth/config', { token: null });
    await call('GET', '/me', '/me');
    const invitation = await call('POST', '/invitations', '/invitations', { body: { name: 'Audrey Auditor', role: 'auditor' } });
    await call('POST', '/auth/sign-in', '/auth/sign-in', { token: null, body: { token: invitation.body.token } });
    await call('GET', '/invitations', '/invitations');
    await call('GET', '/sessions', '/sessions');

    // The export: NDJSON lines are AuditEventDto; CSV starts with the documented columns.
    const ndjson = await call('GET', '/audit/events', '/audit/events?limit=10000');
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = ndjson.text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(500);
    for (const line of lines) failures.push(...contract.componentErrors('AuditEventDto', JSON.parse(line)));
    const csv = await call('GET', '/audit/events', '/audit/events?limit=5', { headers: { accept: 'text/csv' } });
    expect(csv.text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));

    expect(failures).toEqual([]);
    expect(validated).toBeGreaterThan(2 * ids.items.length); // every item and its history, and the rest
    // The decision-quality data reached the fields the document declares (so the check above covered them).
    const get = async (url: string) => (await ledger.request('GET', url, { token: admin })).body;
    expect((await get(`/items/${dq.pushed}/history`)).entries[1]).toMatchObject({ eventId: dq.pushEvent, scoring: { score: 9 }, scoreCheck: { count: 2 } });
    expect(await get(`/items/${dq.criteriaItem}`)).toMatchObject({
      scoreInputs: { value: 8, effort: 1 },
      scoring: { model: 'value-effort', score: 8 },
      killCriteria: { threshold: { operator: '<', value: 2 }, check: { status: 'breached', breach: { kind: 'outcome-met', outcome: { observed: 1.4 } }, proposalId: dq.criteriaProposal } },
    });
    expect((await get(`/backlogs/${dq.backlog}/items`)).items[0]).toMatchObject({ id: dq.pushed, scoring: { score: 9 } });
    expect(await get(`/backlogs/${dq.backlog}/analytics/against-score?from=${from}`)).toMatchObject({ reprioritizations: 1, judged: 1, against: 1 });
    expect(await get(`/backlogs/${dq.backlog}/analytics/calibration?from=${from}`)).toMatchObject({ totals: { delivered: 2, validated: 1, overdue: 1 } });
    expect((await get(`/analytics/portfolio?from=${from}`)).backlogs.find((r: { backlogId: string }) => r.backlogId === dq.backlog)).toMatchObject({
      againstScore: { reprioritizations: 1, against: 1 },
    });
    const proposal = await get(`/proposals/${dq.criteriaProposal}`);
    expect(proposal.tally).toMatchObject({ kill: 2, votesCast: 2, delegated: 1 });
    expect(proposal.delegatedVotes).toEqual([expect.objectContaining({ memberId: 'mia', delegateId: 'max', delegationId: dq.delegation })]);
    expect(proposal.votes[0]).toMatchObject({ memberId: 'max', countsFor: ['mia'], forDelegators: ['mia'] });
    expect((await get(`/forums/${dq.forum}`)).activeDelegations).toEqual([expect.objectContaining({ delegationId: dq.delegation, delegatorId: 'mia' })]);
    expect((await get(`/forums/${dq.forum}/delegations`)).delegations).toEqual([expect.objectContaining({ delegationId: dq.delegation, status: 'active' })]);
    expect(await get(`/forums/${dq.forum}/analytics?from=${from}`)).toMatchObject({ delegationsGranted: 1, activeDelegations: 1 });
    // New GET operations must be added above.
    expect(contract.getOperations().filter((op) => !exercised.has(op))).toEqual([]);
  }, 300_000);

  it('the check has teeth: a body with a member the schema does not list, or a wrong type, is refused', () => {
    const body = { status: 'ok', eventStore: { headPosition: 1 }, readModel: { position: 1, lagEvents: 0 }, forums: { position: 1, lagEvents: 0 }, webhooks: null };
    const analytics = { position: 1, lagEvents: 0, lagSeconds: 0, state: 'running' };
    expect(contract.errors('GET', '/health', 200, { ...body, analytics })).toEqual([]);
    expect(contract.errors('GET', '/health', 200, { ...body, analytics, extra: 1 }).join()).toContain('must NOT have additional properties');
    expect(contract.errors('GET', '/health', 200, { ...body, analytics: { ...analytics, lagEvents: 'none' } }).join()).toContain('must be integer');
    expect(contract.errors('GET', '/health', 200, { ...body, analytics: { ...analytics, state: 'asleep' } }).join()).toContain('must be equal to one of the allowed values');
  });
});
