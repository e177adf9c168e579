import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { openProposal, seedCheckout, seedForum, type Seeded, type SeededForum } from '../../../test/fixtures';
import { axeViolations, launchBrowser, screenshot, signIn } from '../../../test/ui';

const DAY = 86_400_000;
const legend = (page: Page) => page.locator('ul.tally-legend').first().getAttribute('aria-label');

describe('delegated votes: a member delegates, the delegate votes for both, the delegator votes and wins, then revokes (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: Seeded;
  let forum: SeededForum;
  let auditor: string;
  let proposalId: string;
  const delegations = async () => (await ledger.request('GET', `/forums/${forum.forumId}/delegations`, { token: auditor })).body.delegations;
  const proposal = async () => (await ledger.request('GET', `/proposals/${proposalId}`, { token: auditor })).body;

  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger({ env: { LEDGER_FORUM_TICK_MS: '0' } });
    seeded = await seedCheckout(ledger);
    forum = await seedForum(ledger, seeded);
    auditor = await ledger.token('auditor', 'audrey');
    proposalId = await openProposal(ledger, seeded.leader, forum.forumId, seeded.items['Address autocomplete'], 'Browsers autofill addresses; nobody asked for this in 100 days.');
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('an invalid end date shows its message next to the field and writes nothing; a valid one delegates; the delegate sees whom they vote for', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'forum-member', { sub: 'mia', now: ledger.clock.now() });
    await page.goto(`${ledger.url}/app/forums/${forum.forumId}`);
    await page.getByRole('button', { name: 'Delegate my vote…' }).click();
    const dialog = page.getByRole('dialog', { name: /Delegate your vote/ });
    await dialog.getByLabel('Who votes for you').selectOption('max');
    // Until a day already past: the API refuses (FORUM.INVALID_DELEGATION_PERIOD on validUntil), shown at the field.
    const past = new Date(ledger.clock.now().getTime() - 3 * DAY).toISOString().slice(0, 10);
    await dialog.getByLabel('Until').fill(past);
    await dialog.getByLabel('Why? (rationale)').fill('Parental leave until the end of the month.');
    await dialog.getByRole('button', { name: 'Delegate my vote' }).click();
    await expect(dialog.locator('.field-date.field-invalid .field-error').last().textContent()).resolves.toBe('validUntil must lie after validFrom.');
    await expect(dialog.getByLabel('Until').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await delegations()).toEqual([]);

    const until = new Date(ledger.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10);
    await dialog.getByLabel('Until').fill(until);
    await dialog.getByRole('button', { name: 'Delegate my vote' }).click();
    await page.locator('.my-delegation', { hasText: 'You delegated your vote to max' }).waitFor();
    const [d] = await delegations();
    expect(d).toMatchObject({ delegatorId: 'mia', delegateId: 'max', status: 'active', revokedAt: null });
    await expect(page.locator(`tr[data-delegation="${d.delegationId}"]`).getByRole('cell').last().textContent()).resolves.toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'forum-delegations');
    expect(problems).toEqual([]);
    await context.close();

    // The delegate: "you vote for mia too", on the forum and on the ballot.
    const max = await signIn(browser, ledger, 'forum-member', { sub: 'max', now: ledger.clock.now() });
    await max.page.goto(`${ledger.url}/app/forums/${forum.forumId}`);
    await max.page.locator('.delegated-to-me', { hasText: 'You vote for mia too' }).waitFor();
    await expect(max.page.getByRole('button', { name: 'Delegate my vote…' }).count()).resolves.toBe(0); // no chains
    await max.context.close();
  });

  it('the delegate votes: the tally counts it for both and says one was delegated; the delegator votes herself and her vote wins; she revokes', async () => {
    const max = await signIn(browser, ledger, 'forum-member', { sub: 'max', now: ledger.clock.now() });
    await max.page.goto(`${ledger.url}/app/proposals/${proposalId}`);
    await max.page.locator('.votes-for', { hasText: 'You vote for mia too' }).waitFor();
    const ballot = max.page.locator('form.ballot');
    await ballot.getByRole('radio', { name: /^Kill/ }).check();
    await ballot.getByLabel('Why? (reason)').fill('Autofill covers nearly every buyer already.');
    await ballot.getByRole('button', { name: 'Cast my vote' }).click();
    await ballot.getByText('Your vote kill is recorded.').waitFor();
    await expect(legend(max.page)).resolves.toBe('Tally: Kill 2 · Keep 0 · Abstain 0 · Not voted 1 (of 3 members; 1 vote delegated)');
    const p1 = await proposal();
    expect(p1.tally).toMatchObject({ kill: 2, votesCast: 2, delegated: 1 });
    await max.page.locator('ol.votes li', { hasText: 'also counts for mia (delegated)' }).waitFor();
    await expect(max.page.locator('[data-figure=delegated]').textContent()).resolves.toBe('1 of the 2 votes counted was cast by a delegate: max for mia (kill).');
    await max.context.close();

    // The delegator sees her delegate's vote counting for her, then votes herself: her own vote wins.
    const mia = await signIn(browser, ledger, 'forum-member', { sub: 'mia', now: ledger.clock.now() });
    await mia.page.goto(`${ledger.url}/app/proposals/${proposalId}`);
    await mia.page.locator('.my-vote-delegated', { hasText: 'Your delegate max voted kill' }).waitFor();
    const mine = mia.page.locator('form.ballot');
    await mine.getByRole('radio', { name: /^Keep/ }).check();
    await mine.getByLabel('Why? (reason)').fill('Our address format breaks browser autofill.');
    await mine.getByRole('button', { name: 'Cast my vote' }).click();
    await mine.getByText('Your vote keep is recorded.').waitFor();
    await expect(legend(mia.page)).resolves.toBe('Tally: Kill 1 · Keep 1 · Abstain 0 · Not voted 1 (of 3 members)');
    expect((await proposal()).tally).toMatchObject({ kill: 1, keep: 1, votesCast: 2, delegated: 0 });

    // She revokes her delegation on the forum screen; an auditor sees it revoked and has no button.
    await mia.page.goto(`${ledger.url}/app/forums/${forum.forumId}`);
    await mia.page.getByRole('button', { name: 'Revoke my delegation' }).click();
    const revoke = mia.page.getByRole('dialog', { name: /Revoke the delegation of mia to max/ });
    await revoke.getByLabel('Why? (rationale)').fill('Back from leave earlier than planned.');
    await revoke.getByRole('button', { name: 'Revoke the delegation' }).click();
    await mia.page.getByRole('button', { name: 'Delegate my vote…' }).waitFor();
    const [d] = await delegations();
    expect(d).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    await mia.page.locator(`tr[data-delegation="${d.delegationId}"]`, { hasText: 'revoked' }).waitFor();
    await mia.context.close();

    const audrey = await signIn(browser, ledger, 'auditor', { sub: 'audrey', now: ledger.clock.now() });
    await audrey.page.goto(`${ledger.url}/app/forums/${forum.forumId}`);
    await audrey.page.locator(`tr[data-delegation="${d.delegationId}"]`, { hasText: 'revoked' }).waitFor();
    await expect(audrey.page.getByRole('button', { name: /Delegate my vote|Revoke/ }).count()).resolves.toBe(0);
    expect(await axeViolations(audrey.page)).toEqual([]);
    expect(audrey.problems).toEqual([]);
    await audrey.context.close();
  });
});
