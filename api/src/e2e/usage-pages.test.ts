import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DIDWW_SMS_SECRET } from '../config';
import { eventually } from '../integrations/didww/fake/testing';
import { customerWithNumbers } from '../modules/usage/usage.test-support';
import { repoRoot } from '../paths';
import { seedDemoData } from '../seed';
import { startTestApi } from '../test/api-harness';
import { launchChromium } from './browser';
import { startFrontEnd } from './dev-servers';

const shots = path.join(repoRoot, '.tmp', 'screenshots');

describe('a customer reads their calls, messages and analytics in the storefront', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let web: Awaited<ReturnType<typeof startFrontEnd>>;
  let browser: Browser;
  let customer: Awaited<ReturnType<typeof customerWithNumbers>>;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    api = await startTestApi();
    await seedDemoData(api.db.prisma, { perGroup: 3 });
    api.didww!.admin.setSmsWebhook(`${api.url}/webhooks/didww/sms/${FAKE_DIDWW_SMS_SECRET}`);
    customer = await customerWithNumbers(api, 2, 40);
    api.server.services.usage.importer['opts'].pollMs = 20;
    await api.server.services.usage.importCallRecords();
    for (let i = 0; i < 6; i++) api.didww!.admin.addSms({ number: customer.numbers[i % 2]!.e164.slice(1) });
    api.didww!.admin.addSms({ number: customer.numbers[0]!.e164.slice(1), text: 'Your table for four is confirmed' });
    await eventually(async () => (await api.db.prisma.smsMessage.count({ where: { userId: customer.userId } })) === 7);
    web = await startFrontEnd('web', Number(new URL(api.url).port));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.vite.close();
    await api?.close();
  });

  async function signedInPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'nn_session', value: customer.token, url: web.url }]);
    return context.newPage();
  }

  it('lists calls with a count and filters them by outcome through the URL', async () => {
    const page = await signedInPage();
    await page.goto(`${web.url}/calls`);
    await page.getByTestId('calls-count').waitFor({ timeout: 20_000 });
    const total = await api.db.prisma.callRecord.count({ where: { userId: customer.userId } });
    expect(await page.getByTestId('calls-count').textContent()).toContain(total.toLocaleString('en-US'));
    await page.screenshot({ path: path.join(shots, 'usage-calls.png'), fullPage: true });
    await page.goto(`${web.url}/calls?status=BUSY`);
    const busy = await api.db.prisma.callRecord.count({ where: { userId: customer.userId, status: 'BUSY' } });
    await expect.poll(async () => page.getByTestId('calls-count').textContent(), { timeout: 10_000 }).toContain(`${busy} call`);
  });

  it('searches messages', async () => {
    const page = await signedInPage();
    await page.goto(`${web.url}/messages?q=table`);
    await page.getByText('Your table for four is confirmed').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('messages-count').textContent()).toContain('1 message');
    await page.screenshot({ path: path.join(shots, 'usage-messages.png'), fullPage: true });
  });

  it('shows totals, charts and top callers', async () => {
    const page = await signedInPage();
    await page.goto(`${web.url}/analytics`);
    await page.getByTestId('stats-totals').waitFor({ timeout: 20_000 });
    await page.getByTestId('top-callers').locator('li').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('canvas').count()).toBe(3);
    // Chart.js animates the first draw; the screenshot should show the final figures.
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: path.join(shots, 'usage-analytics.png'), fullPage: true });
  });
});
