import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { navFor } from '../../app/nav';
import { seedCheckout, type Seeded } from '../../../test/fixtures';
import { axeViolations, horizontalOverflow, launchBrowser, PHONE, screenshot, signIn } from '../../../test/ui';

describe('portfolio screen (Chromium, real app)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let seeded: Seeded;

  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
    seeded = await seedCheckout(ledger);
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('opens at /, lists each backlog with its headline numbers and links to it; no axe violation', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'product-leader', { sub: 'lena' });
    await page.goto(`${ledger.url}/`);
    expect(new URL(page.url()).pathname).toBe('/app/');
    const row = page.getByRole('row', { name: /Checkout/ });
    await row.waitFor();
    // 6 items: 4 open (one killed, one in the anti-backlog); 3 of those untouched for 100 days are zombies.
    // The last cell: moves against the score (none: the backlog has no scoring model, so no move was judged).
    expect(await row.getByRole('cell').allTextContents()).toEqual(['4', '3', expect.stringContaining('no velocity yet'), expect.any(String), '— 0 of 0']);
    await expect(row.getByText('Returning customers pay in one tap').isVisible()).resolves.toBe(true);
    // The header shows the navigation of the role (nav.ts), whatever screens it lists.
    const leaderNav = navFor({ sub: 'lena', role: 'product-leader', backlogs: [] }).map((e) => e.label);
    expect(leaderNav).toContain('Portfolio');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(leaderNav);
    await expect(page.getByText('Product leader').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio');
    await row.getByRole('link', { name: 'Checkout' }).click();
    await page.waitForURL(`**/app/backlogs/${seeded.backlogId}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ships at most 250 KB of gzip JavaScript for the first screen; ECharts is not part of it', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    const scripts: { url: string; body: Promise<Buffer> }[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ url: new URL(r.url()).pathname, body: r.body() });
    });
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('row', { name: /Checkout/ }).waitFor();
    const sizes = await Promise.all(scripts.map(async (s) => ({ url: s.url, gzip: gzipSync(await s.body).length })));
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    process.stdout.write(`first screen JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${sizes.length} files: ${sizes.map((s) => `${s.url} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}\n`);
    expect(sizes.some((s) => s.url.includes('echarts'))).toBe(false);
    expect(total).toBeLessThanOrEqual(250 * 1024);
    await context.close();
  });

  it('is usable by keyboard with a visible focus: skip link, navigation, the as-of control, the backlog link', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor');
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('row', { name: /Checkout/ }).waitFor();
    const focused = () =>
      page.evaluate(`(() => { const el = document.activeElement; const s = getComputedStyle(el); return { text: (el.getAttribute('aria-label') || el.textContent || el.id || '').trim(), outline: s.outlineStyle + ' ' + s.outlineWidth }; })()`) as Promise<{ text: string; outline: string }>;
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      // The date-time control's parts (day, month, …, picker) are Chromium's own; they draw their own focus.
      if (f.text !== 'as-of-input') expect(f.outline).toMatch(/^solid [1-9]/);
      seen.push(f.text);
      if (f.text === 'Checkout') break;
    }
    expect(seen[0]).toBe('Skip to content');
    expect(seen).toEqual(expect.arrayContaining(['Portfolio', 'as-of-input', 'Show', 'Checkout']));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/app/backlogs/${seeded.backlogId}`);
    await context.close();
  });

  it('fits a 390-px-wide phone (the table scrolls inside its region)', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor', { viewport: PHONE });
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('row', { name: /Checkout/ }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio-390');
    await context.close();
  });

  it('keeps the "as of" instant in the URL: before the backlog existed there is none, and a reload keeps it', async () => {
    const { page, context } = await signIn(browser, ledger, 'auditor');
    await page.goto(`${ledger.url}/app/`);
    await page.getByRole('row', { name: /Checkout/ }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill('2025-12-01T12:00');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No backlog existed at that time.').waitFor();
    const at = new URL(page.url()).searchParams.get('at');
    // The picked time is the viewer's (Europe/Berlin, UTC+1 in December); the URL holds the UTC instant.
    expect(at).toBe('2025-12-01T11:00:00.000Z');
    await page.reload();
    await page.getByText('No backlog existed at that time.').waitFor();
    await page.getByRole('button', { name: 'Now' }).click();
    await page.getByRole('row', { name: /Checkout/ }).waitFor();
    expect(new URL(page.url()).searchParams.has('at')).toBe(false);
    await context.close();
  });

  it('says the analytics are catching up while they answer 503, retries after Retry-After, then shows the data', async () => {
    const { page, context } = await signIn(browser, ledger, 'product-leader');
    // The real app answers 503 only while a projection lags (a restart on a large store); the browser stands in for
    // that moment by answering the first two portfolio reads the way the API does then.
    let refused = 0;
    await page.route('**/analytics/portfolio*', async (route) => {
      if (refused >= 2) return route.continue();
      refused += 1;
      await route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
        body: JSON.stringify({ type: 'urn:backlog-ledger:problem:ANALYTICS.BEHIND', title: 'Service Unavailable', status: 503, code: 'ANALYTICS.BEHIND', detail: 'analytics are catching up' }),
      });
    });
    await page.goto(`${ledger.url}/app/`);
    await page.getByText('The analytics are catching up').waitFor();
    await expect(page.getByText('Retrying automatically…').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio-catching-up');
    await page.getByRole('row', { name: /Checkout/ }).waitFor();
    expect(refused).toBe(2);
    await context.close();
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    const { page, context } = await signIn(browser, ledger, null);
    await page.goto(`${ledger.url}/app/backlogs/${seeded.backlogId}`);
    await page.getByRole('heading', { name: 'Sign in to Backlog Ledger' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/backlogs/${seeded.backlogId}`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await context.close();
  });
});

describe('portfolio on a fresh ledger', () => {
  let browser: Browser;
  let ledger: Ledger;
  beforeAll(async () => {
    browser = await launchBrowser();
    ledger = await startLedger();
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
  });

  it('shows the empty state with the command that loads the demo history', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'admin');
    await page.goto(`${ledger.url}/app/`);
    await page.getByText('npm run ledger -- demo').waitFor();
    await expect(page.getByText('No backlog yet.').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio-empty');
    expect(problems).toEqual([]);
    await context.close();
  });
});
