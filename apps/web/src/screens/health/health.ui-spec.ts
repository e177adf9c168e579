import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { expectLoadingAndCatchingUp, seedOnboarding, settled, type SeededAnalytics } from '../../../test/analytics-fixtures';
import { axeViolations, launchBrowser, screenshot, signIn, waitForExpression } from '../../../test/ui';

const DAY = 86_400_000;
const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
const VERDICT: Record<string, string> = { 'too-small': 'too small', healthy: 'healthy', 'too-large': 'too large', unknown: 'unknown (no velocity yet)' };

/** The figures as the page shows them (each one's main text, without its verdict and explanation line). */
const figures = (page: Page) =>
  page.locator('[data-figure]').evaluateAll((dds) =>
    Object.fromEntries(
      dds.map((d) => {
        const main = d.cloneNode(true) as typeof d;
        main.querySelectorAll('.sub, .verdict').forEach((x: { remove(): void }) => x.remove());
        return [d.getAttribute('data-figure'), main.textContent?.trim() ?? ''];
      }),
    ),
  );

const expectedFigures = (r: any) => ({
  sizeInSprints: r.size.sizeInSprints === null ? '—' : r.size.sizeInSprints.toFixed(1),
  estimated: r.readyItems === 0 ? '—' : pct(1 - r.readyWithoutEstimate.share),
  linked: r.openItems === 0 ? '—' : pct(r.linkedToObjective.share),
  antiBacklog: String(r.antiBacklogSize),
  kills: String(r.kills.count),
  age: `median ${r.openItemAgeDays.p50 ?? '—'} · p75 ${r.openItemAgeDays.p75 ?? '—'} · p90 ${r.openItemAgeDays.p90 ?? '—'}`,
});

describe('health screen (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: SeededAnalytics;
  let auditor: string;
  const url = () => `${ledger.url}/app/backlogs/${seeded.backlogId}/health`;
  const get = async (path: string) => (await ledger.request('GET', `/backlogs/${seeded.backlogId}/analytics/${path}`, { token: auditor })).body;

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

  it('shows size in sprints against the band over time, delivered vs outcomes per month, coverage, anti-backlog and the policy — as the API computes them', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    // From the portfolio: the size links here.
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('row', { name: /Onboarding/ }).getByRole('link', { name: /^Size/ }).click();
    await page.waitForURL(`**/backlogs/${seeded.backlogId}/health`);
    await page.locator('[data-figure=sizeInSprints]').waitFor();
    const r = await get('health');
    expect(await settled(() => figures(page), expectedFigures(r))).toEqual(expectedFigures(r));
    expect(r.antiBacklogSize).toBe(1);
    await expect(page.locator('[data-figure=sizeInSprints] .verdict').textContent()).resolves.toBe(VERDICT[r.size.verdict]);
    await expect(page.locator('[data-figure=sizeInSprints] .sub').textContent()).resolves.toMatch(new RegExp(`^healthy: ${r.size.band.min}–${r.size.band.max}; ${r.size.readyPoints} points ÷ ${r.size.averageVelocity} per sprint`));
    // Size in sprints week by week (chart + numbers), equal to the API's trend.
    const trend = await get('trend?metric=size-in-sprints&every=week');
    await page.getByText('The numbers').click();
    const sizes = trend.points.map((p: any) => (p.sizeInSprints === null ? '—' : p.sizeInSprints.toFixed(1)));
    expect(await settled(() => page.locator('table.size-weeks tbody td.num').allTextContents(), sizes)).toEqual(sizes);
    // Delivered vs outcomes moved, per month.
    const months = await page.locator('table.delivered-months tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((c) => c.textContent)));
    expect(months).toEqual(r.deliveredVsOutcomes.map((m: any) => [m.month, String(m.delivered), String(m.outcomesMoved), String(m.outcomesNotMoved)]));
    expect(r.deliveredVsOutcomes.some((m: any) => m.delivered === 1 && m.outcomesMoved === 1)).toBe(true);
    await waitForExpression(page, `document.querySelectorAll('canvas').length >= 2`);
    // The policy in force.
    const policy = await page.locator('dl.policy dd').allTextContents();
    expect(policy).toEqual(['90 days of age', '60 days without progress', '30 days', '3–6 sprints', 'every 14 days']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'health');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('?at= shows the health as it was then (as the API answers); a reload keeps it', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor');
    const at = new Date(Date.parse(seeded.instants.start) + 60 * DAY).toISOString();
    await page.goto(`${url()}?at=${encodeURIComponent(at)}`);
    await page.locator('[data-figure=sizeInSprints]').waitFor();
    const then = await get(`health?at=${encodeURIComponent(at)}`);
    expect(then.antiBacklogSize).toBe(0);
    expect(await settled(() => figures(page), expectedFigures(then))).toEqual(expectedFigures(then));
    await page.getByText('The policy in force now; the figures above use the one in force at the instant shown.').waitFor();
    await page.reload();
    await page.locator('[data-figure=sizeInSprints]').waitFor();
    expect(await settled(() => figures(page), expectedFigures(then))).toEqual(expectedFigures(then));
    await context.close();
  });

  it('empty, loading and catching-up states', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    await page.goto(`${ledger.url}/app/backlogs/${seeded.emptyBacklogId}/health`);
    await page.getByText('Nothing on this backlog yet.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'health-empty');
    await expectLoadingAndCatchingUp(page, url(), '**/analytics/health*', 'Loading the health report…', page.locator('[data-figure=sizeInSprints]'));
    await context.close();
  });
});
