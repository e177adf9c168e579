import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { seedCheckout, type Seeded } from '../../../test/fixtures';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn, waitForExpression } from '../../../test/ui';

/** The item titles of the ranked table, top first. */
const rankedTitles = (page: Page) => page.locator('table.ranked tbody th[scope=row] a').allTextContents();

/** What the API says about an item (the test's check that nothing, or exactly one thing, was written). */
async function itemState(ledger: Ledger, token: string, itemId: string) {
  const item = await ledger.request('GET', `/items/${itemId}`, { token });
  const history = await ledger.request('GET', `/items/${itemId}/history`, { token });
  return { position: item.body.position as number | null, revision: item.body.revision as number, decisions: (history.body.entries as { type: string }[]).map((e) => e.type) };
}

describe('backlog screen (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: Seeded;
  let auditor: string;

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

  it('a product leader goes portfolio → backlog, reorders by keyboard and by drag with a rationale, and sees the new positions on the timeline', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    expect(await rankedTitles(page)).toEqual(['One-tap payment', 'Saved cards', 'Guest checkout', 'Address autocomplete']);
    // Zombies (100 days without progress) carry their badge and reasons; the estimated item does not.
    const guest = page.getByRole('row', { name: /Guest checkout/ });
    await guest.getByText(/^Zombie/).waitFor();
    await expect(guest.getByText('no objective').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('row', { name: /Saved cards/ }).getByText(/^Zombie/).count()).resolves.toBe(0);
    // Days since progress, counted to the ledger's now: 100 for the untouched items, 0 for the one estimated today.
    const days = await page.locator('table.ranked tbody tr').evaluateAll((rows) => rows.map((r) => r.children[4].textContent));
    expect(days).toEqual(['100', '0', '100', '100']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'backlog');

    // Keyboard: "Move…" → position, trigger, rationale → Enter.
    await page.getByRole('button', { name: 'Move “Guest checkout” to a position' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Move “Guest checkout”' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Move to position').evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await dialog.getByLabel('What triggered it').selectOption('review');
    await dialog.getByLabel(/Why\?/).fill('Guest checkout converts first-time buyers; the review moved it up.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'decision-dialog');
    await dialog.getByRole('button', { name: 'Move', exact: true }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForExpression(page, "document.querySelector('table.ranked tbody th[scope=row] a')?.textContent === 'Guest checkout'");
    expect(await rankedTitles(page)).toEqual(['Guest checkout', 'One-tap payment', 'Saved cards', 'Address autocomplete']);

    // Drag "Address autocomplete" onto the second row: the same dialog, position 2 filled in.
    await page.getByRole('row', { name: /Address autocomplete/ }).dragTo(page.getByRole('row', { name: /One-tap payment/ }));
    const drag = page.getByRole('dialog', { name: 'Move “Address autocomplete”' });
    await drag.waitFor();
    await expect(drag.getByLabel('Move to position').inputValue()).resolves.toBe('2');
    await drag.getByLabel(/Why\?/).fill('Autocomplete removes the most typing on a phone.');
    await drag.getByRole('button', { name: 'Move', exact: true }).click();
    await drag.waitFor({ state: 'detached' });
    await waitForExpression(page, "document.querySelectorAll('table.ranked tbody th[scope=row] a')[1]?.textContent === 'Address autocomplete'");
    expect(await rankedTitles(page)).toEqual(['Guest checkout', 'Address autocomplete', 'One-tap payment', 'Saved cards']);

    // The API recorded both, with who and why.
    const guestState = await itemState(ledger, auditor, seeded.items['Guest checkout']);
    expect(guestState.position).toBe(1);
    expect(guestState.decisions).toEqual(['item.added', 'item.reprioritized']);

    // The item's timeline shows the move with its positions, trigger and rationale.
    await page.getByRole('link', { name: 'Guest checkout' }).click();
    await page.getByRole('heading', { name: 'Decision timeline' }).waitFor();
    const move = page.locator('.timeline-entry', { hasText: 'Reprioritized' });
    await expect(move.locator('.positions').textContent()).resolves.toBe('#3 → #1');
    await expect(move.getByText('review', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(move.getByText('Guest checkout converts first-time buyers; the review moved it up.').isVisible()).resolves.toBe(true);
    await expect(move.getByText('lena').isVisible()).resolves.toBe(true);
    await expect(move.getByText('product-leader').isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a move without a rationale: the message is next to the field, and nothing is written', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    const itemId = seeded.items['Saved cards'];
    const before = await itemState(ledger, auditor, itemId);
    await page.getByRole('button', { name: 'Move “Saved cards” to a position' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move “Saved cards”' });
    await dialog.getByLabel('Move to position').fill('1');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    const why = dialog.getByLabel(/Why\?/);
    await expect(why.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await why.getAttribute('aria-describedby')) ?? '';
    const error = dialog.locator('.field-error');
    await expect(error.textContent()).resolves.toBe('Why? is required: say why this decision is taken.');
    expect(describedBy.split(' ')).toContain(await error.getAttribute('id'));
    await expect(why.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    // Filler is refused as the API refuses it.
    await why.fill('..........');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(error.textContent()).resolves.toBe('Why? must be a meaningful text, not filler.');
    expect(await itemState(ledger, auditor, itemId)).toEqual(before);
    // A decision the API refuses (moving it where it already is) is shown in the dialog, nothing written either.
    await dialog.getByLabel('Move to position').fill(String(before.position));
    await why.fill('Keeping it where it is, for the record.');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await dialog.locator('.notice-error').waitFor();
    await expect(dialog.locator('.notice-error').textContent()).resolves.toMatch(/already at this position/);
    expect(await itemState(ledger, auditor, itemId)).toEqual(before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await context.close();
  });

  it('a stale ETag from a second browser: the 412 message and the new state, nothing overwritten; deciding again works', async () => {
    const itemId = seeded.items['One-tap payment'];
    const a = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    const b = await signIn(browser, ledger, 'product-owner', { sub: 'otto', backlogs: [seeded.backlogId] });
    for (const s of [a, b]) {
      await s.page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
      await s.page.getByRole('row', { name: /One-tap payment/ }).waitFor();
    }
    const startPosition = (await itemState(ledger, auditor, itemId)).position!;
    // B moves it to the bottom.
    await b.page.getByRole('button', { name: 'Move “One-tap payment” to a position' }).click();
    const bd = b.page.getByRole('dialog', { name: 'Move “One-tap payment”' });
    await bd.getByLabel('Move to position').fill('4');
    await bd.getByLabel(/Why\?/).fill('Payments team is blocked until the provider contract is signed.');
    await bd.getByRole('button', { name: 'Move', exact: true }).click();
    await bd.waitFor({ state: 'detached' });
    const afterB = await itemState(ledger, auditor, itemId);
    expect(afterB.position).toBe(4);

    // A still shows the old list and decides on the revision it read.
    expect((await rankedTitles(a.page)).indexOf('One-tap payment') + 1).toBe(startPosition);
    await a.page.getByRole('button', { name: 'Move “One-tap payment” to a position' }).click();
    const ad = a.page.getByRole('dialog', { name: 'Move “One-tap payment”' });
    await ad.getByLabel('Move to position').fill('1');
    await ad.getByLabel(/Why\?/).fill('One-tap payment is the product goal itself.');
    await ad.getByRole('button', { name: 'Move', exact: true }).click();
    await ad.getByText('Someone decided on this meanwhile.').waitFor();
    await ad.getByText(/is now at position 4 of 4/).waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    await screenshot(a.page, 'decision-dialog-412');
    expect(await itemState(ledger, auditor, itemId)).toEqual(afterB);
    // The list behind the dialog shows the new state too; deciding again (with the new ETag) is recorded.
    expect((await rankedTitles(a.page)).at(-1)).toBe('One-tap payment');
    await ad.getByRole('button', { name: 'Move', exact: true }).click();
    await ad.waitFor({ state: 'detached' });
    const afterA = await itemState(ledger, auditor, itemId);
    expect(afterA.position).toBe(1);
    expect(afterA.decisions.filter((d) => d === 'item.reprioritized')).toHaveLength(afterB.decisions.filter((d) => d === 'item.reprioritized').length + 1);
    await a.context.close();
    await b.context.close();
  });

  it('scrubs back in time with ?at=: the ranking and the tabs as they stood, no decision offered, and a reload keeps it', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('row', { name: /Saved cards/ }).waitFor();
    // One minute after the six items were added (the control is in the viewer's zone, Europe/Berlin = UTC+1 in January).
    const local = new Date(Date.parse(seeded.instants.added) + 60_000 + 3600_000).toISOString().slice(0, 16);
    await page.getByLabel('As of', { exact: true }).fill(local);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/\?at=/);
    await waitForExpression(page, "document.querySelectorAll('table.ranked tbody tr').length === 6");
    expect(await rankedTitles(page)).toEqual(['One-tap payment', 'Saved cards', 'Guest checkout', 'Address autocomplete', 'Receipt emails', 'Gift wrapping']);
    await expect(page.getByText('You are looking at the past.').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Killed' }).click();
    await page.getByText('No killed item at that time.').waitFor();
    expect(new URL(page.url()).searchParams.get('at')).toBe(new Date(Date.parse(seeded.instants.added) + 60_000).toISOString());
    await page.reload();
    await page.getByText('No killed item at that time.').waitFor();
    await page.getByRole('button', { name: 'Now' }).click();
    await page.getByRole('row', { name: /Receipt emails/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('killed');
    await context.close();
  });

  it('deep links and reloads work: a tab of a backlog, an item', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor');
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}?tab=anti-backlog`);
    await page.getByRole('row', { name: /Gift wrapping/ }).waitFor();
    await expect(page.getByRole('link', { name: 'Anti-backlog' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.reload();
    await page.getByRole('row', { name: /Gift wrapping/ }).waitFor();
    await page.goto(`${ledger.url}/app/items/${seeded.items['Receipt emails']}`);
    await page.getByRole('heading', { name: 'Receipt emails' }).waitFor();
    await page.reload();
    await page.getByText('Email receipts are sent by the payment provider already.').first().waitFor();
    await context.close();
  });

  it('an auditor sees no decision: no Move, no drag, no Add item', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor');
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('row', { name: /Saved cards/ }).waitFor();
    await expect(page.getByRole('button', { name: /Move/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Add item|Request an item/ }).count()).resolves.toBe(0);
    await expect(page.locator('tr[draggable=true]').count()).resolves.toBe(0);
    await context.close();
  });

  it('a product leader adds an item at a position, with an estimate and a rationale', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('row', { name: /Saved cards/ }).waitFor();
    await page.getByRole('button', { name: 'Add item' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an item' });
    await dialog.getByLabel('Title').fill('Apple Pay');
    await dialog.getByLabel('Kind').selectOption('initiative');
    await dialog.getByLabel('Estimate (story points)').fill('13');
    await dialog.getByLabel('Position').fill('1');
    await dialog.getByLabel(/Why\?/).fill('Half of our mobile buyers have Apple Pay set up.');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForExpression(page, "document.querySelector('table.ranked tbody th[scope=row] a')?.textContent === 'Apple Pay'");
    const row = page.getByRole('row', { name: /Apple Pay/ });
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('13');
    await context.close();
  });

  it('a stakeholder may only request: the request joins the bottom, attributed to them', async () => {
    const { page, context } = await signIn(browser, ledger, 'stakeholder', { sub: 'stella' });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('row', { name: /Saved cards/ }).waitFor();
    await expect(page.getByRole('button', { name: /Move/ }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Request an item' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request an item' });
    await expect(dialog.getByLabel('Position').count()).resolves.toBe(0);
    await dialog.getByLabel('Title').fill('Pay with a bank transfer');
    await dialog.getByLabel(/Why\?/).fill('Our wholesale customers cannot pay by card.');
    await dialog.getByRole('button', { name: 'Request' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Pay with a bank transfer/ });
    await row.waitFor();
    await expect(row.getByText('requested by stella').isVisible()).resolves.toBe(true);
    expect((await rankedTitles(page)).at(-1)).toBe('Pay with a bank transfer');
    await context.close();
  });

  it("a product owner of another backlog is told they may not see this one", async () => {
    const { page, context } = await signIn(browser, ledger, 'product-owner', { sub: 'otto', backlogs: ['0b3c1d2e-0000-4000-8000-000000000000'] });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    const alert = page.getByRole('alert');
    await alert.getByText('You may not see this').waitFor();
    await expect(alert.getByText('AUTH.BACKLOG_NOT_IN_SCOPE').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('is usable on a 390-px-wide phone', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader', { viewport: PHONE });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('row', { name: /Saved cards/ }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'backlog-390');
    await context.close();
  });
});
