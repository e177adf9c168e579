import type { Browser } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { seedCheckout, type Seeded } from '../../../test/fixtures';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn } from '../../../test/ui';

const DAY = 86_400_000;
const WANTED = 'Rank Apple Pay first: the launch is contractually due in March.';
const REASON = 'Two enterprise customers signed for Apple Pay with a March deadline.';
const RESOLUTION = 'The contracts make Apple Pay the most valuable item now.';

describe('the stakeholder and the owner (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: Seeded;
  let auditor: string;
  let applePay: string;

  const escalationsOf = async (query: string) => (await ledger.request('GET', `/escalations?${query}`, { token: auditor })).body.escalations as Record<string, any>[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
    seeded = await seedCheckout(ledger);
    auditor = await ledger.token('auditor', 'audrey');
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('a stakeholder requests an item from the navigation, escalates its placement from the timeline (a missing reason is refused, nothing written), and sees it open', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'stakeholder', { sub: 'stella' });
    await page.goto(`${ledger.url}/app/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'My escalations' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Portfolio', 'Request an item', 'My escalations']);
    await nav.getByRole('link', { name: 'Request an item' }).click();
    await page.getByRole('heading', { name: 'Request an item', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'request');
    await page.getByRole('button', { name: 'Request an item for Checkout' }).click();
    const request = page.getByRole('dialog', { name: 'Request an item for Checkout' });
    await request.getByLabel('Title').fill('Apple Pay');
    await request.getByLabel('Hypothesis').fill('Buyers on iPhones pay faster with Apple Pay; conversion on mobile rises.');
    await request.getByLabel('Why is it needed?').fill('Two enterprise customers asked for it this quarter.');
    await request.getByRole('button', { name: 'Request', exact: true }).click();
    await request.waitFor({ state: 'detached' });
    await page.getByText('Requested “Apple Pay” in Checkout').waitFor();
    await page.getByRole('link', { name: 'Open its timeline' }).click();
    await page.getByRole('heading', { name: 'Apple Pay' }).waitFor();
    applePay = page.url().split('/items/')[1].split(/[?#]/)[0];
    const item = (await ledger.request('GET', `/items/${applePay}`, { token: auditor })).body;
    expect(item).toMatchObject({ title: 'Apple Pay', requestedBy: 'stella', position: 5, status: 'open' });
    const added = page.locator('.timeline-entry', { hasText: 'Added' });
    await expect(added.locator('.entry-meta').textContent()).resolves.toMatch(/^stella stakeholder · /);
    // A stakeholder is offered escalation only.
    expect(await page.locator('section.actions button').allTextContents()).toEqual(['Escalate']);

    // Escalate the placement at the bottom, from the timeline: without a reason nothing is sent.
    ledger.clock.advance(DAY);
    await added.getByRole('button', { name: /Escalate this decision/ }).click();
    const dialog = page.getByRole('dialog', { name: /Escalate a decision/ });
    await expect(dialog.getByLabel('The decision you challenge').locator('option:checked').textContent()).resolves.toMatch(/^added by stella/);
    await dialog.getByLabel('What you want instead').fill(WANTED);
    await dialog.getByRole('button', { name: 'Escalate' }).click();
    const why = dialog.getByLabel('Why should it change?');
    await expect(why.getAttribute('aria-invalid')).resolves.toBe('true');
    const error = dialog.locator(`#${(await why.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))}`);
    await expect(error.textContent()).resolves.toBe('Why should it change? is required: say why this decision is taken.');
    expect(await escalationsOf('raisedBy=stella')).toEqual([]);
    expect((await ledger.request('GET', `/items/${applePay}`, { token: auditor })).body.revision).toBe(item.revision);

    await why.fill(REASON);
    await dialog.getByLabel('Addressed to').fill('Checkout product owner');
    await dialog.getByRole('button', { name: 'Escalate' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('li.thread').getByText(WANTED).waitFor();

    await nav.getByRole('link', { name: 'My escalations' }).click();
    await page.getByRole('heading', { name: 'My escalations', level: 1 }).waitFor();
    const card = page.locator('article.escalation');
    await card.waitFor();
    await expect(card.locator('.escalation-status').textContent()).resolves.toBe('open Open: waiting for a resolution');
    await expect(card.getByRole('heading', { name: /Apple Pay/ }).textContent()).resolves.toBe('Apple PayCheckout');
    await expect(card.locator('dd').first().textContent()).resolves.toMatch(/^Added → #5 by stella stakeholder on /);
    await expect(card.getByText(WANTED).isVisible()).resolves.toBe(true);
    await expect(card.getByText(REASON).isVisible()).resolves.toBe(true);
    await expect(card.getByText(/by you on .+, addressed to Checkout product owner/).isVisible()).resolves.toBe(true);
    await expect(card.locator('.resolution').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the owner finds it among the open escalations of the backlog and overturns it with a rationale and a move', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-owner', { sub: 'otto', backlogs: [seeded.backlogId] });
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalations' }).click();
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    await expect(page.getByRole('link', { name: 'Waiting for a resolution' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.getByLabel('Backlog').selectOption({ label: 'Checkout' });
    await page.waitForURL(new RegExp(`backlogId=${seeded.backlogId}`));
    const card = page.locator('article.escalation');
    await card.waitFor();
    await expect(card.count()).resolves.toBe(1);
    await expect(card.getByText(/^by stella stakeholder on /).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'escalations-owner');

    ledger.clock.advance(DAY);
    await card.getByRole('link', { name: /Resolve on the item/ }).click();
    await page.getByRole('heading', { name: 'Apple Pay' }).waitFor();
    await page.getByRole('button', { name: 'Resolve escalation' }).click();
    const resolve = page.getByRole('dialog', { name: /Resolve an escalation/ });
    await expect(resolve.getByLabel('Escalation').locator('option:checked').textContent()).resolves.toBe(`stella: ${WANTED.slice(0, 60)}`);
    await resolve.getByLabel('Outcome').selectOption('overturned');
    await resolve.getByLabel('Position').fill('1');
    await resolve.getByLabel(/Why\?/).fill(RESOLUTION);
    await resolve.getByRole('button', { name: 'Resolve escalation' }).click();
    await resolve.waitFor({ state: 'detached' });
    await page.locator('.facts').getByText('position 1').waitFor();
    expect(await page.locator('li.thread .entry-decision').allTextContents()).toEqual(['Escalated', 'Escalation resolved: overturned', 'Reprioritized']);

    // Nothing waits any more.
    await page.goBack();
    await page.getByText('No escalation is waiting for a resolution on this backlog.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the stakeholder sees how it was resolved — overturned, by whom, when, why — and the change it caused, on a phone', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'stakeholder', { sub: 'stella', viewport: PHONE });
    await page.goto(`${ledger.url}/app/escalations`);
    const card = page.locator('article.escalation');
    await card.locator('.resolution').waitFor();
    const [api] = await escalationsOf('raisedBy=stella');
    expect(api).toMatchObject({ status: 'overturned', resolution: { outcome: 'overturned', by: { id: 'otto', role: 'product-owner' }, rationale: RESOLUTION } });
    await expect(card.locator('.escalation-status').textContent()).resolves.toBe('overturned Overturned: the decision changed');
    await expect(card.locator('.resolution dd').textContent()).resolves.toMatch(new RegExp(`^Overturned by otto product-owner on .+${RESOLUTION}$`));
    expect(await card.locator('.resolution time').getAttribute('datetime')).toBe(api.resolution.at);
    await expect(card.locator('.change dd').textContent()).resolves.toBe('Reprioritized #5 → #1');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'escalations-390');

    // The change leads to the item's timeline, where the item now is first.
    await card.locator('.change').getByRole('link', { name: 'Reprioritized' }).click();
    await page.getByRole('heading', { name: 'Apple Pay' }).waitFor();
    await page.locator('.facts').getByText('position 1').waitFor();
    expect(page.url()).toContain(`#event-${api.resolution.change.eventId}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an auditor reads every escalation and is offered nothing to resolve', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/escalations`);
    const card = page.locator('article.escalation');
    await card.waitFor();
    await expect(page.getByRole('link', { name: 'All escalations' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(card.getByRole('link', { name: /Resolve/ }).count()).resolves.toBe(0);
    await expect(card.getByRole('link', { name: /The item’s timeline/ }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'escalations');
    await context.close();
  });
});
