import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { expectLoadingAndCatchingUp, seedOnboarding, settled, type SeededAnalytics } from '../../../test/analytics-fixtures';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn, waitForExpression } from '../../../test/ui';

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** The zombie table as the page shows it: title, score, days since progress, reason ids. */
const zombieRows = (page: Page) =>
  page.locator('table.zombies tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      title: r.querySelector('th a')?.textContent,
      score: r.children[1].textContent,
      days: r.children[3].textContent,
      reasons: [...r.querySelectorAll('[data-reason]')].map((c) => c.getAttribute('data-reason')).sort(),
    })),
  );

describe('zombies screen (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: SeededAnalytics;
  let auditor: string;
  const url = () => `${ledger.url}/app/backlogs/${seeded.backlogId}/zombies`;
  /** What the API says, for the same instant. */
  const api = async (path: string) => {
    const res = await ledger.request('GET', `/backlogs/${seeded.backlogId}/analytics/${path}`, { token: auditor });
    expect(res.status).toBe(200);
    return res.body;
  };
  const expectRowsMatch = async (page: Page, report: any) => {
    const reasonIds = (r: any) =>
      [
        r.noObjective && 'no-objective',
        r.killCriteriaReviewPassed && 'review-passed',
        r.inProgressTooLong && 'in-progress-too-long',
        r.timesDeferred > 0 && 'deferred',
        r.escalations > 0 && 'escalated',
      ]
        .filter(Boolean)
        .sort();
    const rows = report.zombies.map((z: any) => ({ title: z.title, score: z.score.toFixed(2), days: String(z.daysSinceProgress), reasons: reasonIds(z.reasons) }));
    expect(await settled(() => zombieRows(page), rows)).toEqual(rows);
    await expect(page.locator('[data-figure=count]').textContent()).resolves.toBe(String(report.count));
    await expect(page.locator('[data-figure=shareOfOpen]').textContent()).resolves.toBe(`${pct(report.shareOfOpen)} of ${report.openItems}`);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
    seeded = await seedOnboarding(ledger);
    auditor = await ledger.token('auditor', 'audrey');
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('lists the zombies by score with readable reasons, the count and shares, and the weekly trend — as the API computes them', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    // From the backlog screen's tab.
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('navigation', { name: 'Backlog views' }).getByRole('link', { name: 'Zombies' }).click();
    await page.waitForURL(`**/backlogs/${seeded.backlogId}/zombies`);
    await page.locator('table.zombies tbody tr').first().waitFor();
    const report = await api('zombies');
    expect(report.count).toBeGreaterThanOrEqual(4);
    await expectRowsMatch(page, report);
    await expect(page.locator('[data-figure=shareOfPoints]').textContent()).resolves.toBe(
      `${pct(report.shareOfPoints)} (${report.estimatedPointsOfZombies} of ${report.estimatedPointsOpen} points)`,
    );
    // Each reason is a readable phrase: the flip-flopping item was deferred twice, the started one is stuck.
    const invites = page.getByRole('row', { name: /Team invites/ });
    await invites.getByText('Deferred twice').waitFor();
    await expect(invites.getByText('No objective linked').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('row', { name: /Tutorial videos/ }).getByText('In progress too long').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('row', { name: /Import contacts/ }).getByText('Kill-criteria review date passed').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('row', { name: /Import contacts/ }).getByText('Escalated once').isVisible()).resolves.toBe(true);
    // The linked, delivered and anti-backlog items are not zombies.
    for (const title of ['Welcome tour', 'Email verification', 'Gamification']) await expect(page.getByRole('row', { name: new RegExp(title) }).count()).resolves.toBe(0);

    // The weekly trend: a chart, and its numbers equal the API's trend over the default period.
    const trend = await api('trend?metric=zombies&every=week');
    await page.locator('canvas').first().waitFor();
    await page.getByText('The numbers').click();
    const counts = trend.points.map((p: any) => String(p.count));
    expect(await settled(() => page.locator('details.numbers tbody td').allTextContents(), counts)).toEqual(counts);
    expect(trend.points.at(-1).count).toBe(report.count);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'zombies');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('?at= shows the zombies as they stood then (as the API answers for that instant); the trend follows the period; a reload keeps both', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    const at = new Date(Date.parse(seeded.instants.start) + 95 * 86_400_000).toISOString();
    await page.goto(`${url()}?at=${encodeURIComponent(at)}`);
    await page.locator('table.zombies tbody tr').first().waitFor();
    const then = await (await ledger.request('GET', `/backlogs/${seeded.backlogId}/analytics/zombies?at=${encodeURIComponent(at)}`, { token: auditor })).body;
    const now = await api('zombies');
    expect(then.zombies.map((z: any) => z.title)).not.toEqual(now.zombies.map((z: any) => z.title));
    await expectRowsMatch(page, then);
    // Looking at the past offers no decision.
    await expect(page.getByRole('button', { name: /Propose kill/ }).count()).resolves.toBe(0);

    // A period of the first four weeks of the history: the trend's weeks end inside it.
    const period = page.getByRole('form', { name: 'Reporting period' });
    const day = (d: number) => new Date(Date.parse(seeded.instants.start) + d * 86_400_000).toISOString().slice(0, 10);
    await period.getByLabel('First day').fill(day(0));
    await period.getByLabel('Last day').fill(day(27));
    await period.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/from=/);
    const search = new URL(page.url()).searchParams;
    expect(search.get('at')).toBe(at);
    const trend = await (
      await ledger.request('GET', `/backlogs/${seeded.backlogId}/analytics/trend?metric=zombies&at=${encodeURIComponent(at)}&from=${encodeURIComponent(search.get('from')!)}&to=${encodeURIComponent(search.get('to')!)}`, { token: auditor })
    ).body;
    expect(trend.points).toHaveLength(4);
    await page.reload();
    await page.getByText('The numbers').click();
    await waitForExpression(page, `document.querySelectorAll('details.numbers tbody tr').length === 4`);
    expect(await page.locator('details.numbers tbody td').allTextContents()).toEqual(trend.points.map((p: any) => String(p.count)));
    await context.close();
  });

  it('propose kill: the reason is required (nothing written without it); with one, the proposal opens in the forum that reviews the backlog', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    await page.goto(url());
    const openProposals = async () =>
      (await ledger.request('GET', `/proposals?forumId=${seeded.forumId}&status=open`, { token: auditor })).body.proposals as { itemId: string; reason?: string }[];
    expect(await openProposals()).toEqual([]);
    await page.getByRole('button', { name: 'Propose kill… “Team invites”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Propose to kill “Team invites”' });
    await expect(dialog.getByLabel('Review forum').inputValue()).resolves.toBe(seeded.forumId);
    await expect(dialog.getByText(/deferred twice/).isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Open the proposal' }).click();
    await expect(dialog.locator('.field-error').textContent()).resolves.toBe('Why should it be killed? is required: say why this decision is taken.');
    expect(await openProposals()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'zombies-propose-kill');
    await dialog.getByLabel(/Why should it be killed\?/).fill('Moved back and forth for two months; nobody owns it.');
    await dialog.getByRole('button', { name: 'Open the proposal' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Kill proposal opened for “Team invites” in Onboarding review/).waitFor();
    const open = await openProposals();
    expect(open.map((p) => p.itemId)).toEqual([seeded.items['Team invites']]);
    const proposal = (await ledger.request('GET', `/proposals/${(open[0] as any).id}`, { token: auditor })).body;
    expect(proposal.reason).toBe('Moved back and forth for two months; nobody owns it.');
    expect(proposal.openedBy).toBe('lena');
    // The row now says the proposal is open (one open proposal per item: no second button).
    const row = page.getByRole('row', { name: /Team invites/ });
    await row.getByText(/^Open, closes/).waitFor();
    await expect(row.getByRole('button').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('role gating: an auditor sees no propose-kill, a member of the forum does, a product owner of another backlog may not see it', async () => {
    const auditorPage = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await auditorPage.page.goto(url());
    await auditorPage.page.locator('table.zombies tbody tr').first().waitFor();
    await expect(auditorPage.page.getByRole('button', { name: /Propose/ }).count()).resolves.toBe(0);
    await auditorPage.context.close();

    const maria = await signIn(browser, ledger, 'forum-member', { sub: 'maria' });
    await maria.page.goto(url());
    await maria.page.getByRole('button', { name: 'Propose kill… “Tutorial videos”' }).waitFor();
    await maria.context.close();

    const fred = await signIn(browser, ledger, 'forum-member', { sub: 'fred' });
    await fred.page.goto(url());
    await fred.page.locator('table.zombies tbody tr').first().waitFor();
    await expect(fred.page.getByRole('button', { name: /Propose/ }).count()).resolves.toBe(0);
    await fred.context.close();

    const otto = await signIn(browser, ledger, 'product-owner', { sub: 'otto', backlogs: [seeded.emptyBacklogId] });
    await otto.page.goto(url());
    await otto.page.getByRole('alert').getByText('You may not see this').waitFor();
    await otto.context.close();
  });

  it('empty, loading and catching-up states', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    await page.goto(`${ledger.url}/app/backlogs/${seeded.emptyBacklogId}/zombies`);
    await page.getByText('No open item yet, so no zombie.').waitFor();
    await expect(page.getByText('npm run ledger -- demo').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'zombies-empty');

    await expectLoadingAndCatchingUp(page, url(), '**/analytics/zombies*', 'Loading the zombies…', page.locator('table.zombies tbody tr').first());
    await context.close();
  });

  it('is usable on a 390-px-wide phone', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader', { viewport: PHONE });
    await page.goto(url());
    await page.locator('table.zombies tbody tr').first().waitFor();
    await page.locator('canvas').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'zombies-390');
    await context.close();
  });
});
