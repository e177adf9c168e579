import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { expectLoadingAndCatchingUp, settled } from '../../../test/analytics-fixtures';
import { seedScores, type SeededScores } from '../../../test/decision-quality-fixtures';
import { axeViolations, launchBrowser, screenshot, signIn } from '../../../test/ui';

const share = (s: number | null) => (s === null ? '—' : `${Math.round(s * 1000) / 10} %`);
const score = (s: number) => String(Math.round(s * 1000) / 1000);
const DAY = 86_400_000;

const rowsOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.firstChild?.textContent?.trim() ?? '')));

describe('decision quality screens: against the score, calibration, frozen scores (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: SeededScores;
  let auditor: string;
  const get = async (path: string) => (await ledger.request('GET', path, { token: auditor })).body;

  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
    seeded = await seedScores(ledger);
    auditor = await ledger.token('auditor', 'audrey');
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('against the score: the share, by trigger and by actor, the moves with the items they jumped, the weekly trend — as the API computes them; linked from the portfolio', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    const r = await get(`/backlogs/${seeded.backlogId}/analytics/against-score`);
    // The seeded history: 3 moves, 2 judged (the unscored one is not), 1 against the score (above 1000 and 500).
    expect(r).toMatchObject({ reprioritizations: 3, judged: 2, against: 1 });

    await page.goto(`${ledger.url}/app/`);
    const row = page.getByRole('row', { name: /Growth/ });
    const portfolio = (await get('/analytics/portfolio')).backlogs.find((b: { backlogId: string }) => b.backlogId === seeded.backlogId);
    await expect(row.getByRole('cell').last().textContent()).resolves.toBe(`${share(portfolio.againstScore.share)} ${portfolio.againstScore.against} of ${portfolio.againstScore.reprioritizations}`);
    await row.getByRole('link', { name: /^Against the score/ }).click();
    await page.waitForURL(`**/backlogs/${seeded.backlogId}/against-score`);
    await page.locator('table.against-list tbody tr').first().waitFor();

    const shown = async () => ({
      share: await page.locator('[data-figure=share]').textContent(),
      against: await page.locator('[data-figure=against]').textContent(),
      judged: await page.locator('[data-figure=shareOfJudged]').textContent(),
      byActor: await rowsOf(page, 'table.by-actor tbody tr'),
      byTrigger: (await rowsOf(page, 'table.by-trigger tbody tr')).map((cells) => cells.slice(1)),
      moves: await page.locator('table.against-list tbody tr').evaluateAll((rows) => rows.map((x) => x.getAttribute('data-decision'))),
    });
    const want = {
      share: share(r.share),
      against: `${r.against} of ${r.reprioritizations} reprioritizations`,
      judged: `${share(r.shareOfJudged)} of ${r.judged} with a score`,
      byActor: r.byActor.map((a: any) => [a.actorId, String(a.reprioritizations), String(a.judged), String(a.against), share(a.share)]),
      byTrigger: r.byTrigger.map((t: any) => [String(t.reprioritizations), String(t.judged), String(t.against), share(t.share)]),
      moves: r.decisions.map((d: any) => d.eventId),
    };
    expect(await settled(shown, want)).toEqual(want);
    expect(want.moves).toEqual([seeded.events.againstMove]);

    // The move: its item, its place on the item's timeline, and the higher-scored items it jumped, each linked.
    const move = page.locator(`tr[data-decision="${seeded.events.againstMove}"]`);
    const d = r.decisions[0];
    await expect(move.locator('ul.passed-over li').allTextContents()).resolves.toEqual(d.passedOver.map((j: any) => `${j.title} score ${score(j.score)}`));
    expect(d.passedOver.map((j: any) => j.title)).toEqual(['Referral program', 'Onboarding checklist']);
    await expect(move.getByRole('cell').nth(1).textContent()).resolves.toBe(`${score(d.score)} RICE`);
    // The trend: a chart with its numbers in text, one per week end, from the API's points.
    await page.locator('canvas').first().waitFor();
    await expect(page.locator('.trend-numbers').textContent()).resolves.toBe(
      r.trend.map((p: any) => `${new Date(p.at).toLocaleDateString('en-GB', { timeZone: 'Europe/Berlin' })}: ${p.against} of ${p.reprioritizations}`).join(' · '),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'against-score');

    await move.getByRole('link', { name: 'Referral program' }).click();
    await page.getByRole('heading', { name: 'Referral program' }).waitFor();
    await page.goBack();
    await page.locator(`tr[data-decision="${seeded.events.againstMove}"]`).getByRole('link', { name: '#3 → #1: the move of Pricing page on its timeline' }).click();
    await page.waitForURL(`**/items/${seeded.items['Pricing page']}#event-${seeded.events.againstMove}`);
    const entry = page.locator(`#event-${seeded.events.againstMove}[aria-current=true]`);
    await entry.locator('.entry-against').getByText('against the score').waitFor();
    await expect(entry.locator('.entry-score').getAttribute('data-score')).resolves.toBe(String(d.score));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('calibration: throughput, outcomes recorded and objective moved per month in one chart, per decision-maker, the overdue items — as the API computes them', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('navigation', { name: 'Backlog views' }).getByRole('link', { name: 'Calibration' }).click();
    await page.waitForURL(`**/backlogs/${seeded.backlogId}/calibration`);
    await page.locator('table.by-decision-maker tbody tr').first().waitFor();
    const r = await get(`/backlogs/${seeded.backlogId}/analytics/calibration`);
    // 3 delivered: one validated, one overdue (no outcome 30 days after delivery), one without an objective.
    expect(r.totals).toMatchObject({ delivered: 3, validated: 1, refuted: 0, overdue: 1, noObjective: 1 });
    const shown = async () => ({
      delivered: await page.locator('[data-figure=delivered]').textContent(),
      recorded: await page.locator('[data-figure=recorded]').textContent(),
      validated: await page.locator('[data-figure=validated]').textContent(),
      overdue: await page.locator('[data-figure=overdue]').textContent(),
      months: await page.locator('.month-numbers').textContent(),
      byDecisionMaker: await rowsOf(page, 'table.by-decision-maker tbody tr'),
      overdueItems: await rowsOf(page, 'table.overdue-list tbody tr'),
    });
    const t = r.totals;
    const want = {
      delivered: String(t.delivered),
      recorded: String(t.validated + t.refuted),
      validated: `${t.validated} validation rate ${share(t.validationRate)}`,
      overdue: String(t.overdue),
      months: r.byMonth.map((m: any) => `${m.month}: delivered ${m.delivered}, outcome recorded ${m.validated + m.refuted}, moved ${m.validated}`).join(' · '),
      byDecisionMaker: r.byDecisionMaker.map((x: any) => [x.actorId, String(x.delivered), String(x.validated), String(x.refuted), String(x.overdue), share(x.validationRate)]),
      overdueItems: r.overdue.map((o: any) => [o.title, expect.any(String), expect.any(String), o.decisionMaker, String(o.daysSinceDelivery)]),
    };
    const got = await settled(shown, want);
    expect(got).toEqual(want);
    expect(r.overdue.map((o: any) => o.title)).toEqual(['Onboarding checklist']);
    await page.locator('canvas').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'calibration');
    // Each overdue item links to the item.
    await page.locator('table.overdue-list').getByRole('link', { name: 'Onboarding checklist' }).click();
    await page.getByRole('heading', { name: 'Onboarding checklist' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an auditor reads the score an old decision froze, and under ?at= before a later score change, the old score', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    const itemId = seeded.items['Pricing page'];
    const history = await get(`/items/${itemId}/history`);
    const move = history.entries.find((e: any) => e.eventId === seeded.events.againstMove);
    const change = history.entries.find((e: any) => e.eventId === seeded.events.scoreChange);
    expect([move.scoring.score, change.scoring.score]).toEqual([100, 400]);

    await page.goto(`${ledger.url}/app/items/${itemId}`);
    // Now: the score the latest decision froze (400), the model and the inputs now; no decision buttons for an auditor.
    const now = page.locator('section.score-now');
    await expect(now.locator('[data-figure=score]').textContent()).resolves.toBe('400');
    await expect(now.locator('[data-figure=model]').textContent()).resolves.toContain('RICE');
    await expect(now.locator('[data-figure=inputs]').textContent()).resolves.toBe('Reach 400 · Impact 1 · Confidence 1 · Effort 1');
    await expect(page.getByRole('region', { name: 'Decisions' }).count()).resolves.toBe(0);
    // The old decision keeps the score its decider saw: 100, with the inputs then.
    const old = page.locator(`#event-${seeded.events.againstMove}`);
    await expect(old.locator('.entry-score').textContent()).resolves.toBe('Score as decided: 100 RICEReach 100 · Impact 1 · Confidence 1 · Effort 1');
    await expect(page.locator(`#event-${seeded.events.scoreChange} .entry-score`).getAttribute('data-score')).resolves.toBe('400');
    await screenshot(page, 'item-scores');

    // Scrub to before the score changed: the score as it stood (100), the later decision gone from the timeline.
    const before = new Date(Date.parse(seeded.instants.start) + 20 * DAY);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(before).replace(' ', 'T');
    await page.getByLabel('As of', { exact: true }).fill(local);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/at=/);
    await page.getByRole('heading', { name: 'Score as it stood' }).waitFor();
    await expect(now.locator('[data-figure=score]').textContent()).resolves.toBe('100');
    await expect(now.locator('[data-figure=inputs]').textContent()).resolves.toBe('Reach 100 · Impact 1 · Confidence 1 · Effort 1');
    await expect(page.locator(`#event-${seeded.events.scoreChange}`).count()).resolves.toBe(0);
    // A reload keeps it (the instant is in the URL).
    await page.reload();
    await expect(page.locator('section.score-now [data-figure=score]').textContent()).resolves.toBe('100');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('empty, loading and catching-up states of both screens', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    await page.goto(`${ledger.url}/app/backlogs/${seeded.emptyBacklogId}/against-score`);
    await page.getByText('No reprioritization on this backlog in this period.').waitFor();
    await page.getByText(/has no scoring model/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${ledger.url}/app/backlogs/${seeded.emptyBacklogId}/calibration`);
    await page.getByText('No item of this backlog was delivered in this period.').waitFor();
    await screenshot(page, 'calibration-empty');
    await expectLoadingAndCatchingUp(
      page,
      `${ledger.url}/app/backlogs/${seeded.backlogId}/against-score`,
      '**/analytics/against-score*',
      'Loading the decisions against the score…',
      page.locator('table.against-list tbody tr').first(),
    );
    await expectLoadingAndCatchingUp(page, `${ledger.url}/app/backlogs/${seeded.backlogId}/calibration`, '**/analytics/calibration*', 'Loading the calibration…', page.locator('table.by-decision-maker tbody tr').first());
    await context.close();
  });
});
