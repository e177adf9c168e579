import type { Browser, Page } from 'playwright-core';
import { ForumScheduler } from '../../../../api/src/forums/forum-scheduler';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { openProposal, seedCheckout, seedForum, type Seeded, type SeededForum } from '../../../test/fixtures';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn } from '../../../test/ui';

const DAY = 86_400_000;

/** The tally's text equivalent, as the legend says it. */
const legend = (page: Page) => page.locator('ul.tally-legend').first().getAttribute('aria-label');

describe('forum member journey: inbox → ballot → deadline → kill via the forum (Chromium, real app, controlled clock)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: Seeded;
  let forum: SeededForum;
  let auditor: string;
  let proposalId: string;
  let itemId: string;
  /** The proposal as the API has it (what was, or was not, written). */
  const proposal = async (id = proposalId) => (await ledger.request('GET', `/proposals/${id}`, { token: auditor })).body;
  const vote = async (member: string, choice: string, reason: string, id = proposalId) => {
    const res = await ledger.request('POST', `/proposals/${id}/votes`, { token: await ledger.token('forum-member', member), body: { choice, reason } });
    if (res.status !== 200) throw new Error(`vote: ${res.status} ${res.text}`);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    // No scheduler timer: the test moves the clock past the deadline and runs the scheduler's pass itself.
    ledger = await startLedger({ env: { LEDGER_FORUM_TICK_MS: '0' } });
    seeded = await seedCheckout(ledger);
    forum = await seedForum(ledger, seeded);
    auditor = await ledger.token('auditor', 'audrey');
    itemId = seeded.items['Address autocomplete'];
    proposalId = await openProposal(ledger, seeded.leader, forum.forumId, itemId, 'Browsers autofill addresses; nobody asked for this in 100 days.');
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('a member sees the proposal in the inbox, votes with a reason, changes the vote; the deadline passes; the item is killed via the forum', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'forum-member', { sub: 'mia', now: ledger.clock.now() });

    // Inbox: the open proposal with its countdown, quorum progress and "you have not voted".
    await page.goto(`${ledger.url}/app/forums`);
    const card = page.locator('li.inbox-card', { hasText: 'Kill “Address autocomplete”?' });
    await card.waitFor();
    await expect(card.locator('.countdown').textContent()).resolves.toMatch(/^\((7 days left|6 days 23 h left)\)$/);
    await card.getByText('You have not voted').waitFor();
    await expect(card.locator('.quorum').textContent()).resolves.toContain('Quorum: 0 of 2 needed — 2 more votes needed');
    await expect(card.locator('.inbox-reason').textContent()).resolves.toBe('Browsers autofill addresses; nobody asked for this in 100 days.');
    await expect(card.getByRole('link', { name: 'Checkout kill review' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'forums');

    // The ballot. A vote without a reason: the message sits next to the field and nothing is written.
    await card.getByRole('link', { name: /^Vote on killing/ }).click();
    await page.getByRole('heading', { name: 'Kill “Address autocomplete”?' }).waitFor();
    const ballot = page.locator('form.ballot');
    await ballot.getByRole('radio', { name: /^Kill/ }).check();
    await ballot.getByRole('button', { name: 'Cast my vote' }).click();
    const reason = ballot.getByLabel('Why? (reason)');
    await expect(ballot.locator('.field-textarea .field-error').textContent()).resolves.toBe('The reason is required: say why this decision is taken.');
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate('document.activeElement?.getAttribute("name")')).resolves.toBe('reason');
    expect((await proposal()).votes).toEqual([]);

    await reason.fill('Autofill covers 95% of our mobile buyers already.');
    await ballot.getByRole('button', { name: 'Cast my vote' }).click();
    await ballot.getByText('Your vote kill is recorded.').waitFor();
    await page.locator('.my-vote', { hasText: 'You voted kill' }).waitFor();
    await expect(legend(page)).resolves.toBe('Tally: Kill 1 · Keep 0 · Abstain 0 · Not voted 2 (of 3 members)');
    await expect(page.locator('.quorum').textContent()).resolves.toContain('1 of 2 needed');

    // Another member votes meanwhile: my change is refused as stale (nothing written), then goes through.
    await vote('max', 'kill', 'The address form is not where buyers drop off.');
    await ballot.getByRole('radio', { name: /^Keep/ }).check();
    await reason.fill('On second thought: the new address format breaks autofill.');
    await ballot.getByRole('button', { name: 'Change my vote' }).click();
    await ballot.getByText('The proposal changed while you were voting').waitFor();
    expect((await proposal()).votes.map((v: { memberId: string }) => v.memberId)).toEqual(['mia', 'max']);
    await expect(legend(page)).resolves.toBe('Tally: Kill 2 · Keep 0 · Abstain 0 · Not voted 1 (of 3 members)');
    await ballot.getByRole('button', { name: 'Change my vote' }).click();
    await ballot.getByText('Your vote keep is recorded.').waitFor();
    await expect(legend(page)).resolves.toBe('Tally: Kill 1 · Keep 1 · Abstain 0 · Not voted 1 (of 3 members)');
    await page.locator('ol.votes li.superseded', { hasText: 'mia voted kill' }).waitFor();
    const written = await proposal();
    expect(written.votes.filter((v: { latest: boolean }) => v.latest).map((v: { memberId: string; choice: string }) => `${v.memberId}:${v.choice}`)).toEqual([
      'max:kill',
      'mia:keep',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'proposal');

    // The third member tips it to kill; mia reloads (the fresh revision), then the deadline passes on the server
    // before the scheduler has run: her late vote gets a clear message and nothing is written.
    await vote('nora', 'kill', 'Two quarters without a single customer request.');
    await page.reload();
    await expect(legend(page)).resolves.toBe('Tally: Kill 2 · Keep 1 · Abstain 0 · Not voted 0 (of 3 members)');
    ledger.clock.advance(7 * DAY);
    await ballot.getByRole('radio', { name: /^Abstain/ }).check();
    await reason.fill('I would rather leave this to the others now.');
    await ballot.getByRole('button', { name: 'Change my vote' }).click();
    await ballot.getByText('Voting has closed').waitFor();
    await expect(ballot.locator('.notice-error').textContent()).resolves.toMatch(/^Voting has closed \(the deadline was .+\)\. Your vote was not recorded\.$/);
    expect((await proposal()).votes).toHaveLength(written.votes.length + 1); // nora's, not mia's late one

    // The forum's pass closes the proposal (kill) and kills the item; the page, left open, shows it by itself.
    const report = await ledger.app.get(ForumScheduler).tick();
    expect(report).toMatchObject({ closed: [proposalId], killed: [proposalId] });
    await context.clock.fastForward(7 * DAY);
    await page.locator('.proposal-status', { hasText: 'Closed: Kill' }).waitFor();
    await page.getByRole('heading', { name: 'Outcome: Kill' }).waitFor();
    await expect(page.locator('form.ballot').count()).resolves.toBe(0);
    const caused = page.locator('.kill-caused');
    await caused.getByText('Killed via the forum').waitFor();
    await caused.getByRole('link', { name: 'Address autocomplete' }).click();
    // The proposal page names the item too: wait for the item's own page before reading its facts.
    await page.waitForURL(`**/app/items/${itemId}**`);
    await page.getByRole('heading', { name: 'Address autocomplete' }).waitFor();
    await page.locator('.facts', { hasText: 'via the review forum' }).waitFor();
    await expect(page.locator('.facts .status').first().textContent()).resolves.toBe('killed');
    await expect(page.locator('.facts').textContent()).resolves.toContain('via the review forum');
    const item = (await ledger.request('GET', `/items/${itemId}`, { token: auditor })).body;
    expect(item.kill).toMatchObject({ via: 'forum', proposalId });

    // Back in the inbox: nothing open; the outcome is listed.
    await page.goto(`${ledger.url}/app/forums`);
    await page.getByText('No proposal is open for votes.').waitFor();
    const decided = page.getByRole('region', { name: 'Recently decided proposals' });
    // The row names the item once its title has loaded ("an item" until then): wait for it, as the first row.
    await decided.locator('tbody tr').first().filter({ hasText: /Kill “Address autocomplete”\?Kill/ }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('governance: the opener amends the reason before any vote; voting on a 390-px phone; auditors and non-members read only; extend once, then withdraw', async () => {
    const guest = seeded.items['Guest checkout'];
    const id = await openProposal(ledger, seeded.leader, forum.forumId, guest, 'Guest checkout duplicates the one-tap flow.');
    const leader = await signIn(browser, ledger, 'product-leader', { sub: 'lena', now: ledger.clock.now() });
    await leader.page.goto(`${ledger.url}/app/proposals/${id}`);
    await leader.page.getByText('You are not a member of this forum').waitFor();
    const actions = leader.page.locator('section.actions button');
    expect(await actions.allTextContents()).toEqual(['Amend the reason', 'Extend the deadline', 'Withdraw']);
    await leader.page.getByRole('button', { name: 'Amend the reason' }).click();
    const amend = leader.page.getByRole('dialog', { name: /^Amend the reason/ });
    await amend.getByLabel('The new reason').fill('Guest checkout duplicates the one-tap flow for new buyers.');
    await amend.getByRole('button', { name: 'Amend the reason' }).click();
    await amend.waitFor({ state: 'detached' });
    await leader.page.locator('.proposal-reason', { hasText: 'for new buyers.' }).waitFor();

    const { page, context, problems } = await signIn(browser, ledger, 'forum-member', { sub: 'nora', viewport: PHONE, now: ledger.clock.now() });
    await page.goto(`${ledger.url}/app/proposals/${id}`);
    const ballot = page.locator('form.ballot');
    await ballot.waitFor();
    await page.locator('.proposal-reason', { hasText: 'for new buyers.' }).waitFor();
    const kill = ballot.locator('label.choice-kill');
    const box = await kill.boundingBox();
    expect(box!.width).toBeGreaterThan(300); // the choices stack, full width
    expect(box!.height).toBeGreaterThanOrEqual(44); // a thumb-sized target
    expect(await horizontalOverflow(page)).toBe(0);
    await kill.click();
    await ballot.getByLabel('Why? (reason)').fill('New buyers already pay in one tap with a wallet.');
    await ballot.getByRole('button', { name: 'Cast my vote' }).click();
    await ballot.getByText('Your vote kill is recorded.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'proposal-phone');
    expect(problems).toEqual([]);
    await context.close();

    // An auditor reads the votes and reasons, with no ballot and no decision.
    const asAuditor = await signIn(browser, ledger, 'auditor', { sub: 'audrey', now: ledger.clock.now() });
    await asAuditor.page.goto(`${ledger.url}/app/proposals/${id}`);
    await asAuditor.page.getByText('Auditors read the votes and their reasons; they do not vote.').waitFor();
    await asAuditor.page.getByText('New buyers already pay in one tap with a wallet.').waitFor();
    await expect(asAuditor.page.locator('form.ballot').count()).resolves.toBe(0);
    await expect(asAuditor.page.locator('section.actions button').count()).resolves.toBe(0);
    await asAuditor.context.close();

    // Once a vote is cast the reason is locked; the leader extends the deadline once, then withdraws.
    await leader.page.reload();
    await leader.page.getByRole('heading', { name: 'Votes (1)' }).waitFor();
    expect(await actions.allTextContents()).toEqual(['Extend the deadline', 'Withdraw']);
    const before = (await proposal(id)).closesAt as string;
    await leader.page.getByRole('button', { name: 'Extend the deadline' }).click();
    const extend = leader.page.getByRole('dialog', { name: /^Extend the vote/ });
    await extend.getByLabel('Extend by (days)').fill('3');
    await extend.getByLabel('Why does the deadline move?').fill('Two members are on holiday this week.');
    await extend.getByRole('button', { name: 'Extend the deadline' }).click();
    await extend.waitFor({ state: 'detached' });
    await leader.page.locator('.proposal-status .chip', { hasText: 'extended once' }).waitFor();
    expect(Date.parse((await proposal(id)).closesAt) - Date.parse(before)).toBe(3 * DAY);
    expect(await actions.allTextContents()).toEqual(['Withdraw']);
    await leader.page.getByRole('button', { name: 'Withdraw' }).click();
    const withdraw = leader.page.getByRole('dialog', { name: /^Withdraw/ });
    await withdraw.getByLabel('Why is it withdrawn?').fill('The team merges guest checkout into one-tap.');
    await withdraw.getByRole('button', { name: 'Withdraw' }).click();
    await withdraw.waitFor({ state: 'detached' });
    await leader.page.getByRole('heading', { name: 'Withdrawn', exact: true }).waitFor();
    await leader.page.getByText('Withdrawn by lena').waitFor();
    expect((await proposal(id)).status).toBe('withdrawn');
    expect(leader.problems).toEqual([]);
    await leader.context.close();
  });
});
