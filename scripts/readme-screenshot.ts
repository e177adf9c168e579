/**
 * Regenerates docs/portfolio.png, the README's picture: the demo history in a fresh data dir, the built app
 * (`npm run build` first) on a spare port, Debian's Chromium signed in as a product leader, the portfolio screen.
 *
 *   npm run build && npx ts-node --transpile-only scripts/readme-screenshot.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(__dirname, '..');
const PORT = Number(process.env.SCREENSHOT_PORT ?? 3197);
const OUT = join(ROOT, 'docs', 'portfolio.png');

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the API at ${url} was not ready within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-screenshot-'));
  const env = { ...process.env, LEDGER_DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn' };
  execFileSync('npm', ['run', '-s', 'ledger', '--', 'demo'], { cwd: ROOT, env, stdio: 'inherit' });
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${PORT}`;
  try {
    await waitReady(url, 120_000);
    const token = execFileSync('npm', ['run', '-s', 'token', '--', '--sub', 'lena', '--role', 'product-leader'], { cwd: ROOT, env })
      .toString()
      .trim();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 470 }, locale: 'en-GB' });
    await context.addCookies([{ name: 'ledger_session', value: token, url, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    await page.goto(`${url}/app/`);
    try {
      await page.getByRole('row').nth(1).waitFor({ timeout: 120_000 });
    } catch (e) {
      await page.screenshot({ path: join(tmpdir(), 'readme-screenshot-failed.png') });
      throw new Error(`the portfolio showed no rows (see ${join(tmpdir(), 'readme-screenshot-failed.png')}): ${String(e)}`);
    }
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: OUT });
    await browser.close();
    process.stdout.write(`wrote ${OUT}\n`);
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`readme-screenshot: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
