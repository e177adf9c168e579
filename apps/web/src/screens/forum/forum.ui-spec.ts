import type { Browser } from 'playwright-core';
import { ForumScheduler } from '../../../../api/src/forums/forum-scheduler';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { analyticsReached, openProposal, seedCheckout, type Seeded } from '../../../test/fixtures';
import { axeViolations, launchBrowser, screenshot, signIn } from '../../../test/ui';

const DAY = 86_400_000;

describe('forum setup screens (Chromium, real app, controlled clock)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: Seeded;
  let auditor: string;
  let forumId: string;
  const forum = async () => (await ledger.request('GET', `/forums/${forumId}`, { token: auditor })).body;

  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger({ env: { LEDGER_FORUM_TICK_MS: '0' } });
    seeded = await seedCheckout(ledger);
    auditor = await ledger.token('auditor', 'audrey');
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('a product leader sets up a forum (name, backlog, rule), adds members, changes the rule and removes a member', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena', now: ledger.clock.now() });
    await page.goto(`${ledger.url}/app/forums`);
    await page.getByText('No review forum yet.').waitFor();
    await page.getByRole('button', { name: 'Set up a forum' }).click();
    const setUp = page.getByRole('dialog', { name: 'Set up a review forum' });
    await setUp.getByLabel('Name').fill('Checkout kill review');
    await expect(setUp.getByLabel('Reviews “Checkout”').isChecked()).resolves.toBe(true); // the only backlog, preselected
    await setUp.getByLabel('Quorum (votes needed)').fill('0');
    await setUp.getByLabel('Kill threshold (% of kill + keep)').fill('60');
    await setUp.getByLabel('Voting period (days)').fill('5');
    await setUp.getByLabel('Review cadence (days)').fill('30');
    await setUp.getByLabel('Without quorum').selectOption({ label: 'Hand back to the owner' });
    await setUp.getByLabel(/Why\?/).fill('Checkout needs one place where work gets stopped.');
    await setUp.getByRole('button', { name: 'Set up the forum' }).click();
    await expect(setUp.locator('.field-number.field-invalid .field-error').first().textContent()).resolves.toBe('Quorum (votes needed) must be at least 1.');
    await setUp.getByLabel('Quorum (votes needed)').fill('2');
    await setUp.getByLabel('Reviews “Checkout”').uncheck();
    await setUp.getByRole('button', { name: 'Set up the forum' }).click();
    await expect(setUp.locator('.notice-error').textContent()).resolves.toBe('Choose at least one backlog for the forum to review.');
    expect((await ledger.request('GET', '/forums', { token: auditor })).body.forums).toEqual([]); // nothing written
    await setUp.getByLabel('Reviews “Checkout”').check();
    await setUp.getByRole('button', { name: 'Set up the forum' }).click();
    await page.getByRole('heading', { name: 'Checkout kill review' }).waitFor();
    forumId = page.url().split('/forums/')[1].split('?')[0];
    expect(await forum()).toMatchObject({
      name: 'Checkout kill review',
      backlogIds: [seeded.backlogId],
      rule: { quorum: 2, killThreshold: 0.6, votingPeriodDays: 5, reviewCadenceDays: 30, onNoQuorum: 'return-to-owner' },
      members: [],
    });

    const members = page.locator('ul.members');
    for (const m of ['mia', 'max']) {
      await page.getByRole('button', { name: 'Add a member' }).click();
      const add = page.getByRole('dialog', { name: /^Add a member/ });
      await add.getByLabel('Who (their sign-in name)').fill(m);
      await add.getByLabel(/Why\?/).fill(`${m} reviews checkout work every week.`);
      await add.getByRole('button', { name: 'Add the member' }).click();
      await add.waitFor({ state: 'detached' });
      await members.getByText(m, { exact: true }).waitFor();
    }
    // Adding someone twice: the API's problem is shown, nothing is written.
    await page.getByRole('button', { name: 'Add a member' }).click();
    const again = page.getByRole('dialog', { name: /^Add a member/ });
    await again.getByLabel('Who (their sign-in name)').fill('mia');
    await again.getByLabel(/Why\?/).fill('mia should be in this forum, surely.');
    await again.getByRole('button', { name: 'Add the member' }).click();
    await expect(again.locator('.notice-error').textContent()).resolves.toBe('This person is already a member of the forum.');
    await again.getByRole('button', { name: 'Cancel' }).click();
    expect((await forum()).members).toEqual(['mia', 'max']);

    await page.getByRole('button', { name: 'Change the rule' }).click();
    const rule = page.getByRole('dialog', { name: /^Change the rule/ });
    await expect(rule.getByLabel('Kill threshold (% of kill + keep)').inputValue()).resolves.toBe('60');
    await rule.getByLabel('Quorum (votes needed)').fill('3');
    await rule.getByLabel(/Why\?/).fill('Two votes were too few for a kill.');
    await rule.getByRole('button', { name: 'Change the rule' }).click();
    await rule.waitFor({ state: 'detached' });
    await page.locator('.facts').getByText(/^quorum 3 · kill at 60 % of kill \+ keep/).waitFor();

    await page.getByRole('button', { name: 'Remove max from the forum' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove max from “Checkout kill review”' });
    await remove.getByLabel(/Why\?/).fill('max moved to the search team.');
    await remove.getByRole('button', { name: 'Remove the member' }).click();
    await remove.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Members (1)' }).waitFor();
    expect(await forum()).toMatchObject({ members: ['mia'], rule: { quorum: 3 } });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'forum');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an auditor reads the forum and its analytics (chart and numbers) without any decision; a member leaves on their own', async () => {
    const one = seeded.items['One-tap payment'];
    const id = await openProposal(ledger, seeded.leader, forumId, one, 'Wallet payments made one-tap redundant for most buyers.');
    const mia = await ledger.token('forum-member', 'mia');
    expect((await ledger.request('POST', `/proposals/${id}/votes`, { token: mia, body: { choice: 'kill', reason: 'Only 2% of buyers would use it.' } })).status).toBe(200);
    ledger.clock.advance(5 * DAY);
    expect((await ledger.app.get(ForumScheduler).tick()).closed).toEqual([id]); // one vote of a quorum of 3: no quorum
    ledger.clock.advance(1000);
    await analyticsReached(ledger, auditor, Number((await ledger.request('GET', '/health')).body.eventStore.headPosition));

    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey', now: ledger.clock.now() });
    await page.goto(`${ledger.url}/app/forums/${forumId}`);
    await page.getByRole('heading', { name: 'Checkout kill review' }).waitFor();
    const chart = page.getByRole('img', { name: /^Proposals decided in the period/ });
    await chart.locator('canvas').waitFor();
    await expect(chart.getAttribute('aria-label')).resolves.toBe('Proposals decided in the period: kill 0, keep 0, no quorum 1, withdrawn 0');
    await expect(page.locator('.stats').textContent()).resolves.toContain('Closed1 (kill 0, keep 0, no quorum 1)');
    await expect(page.getByRole('region', { name: 'Recently decided proposals' }).locator('tbody tr').textContent()).resolves.toMatch(/^Kill “One-tap payment”\?No quorum/);
    await expect(page.locator('section.actions').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Remove/ }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'forum-analytics');
    expect(problems).toEqual([]);
    await context.close();

    const member = await signIn(browser, ledger, 'forum-member', { sub: 'mia', now: ledger.clock.now() });
    await member.page.goto(`${ledger.url}/app/forums/${forumId}`);
    await member.page.getByRole('heading', { name: 'Members (1)' }).waitFor();
    expect(await member.page.locator('section.actions button').allTextContents()).toEqual(['Leave the forum']);
    await member.page.getByRole('button', { name: 'Leave the forum' }).click();
    const leave = member.page.getByRole('dialog', { name: 'Leave “Checkout kill review”' });
    await leave.getByLabel(/Why\?/).fill('I moved to the payments team.');
    await leave.getByRole('button', { name: 'Leave the forum' }).click();
    await leave.waitFor({ state: 'detached' });
    await member.page.getByRole('heading', { name: 'Members (0)' }).waitFor();
    await expect(member.page.locator('section.actions').count()).resolves.toBe(0);
    expect((await forum()).members).toEqual([]);
    await member.context.close();
  });
});
