import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Ledger } from '../../../test/support/ledger';

/**
 * What every *.ui-spec.ts uses: Debian's Chromium through playwright-core (one browser per test file), sign-in by
 * session cookie, axe, screenshots. The app under test is the real one: `startLedger()` (test/support/ledger.ts)
 * on a temp data dir serves the built web app under /app/ like `npm start` does.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENS_DIR = join(__dirname, '..', '..', '..', '.test-results', 'screens');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
}

export type Role = 'admin' | 'product-leader' | 'product-owner' | 'stakeholder' | 'forum-member' | 'auditor';

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions of the page (CSP violations included). */
  problems: string[];
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * A browser context signed in as `role`: the session token (minted like the sign-in flow will) in the HttpOnly
 * `ledger_session` cookie, as the API expects it. `role: null` gives a context with no session.
 */
export async function signIn(
  browser: Browser,
  ledger: Ledger,
  role: Role | null,
  opts: { sub?: string; backlogs?: string[]; viewport?: { width: number; height: number }; now?: Date } = {},
): Promise<SignedIn> {
  const context = await browser.newContext({ viewport: opts.viewport ?? DESKTOP, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  // The page's clock starts at `now` (the ledger's FixedClock) and runs on from there; `context.clock` moves it.
  if (opts.now) await context.clock.install({ time: opts.now });
  if (role !== null) {
    const token = await ledger.token(role, opts.sub ?? `${role}-1`, opts.backlogs ?? []);
    await context.addCookies([{ name: 'ledger_session', value: token, url: ledger.url, httpOnly: true, sameSite: 'Strict' }]);
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // A 401 / 412 / 4xx the app handles still logs "Failed to load resource" in Chromium: not a page problem.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

let axeSource: string | null = null;

/** axe-core's serious and critical violations on the page as it is now (id: description, nodes). */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))`,
  )) as { id: string; impact: string; help: string; nodes: string[] }[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(', ')}`);
}

/** Saves .test-results/screens/<name>.png (full page) for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** The page is usable at its width: nothing but scrollable regions is wider than the viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
}

/**
 * Waits until `expression` (JavaScript evaluated in the page) is truthy, polling from the test. Use this instead of
 * page.waitForFunction with a string: Playwright polls a string predicate through eval inside the page, which the
 * app's CSP (script-src 'self', no 'unsafe-eval') refuses whenever the first check is not already true.
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
