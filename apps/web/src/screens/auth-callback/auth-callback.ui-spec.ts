import type { Browser, Page } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { startOidcProvider, type TestOidcProvider } from '../../../../../test/support/oidc';
import { deadPort } from '../../../../api/src/webhooks/testing/receiver';
import { axeViolations, launchBrowser, screenshot, signIn } from '../../../test/ui';

const CLIENT_ID = 'ledger-web';
const API = 'urn:backlog-ledger';
const SCOPE = 'openid profile ledger';

/**
 * OIDC sign-in in Chromium against a real OpenID provider (`oidc-provider`, test/support/oidc-provider.mjs) on
 * loopback: the app's sign-in page → the provider's login and consent pages → /app/auth/callback (oidc-client-ts:
 * code + PKCE verifier at the token endpoint, from the browser) → POST /auth/oidc/session → the app with the role the
 * provider's groups map to. The provider must know the redirect URI, so the ledger's port is chosen first.
 */
describe('OIDC sign-in in the browser (real oidc-provider on loopback, Chromium, real app)', () => {
  let browser: Browser;
  let idp: TestOidcProvider;
  let ledger: Ledger;

  beforeAll(async () => {
    const port = await deadPort();
    idp = await startOidcProvider({
      clientId: CLIENT_ID,
      redirectUri: `http://127.0.0.1:${port}/app/auth/callback`,
      audiences: [API],
      accounts: {
        ada: { name: 'Ada Admin', claims: { groups: ['staff', 'ledger-admins'] } },
        nobody: { name: 'No Body', claims: { groups: ['staff'] } },
      },
    });
    [browser, ledger] = await Promise.all([
      launchBrowser(),
      startLedger({
        port,
        env: {
          LEDGER_OIDC_ISSUER: idp.issuer,
          LEDGER_OIDC_CLIENT_ID: CLIENT_ID,
          LEDGER_OIDC_SCOPES: SCOPE,
          LEDGER_JWT_AUDIENCE: API,
          LEDGER_OIDC_ROLE_CLAIM: 'groups',
          LEDGER_OIDC_ROLE_MAP: 'ledger-admins=admin,ledger-leads=product-leader',
        },
      }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
    await idp?.close();
  });

  const providerButton = (page: Page) => page.getByRole('button', { name: `Sign in with ${new URL(idp.issuer).host}` });

  /** The provider's development login page: any password. */
  async function logInAtProvider(page: Page, login: string) {
    await page.waitForURL(`${idp.issuer}/**`, { waitUntil: 'domcontentloaded' });
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any-password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs in with the provider and lands where the person was headed, as the mapped role; no provider token stays in the browser', async () => {
    const { page, context, problems } = await signIn(browser, ledger, null);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${ledger.url}/app/people`);
    await providerButton(page).waitFor();
    // oidc-client-ts (its own chunk) loads when the person chooses to sign in, not with the page.
    const oidcChunk = (url: string) => /\/oidc-[^/]*\.js$/.test(url);
    expect(scripts.filter(oidcChunk)).toEqual([]);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/people');
    expect(await page.getByText('No admin has signed in yet.').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-oidc');

    await providerButton(page).click();
    await logInAtProvider(page, 'ada');
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    expect(scripts.filter(oidcChunk).length).toBeGreaterThan(0);
    expect(page.url()).toBe(`${ledger.url}/app/people`);
    expect(await page.getByLabel('Signed in as').textContent()).toMatch(/^Ada Admin Admin session until /);
    const me = (await page.evaluate('fetch("/me").then((r) => r.json())')) as { sub: string; role: string; signedInWith: string; expiresAt: string };
    expect(me).toMatchObject({ sub: 'ada', role: 'admin', signedInWith: 'oidc' });
    // Eight hours, the OIDC default, from the ledger's clock.
    expect(me.expiresAt).toBe(new Date(ledger.clock.now().getTime() + 8 * 3600_000).toISOString());
    // The provider's tokens were exchanged and forgotten: nothing in storage, the PKCE state consumed.
    const stored = (await page.evaluate('JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })')) as string;
    expect(stored).not.toMatch(/eyJ|access_token|code_verifier/);

    // People in OIDC mode: no invitations (the provider decides who gets in); the session is listed and revocable.
    await page.getByText(/People sign in through the identity provider/).waitFor();
    expect(await page.getByRole('form', { name: 'Invite someone' }).count()).toBe(0);
    const row = page.getByRole('region', { name: 'Live sessions' }).getByRole('row', { name: /Ada Admin/ });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('identity provider');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'people-oidc');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cancelled at the provider: the callback page says so, offers to try again, and keeps no code in the address bar', async () => {
    const { page, context, problems } = await signIn(browser, ledger, null);
    await page.goto(`${ledger.url}/app/sign-in`);
    await providerButton(page).click();
    await page.waitForURL(`${idp.issuer}/**`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page.getByRole('alert').getByText('Sign-in was cancelled').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/auth/callback');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate('fetch("/me").then((r) => r.status)')).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'auth-callback-error');
    await page.getByRole('link', { name: 'Try again' }).click();
    await providerButton(page).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a person whose groups map to no ledger role: told so on the callback page, nothing written', async () => {
    const head = async (): Promise<number> => (await ledger.request('GET', '/health')).body.eventStore.headPosition;
    const before = await head();
    const { page, context } = await signIn(browser, ledger, null);
    await page.goto(`${ledger.url}/app/sign-in`);
    await providerButton(page).click();
    await logInAtProvider(page, 'nobody');
    await page.getByRole('alert').getByText('Your account has no role in Backlog Ledger').waitFor();
    expect(await page.evaluate('fetch("/me").then((r) => r.status)')).toBe(401);
    expect(await head()).toBe(before);
    // A reload of the callback (its code already spent and removed) does not sign in either.
    await page.reload();
    await page.getByRole('alert').waitFor();
    expect(await page.evaluate('fetch("/me").then((r) => r.status)')).toBe(401);
    await context.close();
  });
});
