import { createHmac } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { startLedger, type Ledger } from '../../../../../test/support/ledger';
import { eventually, startReceiver, type Receiver } from '../../../../api/src/webhooks/testing/receiver';
import { WHY } from '../../../test/fixtures';
import { axeViolations, launchBrowser, screenshot, signIn } from '../../../test/ui';

/** The webhooks screen against the real app and a local receiver (plain http to loopback: LEDGER_WEBHOOKS_ALLOW_INSECURE). */
describe('webhooks screen (Chromium, real app, a local receiver)', () => {
  let browser: Browser;
  let ledger: Ledger;
  let receiver: Receiver;
  let leader: string;
  let backlogId: string;

  const webhooks = async () => (await ledger.request('GET', '/webhooks', { token: leader })).body.webhooks as { webhookId: string; status: string; events: string[] }[];
  const addItem = async (title: string) => {
    const res = await ledger.request('POST', `/backlogs/${backlogId}/items`, { token: leader, body: { title, kind: 'initiative', rationale: WHY } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    [browser, ledger, receiver] = await Promise.all([launchBrowser(), startLedger({ env: { LEDGER_WEBHOOKS_ALLOW_INSECURE: 'true' } }), startReceiver()]);
    leader = await ledger.token('product-leader', 'lena');
    backlogId = (await ledger.request('POST', '/backlogs', { token: leader, body: { name: 'Growth', productGoal: 'New users reach value in their first week' } })).body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
    await receiver?.close();
  });

  it('an admin registers a webhook (the secret once), sees a kill delivered with its outcome, and removes it with a reason', async () => {
    const { page, context, problems } = await signIn(browser, ledger, 'admin', { sub: 'ada' });
    await page.goto(`${ledger.url}/app/webhooks`);
    await page.getByText('No webhook is registered.').waitFor();
    await page.getByRole('button', { name: 'Register a webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a webhook' });
    // A URL the API refuses: the message next to the field, nothing written.
    await dialog.getByLabel('Receiver URL').fill('http://hooks.example.com/ledger');
    await dialog.getByRole('checkbox', { name: /^item\.killed/ }).check();
    await dialog.getByLabel(/Why does this receiver hear/).fill('The growth channel hears about every kill');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await dialog.getByText('url must use https').waitFor();
    expect(await dialog.getByLabel('Receiver URL').getAttribute('aria-invalid')).toBe('true');
    expect(await webhooks()).toEqual([]);

    await dialog.getByLabel('Receiver URL').fill(receiver.url);
    await dialog.getByRole('checkbox', { name: `Only events of “Growth”` }).check();
    await dialog.getByRole('button', { name: 'Register' }).click();
    const secretField = page.getByLabel('Signing secret');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [registered] = await webhooks();
    expect(registered).toMatchObject({ status: 'active', events: ['item.killed'] });
    expect(new URL(page.url()).searchParams.get('webhook')).toBe(registered.webhookId);
    await page.getByText('Nothing has been delivered to it yet.').waitFor();
    await page.getByRole('button', { name: 'Done: the receiver has the secret' }).click();
    await secretField.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    // A kill: delivered to the receiver, signed with the secret the screen showed; the screen shows the outcome.
    const itemId = await addItem('Referral program');
    expect((await ledger.request('POST', `/items/${itemId}/kill`, { token: leader, body: { reason: 'Nobody used referrals in the pilot' } })).status).toBe(200);
    await eventually(() => receiver.received.length === 1, 10_000, 'the delivery');
    const got = receiver.received[0];
    const signed = createHmac('sha256', secret).update(`${got.headers['x-ledger-timestamp']}.${got.body}`).digest('hex');
    expect(got.headers['x-ledger-signature']).toBe(`v1=${signed}`);
    await page.reload();
    const row = page.getByRole('region', { name: 'Deliveries' }).getByRole('row', { name: /item\.killed/ });
    await row.getByText('delivered (HTTP 200) at the first attempt').waitFor();
    await page.getByText('1 delivered. Newest first.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'webhooks');

    await page.getByRole('button', { name: 'Remove this webhook' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove the webhook' });
    await remove.getByLabel(/Why do deliveries stop/).fill('The growth channel moved to the weekly digest');
    await remove.getByRole('button', { name: 'Remove' }).click();
    await remove.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Registered webhooks' }).getByText('removed').waitFor();
    expect(await page.getByRole('button', { name: 'Remove this webhook' }).count()).toBe(0);
    expect((await webhooks())[0].status).toBe('removed');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an auditor sees the webhooks and their deliveries, and no button to change them', async () => {
    const [w] = await webhooks();
    const { page, context, problems } = await signIn(browser, ledger, 'auditor', { sub: 'audrey' });
    await page.goto(`${ledger.url}/app/webhooks?webhook=${w.webhookId}`);
    await page.getByRole('region', { name: 'Deliveries' }).getByRole('row', { name: /item\.killed/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /Register a webhook|Remove this webhook/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
