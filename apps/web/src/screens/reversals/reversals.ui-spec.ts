import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { expectLoadingAndCatchingUp, seedOnboarding, settled, type SeededAnalytics } from '../../../test/analytics-fixtures';
import { axeViolations, launchBrowser, screenshot, signIn, waitForExpression } from '../../../test/ui';
import { timeToReversalHistogram } from './histogram';

const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10} %`);
const DAY = 86_400_000;

/** The figures, tables and lists of the page, as text. */
async function shown(page: Page) {
  const cells = (selector: string) => page.locator(selector).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.firstChild?.textContent?.trim() ?? '')));
  return {
    rate: await page.locator('[data-figure=rate]').textContent(),
    reversing: await page.locator('[data-figure=reversingDecisions]').textContent(),
    byTrigger: await cells('table.by-trigger tbody tr'),
    byActor: await cells('table.by-actor tbody tr'),
    flipFlops: await page.locator('ol.flip-flops li').allTextContents(),
    reversals: await page.locator('table.reversal-list tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reversal'))),
  };
}

/** The same, from the API's report. */
function expected(r: any) {
  return {
    rate: rate(r.rate),
    reversing: `${r.reversingDecisions} of ${r.decisions} decisions`,
    byTrigger: [
      ['Escalations', String(r.byTrigger.escalation.decisions), String(r.byTrigger.escalation.reversals), rate(r.byTrigger.escalation.rate)],
      ['Other decisions', String(r.byTrigger.other.decisions), String(r.byTrigger.other.reversals), rate(r.byTrigger.other.rate)],
    ],
    byActor: r.byActor.map((a: any) => [a.actorId, String(a.decisions), String(a.reversals), rate(a.rate)]),
    flipFlops: r.topFlipFlops.map((f: any) => `${f.title} — reversed ${f.reversals === 1 ? 'once' : `${f.reversals} times`}`),
    reversals: r.reversals.map((x: any) => x.d2.eventId),
  };
}

describe('reversals screen (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: SeededAnalytics;
  let auditor: string;
  const url = () => `${ledger.url}/app/backlogs/${seeded.backlogId}/reversals`;
  const report = async (query = '') => (await ledger.request('GET', `/backlogs/${seeded.backlogId}/analytics/reversals${query}`, { token: auditor })).body;

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

  it('shows the rate, the split by trigger and by actor, the time-to-reversal histogram and the flip-flops — as the API computes them', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    // From the portfolio: the reversal rate links here.
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('row', { name: /Onboarding/ }).getByRole('link', { name: /^Reversal rate/ }).click();
    await page.waitForURL(`**/backlogs/${seeded.backlogId}/reversals`);
    await page.locator('table.reversal-list tbody tr').first().waitFor();
    const r = await report();
    // Every rule happened: the flip-flop moved back and forth (3 reversals), the kill revived, escalations overturned.
    expect(r.byRule['reprioritization-back']).toBeGreaterThanOrEqual(2);
    expect(r.byRule['revive-after-kill']).toBe(1);
    expect(r.byRule['overturned-escalation']).toBe(4);
    expect(await settled(() => shown(page), expected(r))).toEqual(expected(r));
    expect(r.topFlipFlops[0]).toMatchObject({ title: 'Team invites', reversals: 3 });
    // The histogram: a chart, its numbers in text, binned from the API's days.
    await page.locator('canvas').first().waitFor();
    const bins = timeToReversalHistogram(r.reversals.map((x: any) => x.days));
    await expect(page.locator('.histogram-numbers').textContent()).resolves.toBe(bins.map((b) => `${b.label}: ${b.count}`).join(' · '));
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(r.reversingDecisions);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reversals');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('links each reversal to both decisions on the item timeline', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(url());
    const row = page.locator(`tr[data-reversal="${seeded.events.reviveE}"]`);
    await expect(row.getByRole('cell').nth(0).textContent()).resolves.toBe('Revived after a kill');
    // The reversed decision: the kill, on the item's timeline, scrolled to and marked.
    await row.getByRole('link', { name: 'Killed' }).click();
    await page.waitForURL(`**/items/${seeded.items['Dark mode']}#event-${seeded.events.killE}`);
    const kill = page.locator(`#event-${seeded.events.killE}`);
    await kill.waitFor();
    await expect(kill.getAttribute('aria-current')).resolves.toBe('true');
    await kill.getByText('Nobody asked for it in the interviews.').waitFor();
    // Scrolled into view once the timeline is drawn.
    await waitForExpression(page, `(() => { const b = document.getElementById('event-${seeded.events.killE}').getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; })()`);
    await page.goBack();
    // The reversing decision: the revival.
    await page.locator(`tr[data-reversal="${seeded.events.reviveE}"]`).getByRole('link', { name: 'Revived' }).click();
    await page.waitForURL(`**#event-${seeded.events.reviveE}`);
    const revive = page.locator(`#event-${seeded.events.reviveE}`);
    await expect(revive.getAttribute('aria-current')).resolves.toBe('true');
    await revive.getByText('Three enterprise customers asked for it this week.').waitFor();
    await expect(page.locator('.entry-target').count()).resolves.toBe(1);
    // An overturned escalation links to the decision it challenged and to its resolution (inside the thread).
    await page.goto(url());
    const overturned = (await report()).reversals.find((x: any) => x.rule === 'overturned-escalation');
    const orow = page.locator(`tr[data-reversal="${overturned.d2.eventId}"]`);
    await orow.getByText(`raised by ${overturned.escalation.raisedBy}`).waitFor();
    await orow.getByRole('link', { name: 'Escalation overturned' }).click();
    await page.locator(`.thread #event-${overturned.d2.eventId}[aria-current=true]`).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('?at= and the period change the numbers as the API does; a reload keeps them', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    const at = new Date(Date.parse(seeded.instants.start) + 60 * DAY).toISOString();
    await page.goto(`${url()}?at=${encodeURIComponent(at)}`);
    await page.locator('table.reversal-list tbody tr').first().waitFor();
    const then = await report(`?at=${encodeURIComponent(at)}`);
    const now = await report();
    expect(then.reversingDecisions).toBeLessThan(now.reversingDecisions);
    expect(await settled(() => shown(page), expected(then))).toEqual(expected(then));

    // The first six weeks only (days 0–41): the flip-flop's first two reversals, not its third (day 42).
    const period = page.getByRole('form', { name: 'Reporting period' });
    const day = (d: number) => new Date(Date.parse(seeded.instants.start) + d * DAY).toISOString().slice(0, 10);
    await period.getByLabel('First day').fill(day(0));
    await period.getByLabel('Last day').fill(day(41));
    await period.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/to=/);
    const q = new URL(page.url()).searchParams;
    const inPeriod = await report(`?at=${encodeURIComponent(at)}&from=${encodeURIComponent(q.get('from')!)}&to=${encodeURIComponent(q.get('to')!)}`);
    expect(inPeriod.topFlipFlops).toEqual([expect.objectContaining({ title: 'Team invites', reversals: 2 })]);
    expect(await settled(() => shown(page), expected(inPeriod))).toEqual(expected(inPeriod));
    await page.reload();
    await page.locator('table.reversal-list tbody tr').first().waitFor();
    expect(await settled(() => shown(page), expected(inPeriod))).toEqual(expected(inPeriod));
    // Back to the default period; the instant stays.
    await page.getByRole('button', { name: 'Last 90 days' }).click();
    await waitForExpression(page, `!location.search.includes('from=')`);
    expect(new URL(page.url()).searchParams.get('at')).toBe(at);
    await context.close();
  });

  it('empty, loading and catching-up states', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    await page.goto(`${ledger.url}/app/backlogs/${seeded.emptyBacklogId}/reversals`);
    await page.getByText('No decision on this backlog’s items in this period.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reversals-empty');
    await expectLoadingAndCatchingUp(page, url(), '**/analytics/reversals*', 'Loading the reversals…', page.locator('table.reversal-list tbody tr').first());
    await context.close();
  });
});
