import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn } from '../../../test/ui';

const HOUR = 3600_000;
const MINUTE = 60_000;

/**
 * The sign-in page with real links against the real app: without a link, with an expired, a reused, a revoked-session
 * and a wrong one, and under the brute-force brake. Each a clear message, the secret gone from the address bar before
 * it was sent, and nothing written (the event store's head position does not move; the invitation keeps its status).
 */
describe('sign-in page: links that do not work, sessions that ended (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let admin: string;

  const head = async (): Promise<number> => (await ledger.request('GET', '/health')).body.eventStore.headPosition;
  const invite = async (name: string, role: string, expiresInHours = 72) => {
    const res = await ledger.request('POST', '/invitations', { token: admin, body: { name, role, expiresInHours } });
    if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
    return res.body as { invitationId: string; link: string; token: string };
  };
  const statusOf = async (invitationId: string) =>
    ((await ledger.request('GET', '/invitations', { token: admin })).body.invitations as { invitationId: string; status: string }[]).find((i) => i.invitationId === invitationId)?.status;
  const refusal = (page: Page) => page.getByRole('alert');
  /** The fragment is gone, from the address bar and from this history entry. */
  const expectNoSecretInUrl = async (page: Page) => {
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate('location.href')).not.toContain('token=');
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
    admin = await ledger.token('admin', 'ops');
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('without a link it says how to get one, and that npm start printed the first admin’s link; usable at 390 px', async () => {
    const { page, context, problems } = await signIn(browser, ledger, null, { viewport: PHONE });
    await page.goto(`${ledger.url}/app/sign-in`);
    await page.getByText('No admin has signed in yet.').waitFor();
    await page.getByText(/The first admin’s link was printed by npm start/).waitFor();
    await page.getByText(/Open the link from your invitation in this browser/).waitFor();
    await page.getByText('A session lasts 7 days; after that, sign in again.').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-390');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ships at most 250 KB of gzip JavaScript for the sign-in page; oidc-client-ts is not part of it in embedded mode', async () => {
    const { page, context } = await signIn(browser, ledger, null);
    const scripts: { url: string; body: Promise<Buffer> }[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ url: new URL(r.url()).pathname, body: r.body() });
    });
    await page.goto(`${ledger.url}/app/sign-in`);
    await page.getByText('No admin has signed in yet.').waitFor();
    const sizes = await Promise.all(scripts.map(async (s) => ({ url: s.url, gzip: gzipSync(await s.body).length })));
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    process.stdout.write(`sign-in page JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${sizes.length} files: ${sizes.map((s) => `${s.url} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}\n`);
    expect(sizes.some((s) => /\/oidc-[^/]*\.js$/.test(s.url))).toBe(false);
    expect(total).toBeLessThanOrEqual(250 * 1024);
    await context.close();
  });

  it('an expired invitation: "expired, ask for a new one", nothing written, the invitation stays expired', async () => {
    const short = await invite('Eve Expired', 'auditor', 1);
    ledger.clock.advance(2 * HOUR);
    const before = await head();
    const { page, context, problems } = await signIn(browser, ledger, null, { viewport: PHONE });
    await page.goto(short.link);
    await refusal(page).getByText('This sign-in link has expired').waitFor();
    await refusal(page).getByText(/Ask the admin who invited you for a new invitation/).waitFor();
    await expectNoSecretInUrl(page);
    expect(await head()).toBe(before);
    expect(await statusOf(short.invitationId)).toBe('expired');
    expect(await page.evaluate('fetch("/me").then((r) => r.status)')).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-expired-390');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a reused invitation and a wrong token: "does not work", nothing written', async () => {
    const used = await invite('Ursula Used', 'stakeholder');
    expect((await ledger.request('POST', '/auth/sign-in', { body: { token: used.token } })).status).toBe(200);
    const before = await head();
    const { page, context, problems } = await signIn(browser, ledger, null);
    await page.goto(used.link);
    await refusal(page).getByText('This sign-in link does not work').waitFor();
    await refusal(page).getByText(/already been used, was revoked, or was copied incompletely/).waitFor();
    await expectNoSecretInUrl(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-link-invalid');

    await page.goto(`${ledger.url}/app/sign-in#token=inv_${'A'.repeat(43)}`);
    await refusal(page).getByText('This sign-in link does not work').waitFor();
    await expectNoSecretInUrl(page);
    await page.goto(`${ledger.url}/app/sign-in#token=boot_${'B'.repeat(43)}`);
    await refusal(page).getByText('This first-admin link no longer works').waitFor();
    await refusal(page).getByText(/every start of the server replaces it/).waitFor();
    // A cut link is not even sent.
    await page.goto(`${ledger.url}/app/sign-in#token=`);
    await refusal(page).getByText('This is not a complete sign-in link').waitFor();
    await expectNoSecretInUrl(page);
    expect(await head()).toBe(before);
    expect(await statusOf(used.invitationId)).toBe('redeemed');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a session an admin revoked, and one that expired: back to sign-in, told why, the way back kept', async () => {
    const { page, context, problems } = await signIn(browser, ledger, null);
    const rita = await invite('Rita Reader', 'auditor');
    await page.goto(rita.link);
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    const me = (await ledger.request('GET', '/sessions', { token: admin })).body.sessions.find((s: { name: string }) => s.name === 'Rita Reader');
    expect((await ledger.request('POST', `/sessions/${me.sessionId}/revoke`, { token: admin, body: { reason: 'Audit engagement ended last Friday' } })).status).toBe(200);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forums' }).click();
    await page.getByText('An admin ended your session. Sign in again to continue.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/forums');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-session-revoked');

    // A new link signs in again, and goes where the person was headed (?next= survives the link's fragment).
    const again = await invite('Rita Reader', 'auditor');
    await page.goto(`${ledger.url}/app/sign-in?next=%2Fforums#token=${again.token}`);
    await page.getByRole('heading', { name: 'Forums' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/forums');
    const ends = await page.getByLabel('Signed in as').locator('time').getAttribute('datetime');
    expect(ends).toBe(new Date(ledger.clock.now().getTime() + 7 * 24 * HOUR).toISOString());

    // A week later (the ledger's clock) the session is over.
    ledger.clock.advance(7 * 24 * HOUR + MINUTE);
    await page.reload();
    await page.getByText('Your session has expired. Sign in again to continue.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('after 10 failed links from one address: "wait", even with a good link, which works once the window has passed', async () => {
    const good = await invite('Gail Good', 'forum-member');
    // Failures from the same address (the test and the browser are both 127.0.0.1) until the brake holds.
    for (let i = 0; i < 12; i++) {
      const res = await ledger.request('POST', '/auth/sign-in', { body: { token: `inv_${'W'.repeat(42)}${i}` } });
      if (res.status === 429) break;
      expect(res.status).toBe(401);
    }
    const before = await head();
    const { page, context, problems } = await signIn(browser, ledger, null);
    await page.goto(good.link);
    await refusal(page).getByText('Too many failed sign-in attempts').waitFor();
    // The failures were all recorded at one instant of the fixed clock: the whole 15-minute window is left.
    await refusal(page).getByText('Wait 15 minutes, then open your link again.').waitFor();
    await expectNoSecretInUrl(page);
    expect(await head()).toBe(before);
    expect(await statusOf(good.invitationId)).toBe('open');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-too-many-attempts');

    ledger.clock.advance(15 * MINUTE + 1000);
    await page.goto(good.link);
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    expect(await statusOf(good.invitationId)).toBe('redeemed');
    expect(problems).toEqual([]);
    await context.close();
  });
});
