import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { analyticsReached, seedCheckout, type Seeded } from '../../../test/fixtures';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn } from '../../../test/ui';

const DAY = 86_400_000;

/** The labels of the decision buttons the page offers. */
const decisionButtons = (page: Page) => page.locator('section.actions button').allTextContents();

describe('item screen (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: Seeded;
  let auditor: string;
  let guest: string;
  let beforeMove: string;

  /** "Guest checkout": moved to the top, escalated by a stakeholder, overturned by the leader (back to 3). */
  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
    seeded = await seedCheckout(ledger);
    auditor = await ledger.token('auditor', 'audrey');
    const stella = await ledger.token('stakeholder', 'stella');
    guest = seeded.items['Guest checkout'];
    beforeMove = ledger.clock.now().toISOString();
    ledger.clock.advance(DAY);
    const post = async (token: string, path: string, body: unknown) => {
      const res = await ledger.request('POST', path, { token, body });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    const moved = await post(seeded.leader, `/items/${guest}/reprioritize`, { toPosition: 1, trigger: 'review', rationale: 'Guest checkout converts first-time buyers.' });
    ledger.clock.advance(DAY);
    const escalation = await post(stella, `/items/${guest}/escalations`, {
      againstEventId: moved.eventIds[0],
      wanted: 'Keep one-tap payment first as promised to sales.',
      reason: 'Sales committed the one-tap launch date to three key accounts.',
      addressedTo: 'Product leadership',
    });
    ledger.clock.advance(DAY);
    const resolved = await post(seeded.leader, `/items/${guest}/escalations/${escalation.escalationId}/resolve`, {
      outcome: 'overturned',
      rationale: 'The commitment to the key accounts stands; guest checkout goes back.',
    });
    await analyticsReached(ledger, seeded.leader, resolved.position);
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('shows the timeline with who, role, when, why and positions; the escalation → resolution → change as one thread; the rank chart', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    await page.goto(`${ledger.url}/app/items/${guest}`);
    await page.getByRole('heading', { name: 'Guest checkout' }).waitFor();
    await page.getByRole('heading', { name: 'Decision timeline' }).waitFor();
    const rows = page.locator('ol.timeline > li');
    await expect(rows.count()).resolves.toBe(3); // added, reprioritized, the thread
    const thread = page.locator('li.thread');
    expect(await thread.locator('.entry-decision').allTextContents()).toEqual(['Escalated', 'Escalation resolved: overturned', 'Reprioritized']);
    await expect(thread.locator('.thread-title').textContent()).resolves.toMatch(/^Escalation against “Reprioritized” of /);
    await expect(thread.getByText('Keep one-tap payment first as promised to sales.').isVisible()).resolves.toBe(true);
    await expect(thread.getByText('stella').isVisible()).resolves.toBe(true);
    await expect(thread.locator('.positions').textContent()).resolves.toBe('#1 → #3');
    const first = rows.nth(1);
    await expect(first.locator('.positions').textContent()).resolves.toBe('#3 → #1');
    await expect(first.getByText('Guest checkout converts first-time buyers.').isVisible()).resolves.toBe(true);
    // Times in the viewer's zone, the UTC instant on hover.
    const time = first.locator('time');
    expect(await time.getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \(UTC\)$/);
    // The chart draws on a canvas (ECharts loaded for this screen only).
    await page.locator('.chart canvas').first().waitFor();
    expect(await decisionButtons(page)).toEqual(['Start', 'Deliver', 'Estimate', 'Link objective', 'Set kill criteria', 'Kill', 'Move to anti-backlog', 'Escalate']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'item');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a field problem from the API next to its field and writes nothing; then kills and revives with reasons', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    const itemId = seeded.items['Address autocomplete'];
    const revision = async () => (await ledger.request('GET', `/items/${itemId}`, { token: auditor })).body.revision;
    const before = await revision();
    await page.goto(`${ledger.url}/app/items/${itemId}`);
    await page.getByRole('button', { name: 'Set kill criteria' }).click();
    const dialog = page.getByRole('dialog', { name: /Kill criteria for/ });
    await dialog.getByLabel('Exit condition').fill('Fewer than 5% of mobile buyers type an address.');
    await dialog.getByLabel('Review by').fill('2026-01-01');
    await dialog.getByLabel(/Why\?/).fill('We need a date to decide whether autocomplete pays off.');
    await dialog.getByRole('button', { name: 'Set kill criteria' }).click();
    const error = dialog.locator('.field-date .field-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('reviewBy may not lie in the past.');
    await expect(dialog.getByLabel('Review by').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await revision()).toBe(before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Kill', exact: true }).click();
    const kill = page.getByRole('dialog', { name: /^Kill/ });
    await kill.getByLabel('Why is it killed?').fill('Browsers autofill addresses well enough now.');
    await kill.getByRole('button', { name: 'Kill', exact: true }).click();
    await kill.waitFor({ state: 'detached' });
    await page.getByText('Browsers autofill addresses well enough now.').first().waitFor();
    expect(await decisionButtons(page)).toEqual(['Revive', 'Escalate']);
    await page.getByRole('button', { name: 'Revive' }).click();
    const revive = page.getByRole('dialog', { name: /^Revive/ });
    await revive.getByLabel('Position').fill('1');
    await revive.getByLabel(/Why\?/).fill('Autofill fails for our new address format.');
    await revive.getByRole('button', { name: 'Revive' }).click();
    await revive.waitFor({ state: 'detached' });
    await page.locator('.facts').getByText('position 1').waitFor();
    const history = await ledger.request('GET', `/items/${itemId}/history`, { token: auditor });
    expect(history.body.entries.map((e: { type: string }) => e.type).slice(-2)).toEqual(['item.killed', 'item.revived']);
    await context.close();
  });

  it('takes every other decision through its dialog: estimate, link objective, start, deliver, record outcome; anti-backlog', async () => {
    const objective = await ledger.request('POST', `/backlogs/${seeded.backlogId}/objectives`, {
      token: seeded.leader,
      body: { title: 'Returning buyers pay in one tap', metric: 'One-tap share of returning payments', target: '60%', rationale: 'The product goal needs a measure.' },
    });
    expect(objective.status).toBe(201);
    const { page, context, problems } = await signIn(browser, ledger, 'product-owner', { sub: 'otto', backlogs: [seeded.backlogId] });
    const itemId = seeded.items['One-tap payment'];
    await page.goto(`${ledger.url}/app/items/${itemId}`);
    const decide = async (button: string, fill: (dialog: ReturnType<typeof page.getByRole>) => Promise<void>) => {
      await page.locator('section.actions').getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await fill(dialog);
      await dialog.getByRole('button', { name: button, exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await decide('Estimate', async (d) => {
      await d.getByLabel('Estimate (story points)').fill('8');
      await d.getByLabel(/Why\?/).fill('Sized with the payments team today.');
    });
    await page.locator('.facts').getByText('8', { exact: true }).waitFor();
    await decide('Link objective', async (d) => {
      await d.getByLabel('Objective').selectOption({ label: 'Returning buyers pay in one tap' });
      await d.getByLabel(/Why\?/).fill('This is the objective it serves directly.');
    });
    await page.locator('.facts').getByText('Returning buyers pay in one tap').waitFor();
    await decide('Start', async (d) => d.getByLabel(/Why\?/).fill('The team has capacity this sprint.'));
    await page.locator('.facts .status-in-progress').waitFor();
    await decide('Deliver', async (d) => d.getByLabel(/Why\?/).fill('Released to all customers on Monday.'));
    await page.locator('.facts .status-delivered').waitFor();
    await decide('Record outcome', async (d) => {
      await d.getByLabel('What was observed').fill('One-tap share rose from 12% to 41%');
      await d.getByLabel('The metric moved').check();
      await d.getByLabel(/Why\?/).fill('Measured over four weeks after release.');
    });
    await page.locator('.timeline-entry', { hasText: 'Outcome recorded' }).waitFor();
    const history = await ledger.request('GET', `/items/${itemId}/history`, { token: auditor });
    expect(history.body.entries.map((e: { type: string }) => e.type).slice(-5)).toEqual([
      'item.estimated',
      'item.linked-to-objective',
      'item.started',
      'item.delivered',
      'item.outcome-recorded',
    ]);
    expect(history.body.entries.at(-1).data).toMatchObject({ observedValue: 'One-tap share rose from 12% to 41%', moved: true });

    await page.goto(`${ledger.url}/app/items/${seeded.items['Guest checkout']}`);
    await decide('Move to anti-backlog', async (d) => d.getByLabel('Why is it not pursued?').fill('Guests are 3% of buyers; the goal is returning ones.'));
    await page.locator('.facts .status-anti-backlog').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an auditor sees no decision button, and verifies the hash chains', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/items/${guest}`);
    await page.getByRole('heading', { name: 'Decision timeline' }).waitFor();
    await expect(page.locator('section.actions').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Escalate|Kill|Move|Deliver|Start|Revive|Estimate/ }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Verify the hash chains' }).click();
    await page.getByText('Chain verified').waitFor();
    await expect(page.locator('.chain').textContent()).resolves.toMatch(/\d+ events in \d+ streams, nothing altered/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'item-auditor');
    await context.close();
  });

  it('a stakeholder may only escalate, from the timeline; the owner then resolves it and the thread shows both', async () => {
    const itemId = seeded.items['Saved cards'];
    const s = await signIn(browser, ledger, 'stakeholder', { sub: 'stella' });
    await s.page.goto(`${ledger.url}/app/items/${itemId}`);
    await s.page.getByRole('heading', { name: 'Decision timeline' }).waitFor();
    expect(await decisionButtons(s.page)).toEqual(['Escalate']);
    await s.page.locator('.timeline-entry', { hasText: 'Estimated' }).getByRole('button', { name: /Escalate this decision/ }).click();
    const dialog = s.page.getByRole('dialog', { name: /Escalate a decision/ });
    await expect(dialog.getByLabel('The decision you challenge').locator('option:checked').textContent()).resolves.toMatch(/^estimated by lena/);
    await dialog.getByLabel('What you want instead').fill('Estimate it again with the payments team.');
    await dialog.getByLabel('Why should it change?').fill('Five points ignores the PCI review entirely.');
    await dialog.getByRole('button', { name: 'Escalate' }).click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.locator('li.thread').getByText('Estimate it again with the payments team.').waitFor();
    await s.context.close();

    const o = await signIn(browser, ledger, 'product-owner', { sub: 'otto', backlogs: [seeded.backlogId] });
    await o.page.goto(`${ledger.url}/app/items/${itemId}`);
    await o.page.getByRole('button', { name: 'Resolve escalation' }).click();
    const resolve = o.page.getByRole('dialog', { name: /Resolve an escalation/ });
    await resolve.getByLabel('Outcome').selectOption('upheld');
    await resolve.getByLabel(/Why\?/).fill('The PCI review is already part of the estimate.');
    await resolve.getByRole('button', { name: 'Resolve escalation' }).click();
    await resolve.waitFor({ state: 'detached' });
    await o.page.locator('li.thread .entry-decision', { hasText: 'Escalation resolved: upheld' }).waitFor();
    await expect(o.page.getByRole('button', { name: 'Resolve escalation' }).count()).resolves.toBe(0);
    await o.context.close();
  });

  it('shows the timeline as it stood at ?at= (before the move), with no decision offered', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    await page.goto(`${ledger.url}/app/items/${guest}?at=${encodeURIComponent(beforeMove)}`);
    await page.getByRole('heading', { name: 'Decision timeline' }).waitFor();
    expect(await page.locator('ol.timeline .entry-decision').allTextContents()).toEqual(['Added']);
    await expect(page.locator('section.actions').count()).resolves.toBe(0);
    await context.close();
  });

  it('is usable on a 390-px-wide phone', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader', { viewport: PHONE });
    await page.goto(`${ledger.url}/app/items/${guest}`);
    await page.locator('li.thread').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'item-390');
    await context.close();
  });

  it('shows the kill proposals on the item with every vote and its reason, a changed vote marked', async () => {
    const itemId = seeded.items['Address autocomplete'];
    const post = async (token: string, path: string, body: unknown) => {
      const res = await ledger.request('POST', path, { token, body });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    const rule = { quorum: 2, killThreshold: 0.6, votingPeriodDays: 5, reviewCadenceDays: 14, onNoQuorum: 'return-to-owner' };
    const forumId = (await post(seeded.leader, '/forums', { name: 'Checkout kill review', backlogIds: [seeded.backlogId], rule, rationale: 'Checkout needs a monthly kill review.' })).id;
    for (const m of ['mia', 'max']) await post(seeded.leader, `/forums/${forumId}/members`, { memberId: m, rationale: `${m} owns checkout outcomes` });
    const mia = await ledger.token('forum-member', 'mia');
    const max = await ledger.token('forum-member', 'max');
    const proposalId = (await post(mia, `/forums/${forumId}/proposals`, { itemId, reason: 'Nobody asked for it in a year' })).id;
    await post(mia, `/proposals/${proposalId}/votes`, { choice: 'keep', reason: 'Wait for the mobile study' });
    await post(mia, `/proposals/${proposalId}/votes`, { choice: 'kill', reason: 'The mobile study says no' });
    await post(max, `/proposals/${proposalId}/votes`, { choice: 'abstain', reason: 'Not my area at all' });

    const { page, context } = await signIn(browser, ledger, 'auditor');
    await page.goto(`${ledger.url}/app/items/${itemId}`);
    const proposal = page.locator('.proposal');
    await proposal.waitFor();
    await expect(proposal.getByText('Nobody asked for it in a year').isVisible()).resolves.toBe(true);
    await expect(proposal.getByText('Tally: kill 1 · keep 0 · abstain 1 · not voted 0 of 2 members').isVisible()).resolves.toBe(true);
    expect(await proposal.locator('.votes li').allTextContents()).toEqual([
      expect.stringMatching(/^mia voted keep \(.+\) — changed later: Wait for the mobile study$/),
      expect.stringMatching(/^mia voted kill \(.+\): The mobile study says no$/),
      expect.stringMatching(/^max voted abstain \(.+\): Not my area at all$/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'item-proposals');
    await context.close();
  });

  it('explains itself when the item does not exist', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor');
    await page.goto(`${ledger.url}/app/items/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').getByText('Not found').waitFor();
    await context.close();
  });
});

