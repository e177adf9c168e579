import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { analyticsReached, openProposal, seedCheckout, seedForum, type Seeded } from '../../../test/fixtures';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn, waitForExpression } from '../../../test/ui';

const DAY = 86_400_000;

/** Every control that would take or propose a decision, on any screen of the app. */
const DECISION = /^(Add item|Request an item|Move…|Move “|Start|Deliver|Estimate|Link objective|Set kill criteria|Kill|Revive|Move to anti-backlog|Record outcome|Escalate|Resolve|Propose|Vote|Cast|Change my vote|Withdraw|Extend|Amend|Set up a forum|Add member|Remove|Leave|Change the rule)/;
const decisionButtons = async (page: Page) => (await page.getByRole('button').allTextContents()).filter((t) => DECISION.test(t.trim()));

const rankedTitles = (page: Page) => page.locator('table.ranked tbody th[scope=row] a').allTextContents();
const positionsShown = (page: Page) => page.locator('table.events tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-position'))));

describe('the auditor (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: Seeded;
  let auditor: string;
  let guest: string;
  let movedAt: string;

  /** What the API answers to the export: its text and its next-page cursor. */
  const exported = async (query: string, accept: string) => {
    const res = await ledger.request('GET', `/audit/events?${query}`, { token: auditor, headers: { accept } });
    expect(res.status).toBe(200);
    return { text: res.text, next: res.headers.get('x-next-after') };
  };
  const ndjsonPositions = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l).position as number);

  /**
   * The seeded checkout backlog, then: "Guest checkout" moved to the top by the leader, escalated by a stakeholder,
   * overturned (back to #3); a forum votes on a kill proposal for "Address autocomplete", one member changing the vote.
   */
  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
    seeded = await seedCheckout(ledger);
    auditor = await ledger.token('auditor', 'audrey');
    guest = seeded.items['Guest checkout'];
    const stella = await ledger.token('stakeholder', 'stella');
    const post = async (token: string, path: string, body: unknown) => {
      const res = await ledger.request('POST', path, { token, body });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    ledger.clock.advance(DAY);
    const moved = await post(seeded.leader, `/items/${guest}/reprioritize`, { toPosition: 1, trigger: 'review', rationale: 'Guest checkout converts first-time buyers.' });
    movedAt = ledger.clock.now().toISOString();
    ledger.clock.advance(DAY);
    const escalation = await post(stella, `/items/${guest}/escalations`, {
      againstEventId: moved.eventIds[0],
      wanted: 'Keep one-tap payment first as promised to sales.',
      reason: 'Sales committed the one-tap launch date to three key accounts.',
    });
    ledger.clock.advance(DAY);
    await post(seeded.leader, `/items/${guest}/escalations/${escalation.escalationId}/resolve`, {
      outcome: 'overturned',
      toPosition: 3,
      rationale: 'The commitment to the key accounts stands; guest checkout goes back.',
    });
    const forum = await seedForum(ledger, seeded, ['mia', 'max']);
    const mia = await ledger.token('forum-member', 'mia');
    const max = await ledger.token('forum-member', 'max');
    const proposalId = await openProposal(ledger, mia, forum.forumId, seeded.items['Address autocomplete'], 'Browsers autofill addresses well enough.');
    await post(mia, `/proposals/${proposalId}/votes`, { choice: 'keep', reason: 'Wait for the mobile study' });
    await post(mia, `/proposals/${proposalId}/votes`, { choice: 'kill', reason: 'The mobile study says no' });
    const last = await post(max, `/proposals/${proposalId}/votes`, { choice: 'abstain', reason: 'Not my area at all' });
    await analyticsReached(ledger, seeded.leader, last.position);
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('reads an item’s decision timeline: who, role, when, why, positions, escalation → resolution → change, proposals and votes — and is offered no decision anywhere', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('link', { name: 'Checkout' }).waitFor();
    expect(await decisionButtons(page)).toEqual([]);
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByRole('row', { name: /Guest checkout/ }).waitFor();
    expect(await decisionButtons(page)).toEqual([]);
    await page.getByRole('link', { name: 'Guest checkout' }).click();
    await page.getByRole('heading', { name: 'Decision timeline' }).waitFor();
    const move = page.locator('ol.timeline > li').nth(1);
    await expect(move.locator('.entry-decision').textContent()).resolves.toBe('Reprioritized');
    await expect(move.locator('.positions').textContent()).resolves.toBe('#3 → #1');
    await expect(move.locator('.entry-meta').textContent()).resolves.toMatch(/^lena product-leader · \d/);
    expect(await move.locator('time').getAttribute('datetime')).toBe(movedAt);
    await expect(move.locator('.entry-why').textContent()).resolves.toBe('Guest checkout converts first-time buyers.');
    const thread = page.locator('li.thread');
    expect(await thread.locator('.entry-decision').allTextContents()).toEqual(['Escalated', 'Escalation resolved: overturned', 'Reprioritized']);
    expect(await thread.locator('.entry-meta .role-badge').allTextContents()).toEqual(['stakeholder', 'product-leader', 'product-leader']);
    await expect(thread.locator('.entry-wanted').textContent()).resolves.toBe('Wanted: Keep one-tap payment first as promised to sales.');
    await expect(thread.locator('.positions').textContent()).resolves.toBe('#1 → #3');
    expect(await decisionButtons(page)).toEqual([]);

    await page.goto(`${ledger.url}/app/items/${seeded.items['Address autocomplete']}`);
    const proposal = page.locator('.proposal');
    await proposal.waitFor();
    await expect(proposal.getByText('Browsers autofill addresses well enough.').isVisible()).resolves.toBe(true);
    expect(await proposal.locator('.votes li').allTextContents()).toEqual([
      expect.stringMatching(/^mia voted keep \(.+\) — changed later: Wait for the mobile study$/),
      expect.stringMatching(/^mia voted kill \(.+\): The mobile study says no$/),
      expect.stringMatching(/^max voted abstain \(.+\): Not my area at all$/),
    ]);
    expect(await decisionButtons(page)).toEqual([]);
    await proposal.getByRole('link').first().click();
    await page.getByRole('heading', { name: /Address autocomplete/ }).first().waitFor();
    expect(await decisionButtons(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('scrubs the ranked backlog back in time: the ranking as it stood while the move was in force', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('row', { name: /Guest checkout/ }).waitFor();
    expect(await rankedTitles(page)).toEqual(['One-tap payment', 'Saved cards', 'Guest checkout', 'Address autocomplete']);
    // An hour after the move (the control reads the viewer's zone: Europe/Berlin, UTC+1 in January).
    const at = new Date(Date.parse(movedAt) + 3600_000);
    await page.getByLabel('As of', { exact: true }).fill(new Date(at.getTime() + 3600_000).toISOString().slice(0, 16));
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/\?at=/);
    await waitForExpression(page, "document.querySelector('table.ranked tbody th[scope=row] a')?.textContent === 'Guest checkout'");
    const api = await ledger.request('GET', `/backlogs/${seeded.backlogId}/items?at=${encodeURIComponent(at.toISOString())}`, { token: auditor });
    expect(await rankedTitles(page)).toEqual(api.body.items.map((i: { title: string }) => i.title));
    expect(await rankedTitles(page)).toEqual(['Guest checkout', 'One-tap payment', 'Saved cards', 'Address autocomplete']);
    expect(await decisionButtons(page)).toEqual([]);
    await context.close();
  });

  it('filters and pages the event explorer; each event says who, role, when and why, and leads to the item timeline', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.locator('table.events tbody tr').first().waitFor();
    const all = await exported('limit=50', 'application/x-ndjson');
    expect(await positionsShown(page)).toEqual(ndjsonPositions(all.text));
    expect(all.next).toBeNull();
    await page.getByText('the last page').waitFor();

    // Everything lena did, ten to a page: the same pages as the API's, by position.
    await page.getByLabel('Who (actor id)').fill('lena');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\?actor=lena$/);
    await page.getByLabel('Per page').selectOption('10');
    await page.waitForURL(/actor=lena&limit=10$/);
    const first = await exported('actor=lena&limit=10', 'application/x-ndjson');
    await waitForExpression(page, "document.querySelectorAll('table.events tbody tr').length === 10");
    expect(await positionsShown(page)).toEqual(ndjsonPositions(first.text));
    expect(await page.locator('table.events tbody tr td:nth-child(3) button').allTextContents()).toEqual(Array(10).fill('lena'));
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(new RegExp(`after=${first.next}`));
    const second = await exported(`actor=lena&after=${first.next}&limit=10`, 'application/x-ndjson');
    await waitForExpression(page, `document.querySelector('table.events tbody tr')?.getAttribute('data-position') === '${ndjsonPositions(second.text)[0]}'`);
    expect(await positionsShown(page)).toEqual(ndjsonPositions(second.text));
    await expect(page.locator('.pager-where').textContent()).resolves.toMatch(/^Page 2 · positions \d+–\d+/);
    // A reload keeps the filters and the page, and the way back.
    await page.reload();
    await page.locator('table.events tbody tr').first().waitFor();
    expect(await positionsShown(page)).toEqual(ndjsonPositions(second.text));
    await expect(page.getByLabel('Who (actor id)').inputValue()).resolves.toBe('lena');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.waitForURL(/actor=lena&limit=10$/);
    await waitForExpression(page, `document.querySelector('table.events tbody tr')?.getAttribute('data-position') === '${ndjsonPositions(first.text)[0]}'`);

    // Bad input: an item id that is none: the message next to the field, the view unchanged.
    const url = page.url();
    await page.getByLabel('Item id').fill('42');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const itemField = page.getByLabel('Item id');
    await expect(itemField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator(`#${await itemField.getAttribute('aria-describedby')}`).textContent()).resolves.toMatch(/^An item id looks like/);
    expect(page.url()).toBe(url);

    // The escalation: who raised it, in which role, what they wanted and why; then its item's timeline.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/audit\?limit=10$/);
    await page.getByLabel('Event type').fill('item.escalated');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/type=item\.escalated/);
    await waitForExpression(page, "document.querySelectorAll('table.events tbody tr').length === 1");
    const row = page.locator('table.events tbody tr');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('stella stakeholder');
    await expect(row.locator('.why').textContent()).resolves.toBe('Wanted: Keep one-tap payment first as promised to sales.Sales committed the one-tap launch date to three key accounts.');
    expect(await row.locator('time').first().getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \(UTC\)$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'audit');
    expect(await decisionButtons(page)).toEqual([]);
    await row.getByRole('link', { name: 'Item timeline' }).click();
    await page.getByRole('heading', { name: 'Guest checkout' }).waitFor();
    await page.locator('li.thread').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads the filtered log as NDJSON and CSV: exactly what the API exports', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/audit?itemId=${guest}`);
    await page.locator('table.events tbody tr').first().waitFor();
    for (const [label, accept] of [
      ['NDJSON', 'application/x-ndjson'],
      ['CSV', 'text/csv'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${label}` }).click()]);
      const file = readFileSync((await download.path())!, 'utf8');
      const api = await exported(`itemId=${guest}&limit=10000`, accept);
      expect(file).toBe(api.text);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^ledger-events-item-${guest.slice(0, 8)}-\\d{4}-\\d{2}-\\d{2}T\\d{4}Z\\.${label.toLowerCase()}$`));
      await page.getByText(`Downloaded ${download.suggestedFilename()}.`).waitFor();
    }
    const csv = readFileSync((await (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]))[0].path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^position,eventId,streamId,revision,type,/);
    expect(lines).toHaveLength(1 + (await positionsShown(page)).length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the chain-verification report: intact, with what was checked and when; it prints on one page', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/audit`);
    await page.getByRole('link', { name: 'Chain verification' }).first().click();
    await page.getByRole('heading', { name: 'Hash-chain verification report' }).waitFor();
    await page.getByRole('heading', { name: /Every hash chain is intact/ }).waitFor();
    const api = (await ledger.request('GET', '/audit/verify', { token: auditor })).body;
    const fact = (name: string) => page.locator('.report-facts div', { has: page.locator('dt', { hasText: name }) }).locator('dd');
    await expect(fact('Streams checked').textContent()).resolves.toBe(String(api.streamsChecked));
    await expect(fact('Events checked').textContent()).resolves.toBe(String(api.eventsChecked));
    await expect(fact('Checked at').textContent()).resolves.toContain(`(${api.checkedAt} UTC)`);
    expect(await decisionButtons(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'verify');

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: /Every hash chain is intact/ }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'verify-print');
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the explorer is usable on a 390-px-wide phone', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor', { sub: 'audrey', viewport: PHONE });
    await page.goto(`${ledger.url}/app/audit?itemId=${guest}`);
    await page.locator('table.events tbody tr').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'audit-390');
    await context.close();
  });

  it('is not there for those who may not read the audit log', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-owner', { sub: 'otto', backlogs: [seeded.backlogId] });
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalations' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).count()).resolves.toBe(0);
    await page.goto(`${ledger.url}/app/audit`);
    await page.getByText('The Audit log screen is not available to the Product owner role.').waitFor();
    await context.close();
  });
});
