import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { sqliteEventsFile, startLedger, type Ledger } from '../../../../../test/support/ledger';
import { seedCheckout, type Seeded } from '../../../test/fixtures';
import { axeViolations, launchBrowser, screenshot, signIn } from '../../../test/ui';

describe('chain-verification report (Chromium, real app, tampered SQLite file)', () => {
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

  it('shows the first broken link — stream, revision, position, expected and actual hash — once someone edits a recorded decision in the file', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/audit/verify`);
    await page.getByRole('heading', { name: /Every hash chain is intact/ }).waitFor();

    // Someone with access to the data directory rewrites the reason of the kill, behind the ledger's back.
    const db = new Database(sqliteEventsFile(ledger.config));
    const target = db.prepare("SELECT position, stream_id, revision, data FROM events WHERE type = 'item.killed'").get() as {
      position: number;
      stream_id: string;
      revision: number;
      data: string;
    };
    expect(target.data).toContain('sent by the payment provider');
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(target.data.replace('sent by the payment provider', 'not wanted by anyone'), target.position);
    db.close();

    await page.getByRole('button', { name: 'Verify again' }).click();
    await page.getByRole('heading', { name: /A hash chain is broken/ }).waitFor();
    const api = (await ledger.request('GET', '/audit/verify', { token: auditor })).body;
    expect(api.firstBreak).toMatchObject({ streamId: target.stream_id, revision: target.revision, position: target.position, problem: 'hash-mismatch' });
    const cell = (name: string | RegExp) => page.locator('table.break-table tr', { has: page.locator('th', { hasText: name }) }).locator('td');
    await expect(cell('Stream').textContent()).resolves.toBe(target.stream_id);
    await expect(cell('Revision').textContent()).resolves.toBe(String(target.revision));
    await expect(cell('Global position').textContent()).resolves.toBe(String(target.position));
    await expect(cell('Problem').textContent()).resolves.toBe('hash-mismatch');
    await expect(cell(/^Expected/).textContent()).resolves.toBe(api.firstBreak.expected);
    await expect(cell(/^Actual/).textContent()).resolves.toBe(api.firstBreak.actual);
    await expect(page.getByRole('heading', { name: 'First broken link: the event was altered after it was recorded' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'verify-broken');

    // Printed, the broken link is on the one page.
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    // From the report to the altered event in the log, and to the item's timeline.
    await page.getByRole('link', { name: 'The broken event in the audit log' }).click();
    await page.locator('table.events tbody tr').first().waitFor();
    await expect(page.locator('table.events tbody tr').first().getAttribute('data-position')).resolves.toBe(String(target.position));
    await page.goBack();
    await page.getByRole('link', { name: "Open the item's decision timeline" }).click();
    await page.getByRole('heading', { name: 'Receipt emails' }).waitFor();
    expect(page.url()).toContain(`/app/items/${seeded.items['Receipt emails']}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
