import { FixedClock, uuidV5 } from '@ledger/kernel';
import { SqliteEventStore } from '@ledger/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForumScheduler } from '../../apps/api/src/forums/forum-scheduler';
import { UNKNOWN_ID, expectNothingWritten, expectProblem, expectValidationError } from '../support/fixtures';
import { sqliteEventsFile, startLedger, type Ledger } from '../support/ledger';

const R = 'Decided in the quarterly portfolio review.';
const DAY = 86_400_000;
const NO_TIMER = { LEDGER_FORUM_TICK_MS: '0', LEDGER_READ_WAIT_MS: '20000' };

/** A backlog with items, a forum over it with three members, and their tokens. */
async function world(ledger: Ledger, o: { items?: number; rule?: Record<string, unknown> } = {}) {
  const leader = await ledger.token('product-leader', 'lena');
  const admin = await ledger.token('admin', 'ada');
  const auditor = await ledger.token('auditor', 'audrey');
  const post = async (path: string, body: unknown, token = leader) => {
    const res = await ledger.request('POST', path, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const backlogId = (await post('/backlogs', { name: 'Checkout', productGoal: 'Fastest checkout in retail' })).id as string;
  const owner = await ledger.token('product-owner', 'olga', [backlogId]);
  const items: string[] = [];
  for (let i = 0; i < (o.items ?? 6); i++) {
    items.push((await post(`/backlogs/${backlogId}/items`, { title: `Item ${i}`, kind: 'initiative', rationale: R }, owner)).id);
  }
  const forum = await ledger.request('POST', '/forums', {
    token: leader,
    body: {
      name: 'Checkout kill review',
      backlogIds: [backlogId],
      rule: { quorum: 2, killThreshold: 0.5, votingPeriodDays: 7, reviewCadenceDays: 14, onNoQuorum: 'reopen-next-cadence', ...o.rule },
      rationale: R,
    },
  });
  expect(forum.status).toBe(201);
  const forumId = forum.body.id as string;
  const members: Record<string, string> = {};
  for (const m of ['mia', 'max', 'mo']) {
    await post(`/forums/${forumId}/members`, { memberId: m, rationale: `${m} runs the checkout experiments` });
    members[m] = await ledger.token('forum-member', m);
  }
  const outsider = await ledger.token('forum-member', 'otto');
  return { leader, admin, auditor, owner, backlogId, items, forumId, members, outsider, post };
}

type World = Awaited<ReturnType<typeof world>>;

const openProposal = (ledger: Ledger, w: World, itemId: string, token = w.members.mia) =>
  ledger.request('POST', `/forums/${w.forumId}/proposals`, { token, body: { itemId, reason: 'Nobody has asked for it in a year' } });

const vote = (ledger: Ledger, proposalId: string, token: string, choice: string, reason = `I vote ${choice}: the data says so`) =>
  ledger.request('POST', `/proposals/${proposalId}/votes`, { token, body: { choice, reason } });

async function streamEvents(ledger: Ledger, streamId: string) {
  const store = SqliteEventStore.open({ file: sqliteEventsFile(ledger.config) });
  try {
    return await store.readStream(streamId);
  } finally {
    await store.close();
  }
}

describe('review forums and kill proposals (controlled clock)', () => {
  let ledger: Ledger;
  let w: World;
  let scheduler: ForumScheduler;

  beforeAll(async () => {
    ledger = await startLedger({ env: NO_TIMER });
    scheduler = ledger.app.get(ForumScheduler);
    await scheduler.started;
    w = await world(ledger, { items: 12 });
  });
  afterAll(() => ledger.close());

  it('shows the forum with its rule, members and next cadence point', async () => {
    const res = await ledger.request('GET', `/forums/${w.forumId}`, { token: w.members.mia });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: w.forumId,
      backlogIds: [w.backlogId],
      members: ['mia', 'max', 'mo'],
      rule: { quorum: 2, killThreshold: 0.5, votingPeriodDays: 7, reviewCadenceDays: 14, onNoQuorum: 'reopen-next-cadence' },
    });
    expect(Date.parse(res.body.nextCadenceAt) - ledger.clock.now().getTime()).toBe(14 * DAY);
    expect(res.headers.get('etag')).toBe('"3"');
  });

  it('open → votes → deadline → the item is killed via the forum, with the tally; auditors see every vote', async () => {
    const itemId = w.items[0];
    const opened = await openProposal(ledger, w, itemId);
    expect(opened.status).toBe(201);
    const proposalId = opened.body.id;
    expect(opened.headers.get('location')).toBe(`/proposals/${proposalId}`);
    expect(opened.body.position).toBeGreaterThan(0);

    expect((await vote(ledger, proposalId, w.members.mia, 'keep')).status).toBe(200);
    expect((await vote(ledger, proposalId, w.members.mia, 'kill', 'Changed my mind after the usage data')).status).toBe(200);
    expect((await vote(ledger, proposalId, w.members.max, 'kill')).status).toBe(200);
    expect((await vote(ledger, proposalId, w.members.mo, 'keep')).status).toBe(200);

    const during = await ledger.request('GET', `/proposals/${proposalId}`, { token: w.auditor });
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({ status: 'open', tally: { kill: 2, keep: 1, abstain: 0, votesCast: 3, members: 3 }, outcomeIfClosedNow: 'kill' });
    expect(during.body.votes).toHaveLength(4);
    expect(during.body.votes[0]).toMatchObject({ memberId: 'mia', choice: 'keep', latest: false, counts: false });

    // Nothing closes before the deadline.
    ledger.clock.advance(7 * DAY - 1000);
    expect((await scheduler.tick()).closed).not.toContain(proposalId);
    ledger.clock.advance(1000);
    const report = await scheduler.tick();
    expect(report.closed).toContain(proposalId);
    expect(report.killed).toContain(proposalId);

    const after = await ledger.request('GET', `/proposals/${proposalId}`, { token: w.auditor });
    expect(after.body).toMatchObject({ status: 'closed', outcome: 'kill', tally: { kill: 2, keep: 1, abstain: 0, votesCast: 3, members: 3 }, followUp: null });
    const closed = after.body.history.find((h: { type: string }) => h.type === 'proposal.closed');
    expect(closed.actor).toEqual({ id: `forum:${w.forumId}`, role: 'system' });

    const item = await ledger.request('GET', `/items/${itemId}`, { token: w.owner });
    expect(item.body.status).toBe('killed');
    const history = await ledger.request('GET', `/items/${itemId}/history`, { token: w.auditor });
    const kill = history.body.entries.find((e: { decision: string }) => e.decision === 'killed');
    expect(kill.actor).toEqual({ id: `forum:${w.forumId}`, role: 'system' });
    expect(kill.data).toMatchObject({ via: 'forum', proposalId, decidedBy: `forum:${w.forumId}` });
    expect(kill.rationale).toContain('kill 2, keep 1, abstain 0');
    expect(kill.correlationId).toBe(proposalId);
    expect(kill.causationId).toBe(closed.eventId);
    // The item's history shows the proposal and every vote with its reason.
    expect(history.body.proposals).toHaveLength(1);
    expect(history.body.proposals[0]).toMatchObject({ id: proposalId, outcome: 'kill', reason: 'Nobody has asked for it in a year' });
    expect(history.body.proposals[0].votes.map((v: { memberId: string; choice: string; reason: string }) => [v.memberId, v.choice, v.reason])).toEqual([
      ['mia', 'keep', 'I vote keep: the data says so'],
      ['mia', 'kill', 'Changed my mind after the usage data'],
      ['max', 'kill', 'I vote kill: the data says so'],
      ['mo', 'keep', 'I vote keep: the data says so'],
    ]);

    // No vote after the deadline, and the closer running again changes nothing.
    expectProblem(await vote(ledger, proposalId, w.members.mo, 'kill'), 409, 'PROPOSAL.VOTING_CLOSED');
    const again = await scheduler.tick();
    expect(again.closed).toEqual([]);
    expect(again.killed).toEqual([]);
    const itemEvents = await streamEvents(ledger, `item-${itemId}`);
    expect(itemEvents.filter((e) => e.type === 'item.killed')).toHaveLength(1);
  });

  it('keep: the item stays', async () => {
    const itemId = w.items[1];
    const proposalId = (await openProposal(ledger, w, itemId)).body.id;
    await vote(ledger, proposalId, w.members.mia, 'kill');
    await vote(ledger, proposalId, w.members.max, 'keep');
    await vote(ledger, proposalId, w.members.mo, 'keep');
    ledger.clock.advance(7 * DAY);
    await scheduler.tick();
    const p = await ledger.request('GET', `/proposals/${proposalId}`, { token: w.leader });
    expect(p.body).toMatchObject({ status: 'closed', outcome: 'keep', tally: { kill: 1, keep: 2, abstain: 0, votesCast: 3 } });
    expect((await ledger.request('GET', `/items/${itemId}`, { token: w.owner })).body.status).toBe('open');
  });

  it('no-quorum: closes with the follow-up of the rule and the item stays', async () => {
    const itemId = w.items[2];
    const proposalId = (await openProposal(ledger, w, itemId)).body.id;
    await vote(ledger, proposalId, w.members.mia, 'kill');
    ledger.clock.advance(7 * DAY);
    await scheduler.tick();
    const p = await ledger.request('GET', `/proposals/${proposalId}`, { token: w.leader });
    expect(p.body).toMatchObject({ status: 'closed', outcome: 'no-quorum', followUp: 'reopen-next-cadence', tally: { kill: 1, votesCast: 1 } });
    expect((await ledger.request('GET', `/items/${itemId}`, { token: w.owner })).body.status).toBe('open');
  });

  it('withdrawal: recorded with its reason; never closed; the item can get a new proposal', async () => {
    const itemId = w.items[3];
    const proposalId = (await openProposal(ledger, w, itemId)).body.id;
    expectProblem(
      await ledger.request('POST', `/proposals/${proposalId}/withdraw`, { token: w.members.max, body: { reason: 'I do not like this one' } }),
      403,
      'PROPOSAL.NOT_ENTITLED',
    );
    const res = await ledger.request('POST', `/proposals/${proposalId}/withdraw`, { token: w.members.mia, body: { reason: 'The owner showed a delivery plan' } });
    expect(res.status).toBe(200);
    ledger.clock.advance(8 * DAY);
    expect((await scheduler.tick()).closed).not.toContain(proposalId);
    const p = await ledger.request('GET', `/proposals/${proposalId}`, { token: w.leader });
    expect(p.body.status).toBe('withdrawn');
    expectProblem(await vote(ledger, proposalId, w.members.mo, 'kill'), 409, 'PROPOSAL.NOT_OPEN');
    expect((await openProposal(ledger, w, itemId)).status).toBe(201);
  });

  it('extension: once, with a reason; then refused; the proposal closes at the new deadline', async () => {
    const itemId = w.items[4];
    const proposalId = (await openProposal(ledger, w, itemId)).body.id;
    const closesAt = (await ledger.request('GET', `/proposals/${proposalId}`, { token: w.leader })).body.closesAt;
    expectProblem(
      await ledger.request('POST', `/proposals/${proposalId}/extend`, { token: w.members.mia, body: { days: 3, reason: 'Half the forum is on holiday' } }),
      403,
      'PROPOSAL.NOT_ENTITLED',
    );
    expectProblem(
      await ledger.request('POST', `/proposals/${proposalId}/extend`, { token: w.leader, body: { days: 3, reason: '' } }),
      400,
      'VALIDATION.FAILED',
    );
    const ok = await ledger.request('POST', `/proposals/${proposalId}/extend`, { token: w.leader, body: { days: 3, reason: 'Half the forum is on holiday' } });
    expect(ok.status).toBe(200);
    expectProblem(
      await ledger.request('POST', `/proposals/${proposalId}/extend`, { token: w.leader, body: { days: 3, reason: 'Still on holiday, sorry' } }),
      409,
      'PROPOSAL.ALREADY_EXTENDED',
    );
    const p = (await ledger.request('GET', `/proposals/${proposalId}`, { token: w.leader })).body;
    expect(Date.parse(p.closesAt) - Date.parse(closesAt)).toBe(3 * DAY);
    const ext = p.history.find((h: { type: string }) => h.type === 'proposal.deadline-extended');
    expect(ext.data).toMatchObject({ previousClosesAt: closesAt, reason: 'Half the forum is on holiday' });

    ledger.clock.advance(8 * DAY); // past the original deadline, before the new one
    expect((await scheduler.tick()).closed).not.toContain(proposalId);
    expect((await vote(ledger, proposalId, w.members.max, 'keep')).status).toBe(200);
    await vote(ledger, proposalId, w.members.mo, 'keep');
    ledger.clock.advance(2 * DAY);
    expect((await scheduler.tick()).closed).toContain(proposalId);
    expect((await ledger.request('GET', `/proposals/${proposalId}`, { token: w.leader })).body.outcome).toBe('keep');
  });

  it('governance: only members vote (403), a vote needs a reason, the reason locks at the first vote', async () => {
    const proposalId = (await openProposal(ledger, w, w.items[5])).body.id;
    expectProblem(await vote(ledger, proposalId, w.outsider, 'kill'), 403, 'PROPOSAL.NOT_A_MEMBER');
    expectProblem(await vote(ledger, proposalId, w.leader, 'kill'), 403, 'PROPOSAL.NOT_A_MEMBER');
    expectProblem(await vote(ledger, proposalId, w.members.mia, 'kill', 'blah blah blah'), 422, 'PROPOSAL.VOTE_REASON_REQUIRED');
    expectProblem(await vote(ledger, proposalId, w.members.mia, 'obliterate'), 400, 'VALIDATION.FAILED');
    const amend = (reason: string) => ledger.request('PUT', `/proposals/${proposalId}/reason`, { token: w.members.mia, body: { reason } });
    expect((await amend('It duplicates the express checkout')).status).toBe(200);
    await vote(ledger, proposalId, w.members.max, 'keep');
    expectProblem(await amend('Actually, something else entirely'), 409, 'PROPOSAL.REASON_LOCKED');
    const p = (await ledger.request('GET', `/proposals/${proposalId}`, { token: w.auditor })).body;
    expect(p.reason).toBe('It duplicates the express checkout');
    // Stakeholders may not open proposals; unknown ids are 404s.
    const stakeholder = await ledger.token('stakeholder', 'sam');
    expectProblem(await openProposal(ledger, w, w.items[6], stakeholder), 403, 'PROPOSAL.NOT_ENTITLED');
    expectProblem(await openProposal(ledger, w, '0f0e0d0c-0b0a-4909-8807-060504030201'), 404, 'ITEM.NOT_FOUND');
    expectProblem(
      await ledger.request('POST', `/forums/0f0e0d0c-0b0a-4909-8807-060504030201/proposals`, { token: w.leader, body: { itemId: w.items[6], reason: 'Nobody has asked for it' } }),
      404,
      'FORUM.NOT_FOUND',
    );
    // A member who leaves no longer votes.
    const left = await ledger.request('POST', `/forums/${w.forumId}/members/leave`, { token: w.members.mo, body: { rationale: 'Moving to another team' } });
    expect(left.status).toBe(200);
    expectProblem(await vote(ledger, proposalId, w.members.mo, 'kill'), 403, 'PROPOSAL.NOT_A_MEMBER');
    await w.post(`/forums/${w.forumId}/members`, { memberId: 'mo', rationale: 'Back on the checkout team' });
  });

  it('one open proposal per item, even for simultaneous opens: exactly one 201, the others 409', async () => {
    const itemId = w.items[7];
    const tokens = [w.members.mia, w.members.max, w.members.mo, w.leader, w.admin, w.owner];
    const results = await Promise.all(tokens.map((t) => openProposal(ledger, w, itemId, t)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expectProblem(r, 409, 'PROPOSAL.ALREADY_OPEN_FOR_ITEM');
    const list = await ledger.request('GET', `/proposals?forumId=${w.forumId}&status=open`, { token: w.auditor });
    expect(list.body.proposals.filter((p: { itemId: string }) => p.itemId === itemId)).toHaveLength(1);
  });

  it('concurrent votes of different members all land; the tally counts each once', async () => {
    const proposalId = (await openProposal(ledger, w, w.items[8])).body.id;
    const results = await Promise.all([
      vote(ledger, proposalId, w.members.mia, 'kill'),
      vote(ledger, proposalId, w.members.max, 'keep'),
      vote(ledger, proposalId, w.members.mo, 'abstain'),
      vote(ledger, proposalId, w.members.mia, 'kill', 'Same vote, said again'),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const p = (await ledger.request('GET', `/proposals/${proposalId}`, { token: w.auditor })).body;
    expect(p.votes).toHaveLength(4);
    expect(p.tally).toEqual({ kill: 1, keep: 1, abstain: 1, votesCast: 3, members: 3, delegated: 0 });
    expect(p.history.map((h: { type: string }) => h.type)).toEqual(['proposal.opened', ...Array(4).fill('proposal.vote-cast')]);
  });

  it('the closer run twice at once closes once and kills once', async () => {
    const itemId = w.items[9];
    const proposalId = (await openProposal(ledger, w, itemId)).body.id;
    await vote(ledger, proposalId, w.members.mia, 'kill');
    await vote(ledger, proposalId, w.members.max, 'kill');
    ledger.clock.advance(7 * DAY);
    const [a, b] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect([...a.closed, ...b.closed].filter((id) => id === proposalId)).toHaveLength(1);
    const proposalEvents = await streamEvents(ledger, `proposal-${proposalId}`);
    expect(proposalEvents.filter((e) => e.type === 'proposal.closed')).toHaveLength(1);
    const itemEvents = await streamEvents(ledger, `item-${itemId}`);
    expect(itemEvents.filter((e) => e.type === 'item.killed')).toHaveLength(1);
  });

  it('lists proposals by forum and status', async () => {
    const closed = await ledger.request('GET', `/proposals?forumId=${w.forumId}&status=closed`, { token: w.members.mo });
    expect(closed.status).toBe(200);
    expect(closed.body.proposals.length).toBeGreaterThanOrEqual(5);
    expect(closed.body.proposals.every((p: { status: string }) => p.status === 'closed')).toBe(true);
    expectProblem(await ledger.request('GET', `/proposals?status=maybe`, { token: w.auditor }), 400, 'VALIDATION.FAILED');
  });
});

describe('forum scheduling across instances and restarts', () => {
  it('two app instances on one data dir: both closers run, one close and one kill', async () => {
    const clock = new FixedClock(new Date('2026-03-02T09:00:00.000Z'));
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-forum-2x-'));
    const a = await startLedger({ dataDir, clock, env: NO_TIMER });
    const b = await startLedger({ dataDir, clock, env: NO_TIMER });
    try {
      const w = await world(a, { items: 1 });
      const proposalId = (await openProposal(a, w, w.items[0])).body.id;
      expect((await vote(b, proposalId, w.members.mia, 'kill')).status).toBe(200);
      expect((await vote(a, proposalId, w.members.max, 'kill')).status).toBe(200);
      clock.advance(7 * DAY);
      const reports = await Promise.all([a.app.get(ForumScheduler).tick(), b.app.get(ForumScheduler).tick()]);
      expect(reports.flatMap((r) => r.closed)).toEqual([proposalId]);
      await Promise.all([a.app.get(ForumScheduler).tick(), b.app.get(ForumScheduler).tick()]);
      const proposalEvents = await streamEvents(a, `proposal-${proposalId}`);
      expect(proposalEvents.filter((e) => e.type === 'proposal.closed')).toHaveLength(1);
      const itemEvents = await streamEvents(a, `item-${w.items[0]}`);
      expect(itemEvents.filter((e) => e.type === 'item.killed')).toHaveLength(1);
      expect((await b.request('GET', `/items/${w.items[0]}`, { token: w.owner })).body.status).toBe('killed');
    } finally {
      await b.close();
      await a.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('restart with an overdue proposal: closed (and the item killed) on start', async () => {
    const clock = new FixedClock(new Date('2026-03-02T09:00:00.000Z'));
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-forum-restart-'));
    try {
      const first = await startLedger({ dataDir, clock, env: NO_TIMER });
      const w = await world(first, { items: 1 });
      const proposalId = (await openProposal(first, w, w.items[0])).body.id;
      await vote(first, proposalId, w.members.mia, 'kill');
      await vote(first, proposalId, w.members.max, 'kill');
      await first.close();

      clock.advance(30 * DAY); // the service was down when the deadline passed
      const second = await startLedger({ dataDir, clock, env: NO_TIMER });
      try {
        await second.app.get(ForumScheduler).started; // the pass at start, no manual tick
        const p = await second.request('GET', `/proposals/${proposalId}`, { token: w.leader });
        expect(p.body).toMatchObject({ status: 'closed', outcome: 'kill' });
        expect(p.body.closedAt).toBe(clock.now().toISOString());
        expect((await second.request('GET', `/items/${w.items[0]}`, { token: w.owner })).body.status).toBe('killed');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the kill derives its identity from the proposal: a rebuilt read model after a revival does not kill again', async () => {
    const clock = new FixedClock(new Date('2026-03-02T09:00:00.000Z'));
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-forum-rebuild-'));
    try {
      const first = await startLedger({ dataDir, clock, env: NO_TIMER });
      const w = await world(first, { items: 1 });
      const itemId = w.items[0];
      const proposalId = (await openProposal(first, w, itemId)).body.id;
      await vote(first, proposalId, w.members.mia, 'kill');
      await vote(first, proposalId, w.members.max, 'kill');
      clock.advance(7 * DAY);
      expect((await first.app.get(ForumScheduler).tick()).killed).toEqual([proposalId]);
      const revived = await first.request('POST', `/items/${itemId}/revive`, { token: w.owner, body: { rationale: 'The pilot customer signed after all' } });
      expect(revived.status).toBe(200);
      await first.close();

      rmSync(join(dataDir, 'forum-index.sqlite'), { force: true }); // the read model forgets what it settled
      const second = await startLedger({ dataDir, clock, env: NO_TIMER });
      try {
        await second.app.get(ForumScheduler).started;
        expect((await second.app.get(ForumScheduler).tick()).killed).toEqual([]);
        expect((await second.request('GET', `/items/${itemId}`, { token: w.owner })).body.status).toBe('open');
        const itemEvents = await streamEvents(second, `item-${itemId}`);
        expect(itemEvents.filter((e) => e.type === 'item.killed')).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a crash between the close and the kill (and between the slot claim and the opening) is repaired on start', async () => {
    const clock = new FixedClock(new Date('2026-03-02T09:00:00.000Z'));
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-forum-crash-'));
    try {
      const first = await startLedger({ dataDir, clock, env: NO_TIMER });
      const w = await world(first, { items: 2 });
      const proposalId = (await openProposal(first, w, w.items[0])).body.id;
      await first.close();

      // As if the closer had written the close and crashed before the kill; and as if an opening had
      // claimed the second item's slot and crashed before writing proposal.opened.
      const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite'), clock });
      const actor = { id: `forum:${w.forumId}`, role: 'system' as const };
      const head = await store.readStream(`proposal-${proposalId}`);
      await store.append(
        `proposal-${proposalId}`,
        [
          {
            id: uuidV5(`test-close|${proposalId}`),
            type: 'proposal.closed',
            schemaVersion: 1,
            data: {
              proposalId,
              forumId: w.forumId,
              itemId: w.items[0],
              backlogId: w.backlogId,
              outcome: 'kill',
              tally: { kill: 3, keep: 0, abstain: 0, votesCast: 3, members: 3 },
              closedAt: clock.now().toISOString(),
              followUp: null,
            },
            metadata: { actor, correlationId: proposalId, causationId: head[0].id },
          },
        ],
        head[head.length - 1].revision,
      );
      const orphanId = '7d0e0d0c-0b0a-4909-8807-060504030201';
      const opened = { ...(head[0].data as Record<string, unknown>), proposalId: orphanId, itemId: w.items[1] };
      await store.append(
        `itemproposals-${w.items[1]}`,
        [{ id: uuidV5(`test-claim|${orphanId}`), type: 'item-proposal-slot.claimed', schemaVersion: 1, data: { itemId: w.items[1], proposalId: orphanId, opened }, metadata: { actor, correlationId: orphanId, causationId: null } }],
        'no-stream',
      );
      await store.close();

      const second = await startLedger({ dataDir, clock, env: NO_TIMER });
      try {
        await second.app.get(ForumScheduler).started;
        const history = await second.request('GET', `/items/${w.items[0]}/history`, { token: w.auditor });
        const kills = history.body.entries.filter((e: { decision: string }) => e.decision === 'killed');
        expect(kills).toHaveLength(1);
        expect(kills[0].data).toMatchObject({ via: 'forum', proposalId });
        const orphan = await second.request('GET', `/proposals/${orphanId}`, { token: w.leader });
        expect(orphan.status).toBe(200);
        expect(orphan.body).toMatchObject({ status: 'open', itemId: w.items[1] });
        // The repaired opening holds the item's slot.
        expectProblem(await openProposal(second, w, w.items[1]), 409, 'PROPOSAL.ALREADY_OPEN_FOR_ITEM');
        // And running again writes nothing more.
        const again = await second.app.get(ForumScheduler).tick();
        expect(again).toEqual({ completed: [], closed: [], killed: [], nominated: [], criteriaBreached: [] });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('automatic nomination on the forum cadence', () => {
  it('picks exactly the zombies and the items past their review date in scope, without an open proposal; no-quorum comes back next cadence', async () => {
    const T0 = new Date('2026-01-05T09:00:00.000Z');
    const clock = new FixedClock(T0);
    const ledger = await startLedger({ clock, env: NO_TIMER });
    try {
      const scheduler = ledger.app.get(ForumScheduler);
      const leader = await ledger.token('product-leader', 'lena');
      const post = async (path: string, body: unknown) => {
        const res = await ledger.request('POST', path, { token: leader, body });
        if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
        return res.body;
      };
      const at = (days: number) => clock.set(new Date(T0.getTime() + days * DAY));
      const add = async (backlogId: string, title: string) => (await post(`/backlogs/${backlogId}/items`, { title, kind: 'initiative', rationale: R })).id as string;
      const inScope = (await post('/backlogs', { name: 'Checkout', productGoal: 'Fastest checkout in retail' })).id;
      const outOfScope = (await post('/backlogs', { name: 'Ops', productGoal: 'Nobody gets paged at night' })).id;

      const zombie = await add(inScope, 'Zombie: nobody touched it');
      const progressed = await add(inScope, 'Old but estimated recently');
      const killed = await add(inScope, 'Old and killed');
      const zombieWithProposal = await add(inScope, 'Zombie already before the forum');
      const elsewhere = await add(outOfScope, 'Zombie of another backlog');
      at(10);
      await post(`/items/${killed}/kill`, { reason: 'Superseded by the new payment provider' });
      at(60); // progress: still under staleAfterDays (60) at both cadence points
      await post(`/items/${progressed}/estimate`, { estimate: 5, rationale: R });
      at(80);
      const young = await add(inScope, 'Young item');
      const reviewDue = await add(inScope, 'Young item with kill criteria');
      const manual = await add(inScope, 'Young item someone wants gone');
      await post(`/items/${reviewDue}/kill-criteria`, {
        exitCondition: 'Conversion does not move within a month',
        reviewBy: new Date(T0.getTime() + 85 * DAY).toISOString().slice(0, 10),
        rationale: R,
      });
      at(86);
      const forumId = (await post('/forums', {
        name: 'Checkout kill review',
        backlogIds: [inScope],
        rule: { quorum: 2, votingPeriodDays: 7, reviewCadenceDays: 14, onNoQuorum: 'reopen-next-cadence' },
        rationale: R,
      })).id;
      at(95);
      const manualIds = [
        (await post(`/forums/${forumId}/proposals`, { itemId: zombieWithProposal, reason: 'Nobody has worked on it for months' })).id,
        (await post(`/forums/${forumId}/proposals`, { itemId: manual, reason: 'It duplicates the express checkout' })).id,
      ];
      void young;
      void elsewhere;

      at(99);
      expect((await scheduler.tick()).nominated).toEqual([]); // no cadence point yet
      at(100);
      const first = await scheduler.tick();
      expect(first.nominated).toHaveLength(2);
      const open = (await ledger.request('GET', `/proposals?forumId=${forumId}&status=open`, { token: leader })).body.proposals;
      const nominated = open.filter((p: { nominatedAutomatically: boolean }) => p.nominatedAutomatically);
      expect(nominated.map((p: { itemId: string }) => p.itemId).sort()).toEqual([zombie, reviewDue].sort());
      const z = (await ledger.request('GET', `/proposals/${nominated.find((p: { itemId: string }) => p.itemId === zombie).id}`, { token: leader })).body;
      expect(z).toMatchObject({ nominatedAutomatically: true, openedBy: `forum:${forumId}` });
      expect(z.nominationReasons).toHaveLength(1);
      expect(z.nominationReasons[0]).toMatch(/^zombie \(score [\d.]+\): 100 days without progress, 100 days old, no linked objective$/);
      expect(z.reason).toContain(z.nominationReasons[0]);
      const r = (await ledger.request('GET', `/proposals/${nominated.find((p: { itemId: string }) => p.itemId === reviewDue).id}`, { token: leader })).body;
      expect(r.nominationReasons).toEqual([`kill-criteria review date ${new Date(T0.getTime() + 85 * DAY).toISOString().slice(0, 10)} has passed`]);

      // The same cadence point never nominates twice.
      expect((await scheduler.tick()).nominated).toEqual([]);

      // Next cadence point: everything closed without quorum comes back (the manual one only because of that).
      at(114);
      const second = await scheduler.tick();
      expect(second.closed.sort()).toEqual([...manualIds, ...nominated.map((p: { id: string }) => p.id)].sort());
      expect(second.nominated).toHaveLength(4);
      const reopened = (await ledger.request('GET', `/proposals?forumId=${forumId}&status=open`, { token: leader })).body.proposals;
      expect(reopened.map((p: { itemId: string }) => p.itemId).sort()).toEqual([zombie, reviewDue, zombieWithProposal, manual].sort());
      const m = (await ledger.request('GET', `/proposals/${reopened.find((p: { itemId: string }) => p.itemId === manual).id}`, { token: leader })).body;
      expect(m.nominationReasons).toEqual([`re-opened: proposal ${manualIds[1]} closed without quorum`]);
    } finally {
      await ledger.close();
    }
  });
});

describe('bad input on forum and proposal routes: 4xx problems, nothing written', () => {
  let ledger: Ledger;
  let w: World;
  let proposalId: string;

  beforeAll(async () => {
    ledger = await startLedger({ env: NO_TIMER });
    w = await world(ledger, { items: 2 });
    proposalId = (await openProposal(ledger, w, w.items[0])).body.id;
  });
  afterAll(() => ledger.close());

  interface Route {
    name: string;
    method: 'POST' | 'PUT';
    path: (forumId: string, proposalId: string) => string;
    token: (w: World) => string;
    body: (w: World) => Record<string, unknown>;
    /** [field the 400 names, patch with a wrong type]. */
    wrongTypes: [string, Record<string, unknown>][];
    /** [patch with trivial text, code of the 422]. */
    trivial: [Record<string, unknown>, string] | null;
    unknown: { forum?: string; proposal?: string };
  }

  const ROUTES: Route[] = [
    {
      name: 'POST /forums',
      method: 'POST',
      path: () => '/forums',
      token: (x) => x.leader,
      body: (x) => ({ name: 'Another forum', backlogIds: [x.backlogId], rationale: R }),
      wrongTypes: [['name', { name: 3 }], ['backlogIds', { backlogIds: 'all' }], ['backlogIds', { backlogIds: ['not-a-uuid'] }], ['rule.quorum', { rule: { quorum: 'two' } }], ['rule.killThreshold', { rule: { killThreshold: 2 } }], ['rule.onNoQuorum', { rule: { onNoQuorum: 'shrug' } }]],
      trivial: [{ rationale: 'blah blah blah' }, 'DECISION.RATIONALE_REQUIRED'],
      unknown: {},
    },
    {
      name: 'POST /forums/:forumId/members',
      method: 'POST',
      path: (f) => `/forums/${f}/members`,
      token: (x) => x.leader,
      body: () => ({ memberId: 'newbie', rationale: R }),
      wrongTypes: [['memberId', { memberId: 7 }], ['memberId', { memberId: '' }]],
      trivial: [{ rationale: '..........' }, 'DECISION.RATIONALE_REQUIRED'],
      unknown: { forum: 'FORUM.NOT_FOUND' },
    },
    {
      name: 'POST /forums/:forumId/members/leave',
      method: 'POST',
      path: (f) => `/forums/${f}/members/leave`,
      token: (x) => x.members.mia,
      body: () => ({ rationale: R }),
      wrongTypes: [['memberId', { memberId: ['mia'] }]],
      trivial: [{ rationale: 'aaaaaaaaaaaa' }, 'DECISION.RATIONALE_REQUIRED'],
      unknown: { forum: 'FORUM.NOT_FOUND' },
    },
    {
      name: 'PUT /forums/:forumId/rule',
      method: 'PUT',
      path: (f) => `/forums/${f}/rule`,
      token: (x) => x.leader,
      body: () => ({ rule: { quorum: 3 }, rationale: R }),
      wrongTypes: [['rule', { rule: [] }], ['rule.votingPeriodDays', { rule: { votingPeriodDays: 0 } }], ['backlogIds', { backlogIds: [] }]],
      trivial: [{ rationale: '-- -- -- --' }, 'DECISION.RATIONALE_REQUIRED'],
      unknown: { forum: 'FORUM.NOT_FOUND' },
    },
    {
      name: 'POST /forums/:forumId/proposals',
      method: 'POST',
      path: (f) => `/forums/${f}/proposals`,
      token: (x) => x.members.mia,
      body: (x) => ({ itemId: x.items[1], reason: 'Nobody has asked for it in a year' }),
      wrongTypes: [['itemId', { itemId: 'item-1' }], ['reason', { reason: 12 }]],
      trivial: [{ reason: 'blah blah blah' }, 'PROPOSAL.REASON_REQUIRED'],
      unknown: { forum: 'FORUM.NOT_FOUND' },
    },
    {
      name: 'POST /proposals/:proposalId/votes',
      method: 'POST',
      path: (_f, p) => `/proposals/${p}/votes`,
      token: (x) => x.members.max,
      body: () => ({ choice: 'keep', reason: 'It still drives upsell revenue' }),
      wrongTypes: [['choice', { choice: 'KILL' }], ['reason', { reason: null }]],
      trivial: [{ reason: 'ok ok ok ok ok' }, 'PROPOSAL.VOTE_REASON_REQUIRED'],
      unknown: { proposal: 'PROPOSAL.NOT_FOUND' },
    },
    {
      name: 'POST /proposals/:proposalId/withdraw',
      method: 'POST',
      path: (_f, p) => `/proposals/${p}/withdraw`,
      token: (x) => x.members.mia,
      body: () => ({ reason: 'The owner delivered a plan for it' }),
      wrongTypes: [['reason', { reason: { text: 'x' } }]],
      trivial: [{ reason: '!!!!!!!!!!!!' }, 'PROPOSAL.WITHDRAW_REASON_REQUIRED'],
      unknown: { proposal: 'PROPOSAL.NOT_FOUND' },
    },
    {
      name: 'POST /proposals/:proposalId/extend',
      method: 'POST',
      path: (_f, p) => `/proposals/${p}/extend`,
      token: (x) => x.leader,
      body: () => ({ days: 2, reason: 'Half the forum is on holiday' }),
      wrongTypes: [['days', { days: 0 }], ['closesAt', { closesAt: 'tomorrow' }], ['closesAt', { closesAt: '2026-03-01T09:00:00Z' }]],
      trivial: [{ reason: 'xyxyxyxyxyxy' }, 'PROPOSAL.EXTENSION_REASON_REQUIRED'],
      unknown: { proposal: 'PROPOSAL.NOT_FOUND' },
    },
    {
      name: 'PUT /proposals/:proposalId/reason',
      method: 'PUT',
      path: (_f, p) => `/proposals/${p}/reason`,
      token: (x) => x.members.mia,
      body: () => ({ reason: 'It duplicates the express checkout' }),
      wrongTypes: [['reason', { reason: 1 }]],
      trivial: [{ reason: 'hmm hmm hmm hmm' }, 'PROPOSAL.REASON_REQUIRED'],
      unknown: { proposal: 'PROPOSAL.NOT_FOUND' },
    },
  ];

  const send = (r: Route, o: { body?: unknown; token?: string | null; forumId?: string; proposalId?: string } = {}) =>
    ledger.request(r.method, r.path(o.forumId ?? w.forumId, o.proposalId ?? proposalId), {
      token: o.token === null ? undefined : (o.token ?? r.token(w)),
      body: o.body ?? r.body(w),
    });

  describe.each(ROUTES.map((r) => [r.name, r] as const))('%s', (_name, route) => {
    it('wrong types and unknown fields → 400 naming the field', async () => {
      await expectNothingWritten(ledger, async () => {
        for (const [field, patch] of route.wrongTypes) expectValidationError(await send(route, { body: { ...route.body(w), ...patch } }), field);
        expectValidationError(await send(route, { body: { ...route.body(w), actor: 'admin' } }), 'actor');
      });
    });

    it('trivial text → 422 with the stable code', async () => {
      if (!route.trivial) return;
      const [patch, code] = route.trivial;
      await expectNothingWritten(ledger, async () => expectProblem(await send(route, { body: { ...route.body(w), ...patch } }), 422, code));
    });

    it('no token → 401; malformed path id → 400; unknown id → 404', async () => {
      await expectNothingWritten(ledger, async () => {
        expectProblem(await send(route, { token: null }), 401, 'AUTH.TOKEN_MISSING');
        if (route.unknown.forum) {
          expectProblem(await send(route, { forumId: 'forum-1' }), 400, 'VALIDATION.FAILED');
          expectProblem(await send(route, { forumId: UNKNOWN_ID }), 404, route.unknown.forum);
        }
        if (route.unknown.proposal) {
          expectProblem(await send(route, { proposalId: 'p-1' }), 400, 'VALIDATION.FAILED');
          expectProblem(await send(route, { proposalId: UNKNOWN_ID }), 404, route.unknown.proposal);
        }
      });
    });
  });

  it('roles: forum administration is for admins and product leaders', async () => {
    await expectNothingWritten(ledger, async () => {
      for (const token of [w.owner, w.auditor, w.members.mia]) {
        expectProblem(await send(ROUTES[0], { token }), 403, 'DECISION.NOT_ALLOWED_FOR_ROLE');
        expectProblem(await send(ROUTES[1], { token }), 403, 'DECISION.NOT_ALLOWED_FOR_ROLE');
        expectProblem(await send(ROUTES[3], { token }), 403, 'DECISION.NOT_ALLOWED_FOR_ROLE');
      }
      expectProblem(await send(ROUTES[0], { body: { name: 'x', backlogIds: [UNKNOWN_ID], rationale: R } }), 404, 'BACKLOG.NOT_FOUND');
    });
  });

  it('reads: unknown ids are 404, foreign scopes 403', async () => {
    expectProblem(await ledger.request('GET', `/forums/${UNKNOWN_ID}`, { token: w.leader }), 404, 'FORUM.NOT_FOUND');
    expectProblem(await ledger.request('GET', `/proposals/${UNKNOWN_ID}`, { token: w.leader }), 404, 'PROPOSAL.NOT_FOUND');
    const foreignOwner = await ledger.token('product-owner', 'pete', [UNKNOWN_ID]);
    expectProblem(await ledger.request('GET', `/forums/${w.forumId}`, { token: foreignOwner }), 403, 'AUTH.FORUM_NOT_IN_SCOPE');
    expectProblem(await ledger.request('GET', `/proposals/${proposalId}`, { token: foreignOwner }), 403, 'AUTH.FORUM_NOT_IN_SCOPE');
    const list = await ledger.request('GET', '/proposals', { token: foreignOwner });
    expect(list.status).toBe(200);
    expect(list.body.proposals).toEqual([]);
  });
});
