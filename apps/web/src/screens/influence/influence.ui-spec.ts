import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { expectLoadingAndCatchingUp, seedOnboarding, settled, type SeededAnalytics } from '../../../test/analytics-fixtures';
import { axeViolations, launchBrowser, screenshot, signIn } from '../../../test/ui';

const DAY = 86_400_000;
const winRate = (overturned: number, resolved: number) => (resolved === 0 ? 'none resolved' : `${overturned} of ${resolved} (${Math.round((overturned / resolved) * 1000) / 10} %)`);

/** Rows of the table (stakeholders, then the totals) as the page shows them. */
const shownRows = (page: Page) =>
  page.locator('table.influence tbody tr, table.influence tfoot tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));

/** The same rows from the API's report: counts, the win rate with its count, and the small-sample badge below 5 resolved. */
const expectedRows = (r: any) =>
  [...r.stakeholders.map((s: any) => ({ ...s, name: s.stakeholderId })), { ...r.totals, name: 'All stakeholders' }].map((s: any) => [
    s.name,
    String(s.escalationsRaised),
    String(s.overturned),
    String(s.upheld),
    String(s.open),
    winRate(s.overturned, s.resolved) + (s.resolved > 0 && s.resolved < 5 ? `small sample (n = ${s.resolved})` : ''),
  ]);

describe('influence screen (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: SeededAnalytics;
  let auditor: string;
  const url = () => `${ledger.url}/app/backlogs/${seeded.backlogId}/influence`;
  const report = async (query = '') => (await ledger.request('GET', `/backlogs/${seeded.backlogId}/analytics/influence${query}`, { token: auditor })).body;

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

  it('shows escalations raised and the win rate per stakeholder with their counts, and warns where n is small', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('navigation', { name: 'Backlog views' }).getByRole('link', { name: 'Influence' }).click();
    await page.locator('table.influence tbody tr').first().waitFor();
    const r = await report();
    expect(await settled(() => shownRows(page), expectedRows(r))).toEqual(expectedRows(r));
    // Sam: six escalations, four overturned — enough resolved for a rate; Sofia: one resolved, one open — a small sample.
    const sam = page.getByRole('row', { name: /^sam/ });
    await expect(sam.getByRole('cell').last().textContent()).resolves.toBe('4 of 6 (66.7 %)');
    const sofia = page.getByRole('row', { name: /^sofia/ });
    await sofia.getByText('small sample (n = 1)').waitFor();
    await expect(page.getByRole('note').textContent()).resolves.toMatch(/^Small samples\. 1 of these win rates rests on fewer than 5 resolved escalations/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'influence');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('?at= shows the escalations as they were resolved by then (as the API answers); a reload keeps it', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor');
    // Day 60.5: Sam's third escalation raised, not yet resolved; Sofia had raised none.
    const at = new Date(Date.parse(seeded.instants.start) + 60.75 * DAY).toISOString();
    await page.goto(`${url()}?at=${encodeURIComponent(at)}`);
    await page.locator('table.influence tbody tr').first().waitFor();
    const then = await report(`?at=${encodeURIComponent(at)}`);
    expect(then.stakeholders).toEqual([expect.objectContaining({ stakeholderId: 'sam', escalationsRaised: 3, overturned: 2, open: 1 })]);
    expect(await settled(() => shownRows(page), expectedRows(then))).toEqual(expectedRows(then));
    await page.getByText('Every win rate here rests on fewer than 5').waitFor();
    await page.reload();
    await page.locator('table.influence tbody tr').first().waitFor();
    expect(await settled(() => shownRows(page), expectedRows(then))).toEqual(expectedRows(then));
    await context.close();
  });

  it('empty, loading and catching-up states', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    await page.goto(`${ledger.url}/app/backlogs/${seeded.emptyBacklogId}/influence`);
    await page.getByText('No escalation was raised on this backlog in this period.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'influence-empty');
    await expectLoadingAndCatchingUp(page, url(), '**/analytics/influence*', 'Loading the escalations…', page.locator('table.influence tbody tr').first());
    await context.close();
  });
});
