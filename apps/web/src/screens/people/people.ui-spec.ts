import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { FirstAdminLink } from '../../../../api/src/sign-in/first-admin-link';
import { analyticsReached, WHY } from '../../../test/fixtures';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn } from '../../../test/ui';

/**
 * The admin's journey with real sign-in links, as `npm start` sets it up: the first-admin link (printed at start;
 * taken here from the FirstAdminLink provider, as main.ts does) opened in Chromium, an invitation made on the People
 * screen, opened in a second browser, the invitee's session ended from the People screen.
 */
describe('people: first admin → invitation → the invitee signs in with only what the role allows (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let admin: string;
  let checkout: string;
  let growth: string;
  let link: string;

  const header = (page: Page) => page.getByLabel('Signed in as');
  const invitations = async () => (await ledger.request('GET', '/invitations', { token: admin })).body.invitations as { name: string; status: string; revokeReason: string | null }[];
  const sessions = async () => (await ledger.request('GET', '/sessions', { token: admin })).body.sessions as { name: string; method: string }[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
    // An API token (`npm run token`), not a sign-in: the first-admin link stays pending.
    admin = await ledger.token('admin', 'ops');
    const post = async (path: string, body: unknown) => {
      const res = await ledger.request('POST', path, { token: admin, body });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
      return res.body as { id: string; position: number };
    };
    checkout = (await post('/backlogs', { name: 'Checkout', productGoal: 'Returning customers pay in one tap' })).id;
    growth = (await post('/backlogs', { name: 'Growth', productGoal: 'New users reach value in their first week' })).id;
    await post(`/backlogs/${checkout}/items`, { title: 'One-tap payment', kind: 'story', rationale: WHY });
    const last = await post(`/backlogs/${growth}/items`, { title: 'Referral program', kind: 'story', rationale: WHY });
    await analyticsReached(ledger, admin, last.position);
    link = ledger.app.get(FirstAdminLink).takeLink(ledger.url)!;
    expect(link).toMatch(/\/app\/sign-in#token=boot_/);
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('the first admin opens the printed link, invites a product owner for one backlog; the owner opens the link in another browser', async () => {
    const a = await signIn(browser, ledger, null);
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ledger.url });
    await a.page.goto(link);
    await a.page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    // The secret left the address bar before it was sent, and the app is where the link leads.
    expect(a.page.url()).toMatch(new RegExp(`^${ledger.url}/app/?$`));
    expect(await header(a.page).textContent()).toMatch(/^First admin Admin session until /);
    expect(await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Portfolio', 'Forums', 'Escalations', 'Audit', 'People', 'Webhooks']);
    expect((await ledger.request('GET', '/auth/config')).body.firstAdminPending).toBe(false);

    await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await a.page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    const form = a.page.getByRole('form', { name: 'Invite someone' });
    // A product owner without a backlog: refused next to the field, nothing sent.
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Olga Owner');
    await form.getByRole('radio', { name: /Product owner/ }).check();
    await form.getByRole('button', { name: 'Create the invitation link' }).click();
    await form.getByText('Choose at least one backlog: a product owner decides only on the backlogs named here.').waitFor();
    expect(await invitations()).toEqual([]);

    await form.getByRole('checkbox', { name: 'Checkout' }).check();
    await form.getByLabel('The link works for').selectOption({ label: '7 days' });
    await form.getByRole('button', { name: 'Create the invitation link' }).click();
    const shown = a.page.getByLabel('Sign-in link for Olga Owner');
    await shown.waitFor();
    const invitation = await shown.inputValue();
    expect(invitation).toMatch(new RegExp(`^${ledger.url}/app/sign-in#token=inv_[A-Za-z0-9_-]{43}$`));
    await a.page.getByText(/works until/).waitFor();
    await a.page.getByRole('button', { name: 'Copy' }).click();
    await a.page.getByText('Copied to the clipboard.').waitFor();
    expect(await a.page.evaluate('navigator.clipboard.readText()')).toBe(invitation);
    const row = a.page.getByRole('region', { name: 'Invitations' }).getByRole('row', { name: /Olga Owner/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Product owner', 'Checkout', expect.stringMatching(/^open until /), expect.stringMatching(/by admin$/), 'Revoke the invitation for Olga Owner']);
    expect(await axeViolations(a.page)).toEqual([]);
    await screenshot(a.page, 'people-invitation-link');
    // Shown once: dismissed, it is nowhere on the page, and the list never shows it.
    await a.page.getByRole('button', { name: 'Done: I have sent the link' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await a.page.content()).not.toContain('inv_');

    // The invitee, in another browser.
    const b = await signIn(browser, ledger, null);
    await b.page.goto(invitation);
    await b.page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    expect(b.page.url()).toMatch(new RegExp(`^${ledger.url}/app/?$`));
    expect(await header(b.page).textContent()).toMatch(/^Olga Owner Product owner session until /);
    expect(await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Portfolio', 'Forums', 'Escalations']);
    await b.page.getByRole('row', { name: /Checkout/ }).waitFor();
    expect(await b.page.getByRole('region', { name: 'Backlogs' }).getByRole('row').count()).toBe(2);
    expect(await b.page.getByRole('row', { name: /Growth/ }).count()).toBe(0);
    await b.page.getByRole('link', { name: 'Checkout' }).click();
    await b.page.getByRole('button', { name: 'Add item' }).waitFor();
    await b.page.getByRole('button', { name: 'Move “One-tap payment” to a position' }).waitFor();
    await b.page.goto(`${ledger.url}/app/backlogs/${growth}`);
    await b.page.getByText('You may not see this').waitFor();
    expect(await b.page.getByRole('button', { name: /Add item|Request an item/ }).count()).toBe(0);
    await b.page.goto(`${ledger.url}/app/people`);
    await b.page.getByText('The People screen is not available to the Product owner role.').waitFor();
    // The link worked once.
    expect((await ledger.request('POST', '/auth/sign-in', { body: { token: new URL(invitation).hash.slice('#token='.length) } })).body.code).toBe('SIGN_IN.LINK_INVALID');

    // The admin sees the invitation redeemed and the owner's session, and ends it with a reason.
    await a.page.reload();
    await row.getByText('redeemed').waitFor();
    const live = a.page.getByRole('region', { name: 'Live sessions' });
    expect(await live.getByRole('row', { name: /First admin/ }).getByText('you, in this browser').count()).toBe(1);
    const olga = live.getByRole('row', { name: /Olga Owner/ });
    expect(await olga.getByRole('cell').allTextContents()).toEqual(['Product owner', 'Checkout', 'invitation link', expect.any(String), expect.any(String), 'Revoke the session of Olga Owner']);
    expect(await axeViolations(a.page)).toEqual([]);
    await screenshot(a.page, 'people');
    await olga.getByRole('button', { name: 'Revoke the session of Olga Owner' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'End the session of Olga Owner' });
    await dialog.getByLabel('Why? (reason)').fill('short');
    await dialog.getByRole('button', { name: 'End the session' }).click();
    await dialog.getByText('must be at least 10 characters').waitFor();
    expect((await sessions()).map((s) => s.name).sort()).toEqual(['First admin', 'Olga Owner']);
    await dialog.getByLabel('Why? (reason)').fill('Olga moved to the growth team this week');
    await dialog.getByRole('button', { name: 'End the session' }).click();
    await olga.waitFor({ state: 'detached' });
    expect((await sessions()).map((s) => s.name)).toEqual(['First admin']);

    // The owner's next request: back to sign-in, told why, and where they were is kept.
    await b.page.goto(`${ledger.url}/app/backlogs/${checkout}`);
    await b.page.getByText('An admin ended your session. Sign in again to continue.').waitFor();
    expect(new URL(b.page.url()).pathname).toBe('/app/sign-in');
    expect(new URL(b.page.url()).searchParams.get('next')).toBe(`/backlogs/${checkout}`);
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    await b.context.close();
    await a.context.close();
  });

  it('revokes an open invitation with a reason; its link then says it does not work', async () => {
    const { page, context, problems } = await signInAsAdmin();
    await page.goto(`${ledger.url}/app/people`);
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Sam Stakeholder');
    await form.getByRole('radio', { name: /Stakeholder/ }).check();
    await form.getByRole('button', { name: 'Create the invitation link' }).click();
    const samLink = await page.getByLabel('Sign-in link for Sam Stakeholder').inputValue();
    await page.getByRole('button', { name: 'Done: I have sent the link' }).click();
    const row = page.getByRole('region', { name: 'Invitations' }).getByRole('row', { name: /Sam Stakeholder/ });
    await row.getByRole('button', { name: 'Revoke the invitation for Sam Stakeholder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the invitation for Sam Stakeholder' });
    await dialog.getByLabel('Why? (reason)').fill('Sam asked for read access only, not requests');
    await dialog.getByRole('button', { name: 'Revoke the invitation' }).click();
    await row.getByText('revoked').waitFor();
    await row.getByText('“Sam asked for read access only, not requests”').waitFor();
    expect((await invitations()).find((i) => i.name === 'Sam Stakeholder')).toMatchObject({ status: 'revoked', revokeReason: 'Sam asked for read access only, not requests' });

    const sam = await signIn(browser, ledger, null);
    await sam.page.goto(samLink);
    await sam.page.getByRole('alert').getByText('This sign-in link does not work').waitFor();
    expect(await sam.page.evaluate('location.hash')).toBe('');
    expect(problems).toEqual([]);
    await sam.context.close();
    await context.close();
  });

  it('fits a 390-px-wide phone; signing out ends the session and says so', async () => {
    const { page, context, problems } = await signInAsAdmin(PHONE);
    await page.goto(`${ledger.url}/app/people`);
    await page.getByRole('region', { name: 'Live sessions' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'people-390');
    const before = (await sessions()).length;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/sign-in');
    expect(await page.evaluate('fetch("/me").then((r) => r.status)')).toBe(401);
    expect((await sessions()).length).toBe(before - 1);
    // Back to a screen: the sign-in page again, not a cached copy of the people list.
    await page.goto(`${ledger.url}/app/people`);
    await page.getByRole('heading', { name: 'Sign in to Backlog Ledger' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  /** A browser signed in through a real invitation (made through the API), as an admin. */
  async function signInAsAdmin(viewport?: { width: number; height: number }) {
    const made = await ledger.request('POST', '/invitations', { token: admin, body: { name: 'Ada Admin', role: 'admin', userId: 'ada' } });
    expect(made.status).toBe(201);
    const s = await signIn(browser, ledger, null, { viewport });
    await s.page.goto(made.body.link);
    await s.page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    return s;
  }
});
