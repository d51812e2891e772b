import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths';
import { seedDemoData } from '../seed';
import { startTestApi } from '../test/api-harness';
import { startWorker } from '../jobs/worker';
import { createLogger } from '../logger';
import { launchChromium } from './browser';
import { freePort, startFrontEnd } from './dev-servers';

const shots = path.join(repoRoot, '.tmp', 'screenshots');

describe('a new customer buys a number in the storefront', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let web: Awaited<ReturnType<typeof startFrontEnd>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // Stripe's success URL points at the storefront, so its address is fixed before the API starts.
    const webPort = await freePort();
    api = await startTestApi({ WEB_URL: `http://127.0.0.1:${webPort}` });
    await seedDemoData(api.db.prisma);
    web = await startFrontEnd('web', Number(new URL(api.url).port), webPort);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.vite.close();
    await api?.close();
  });

  it('signs up, holds a number, pays on the offline checkout page, sees the paid order and watches the number go live', async () => {
    const started = Date.now();
    const page = await browser.newPage();
    await page.goto(`${web.url}/sign-up`);
    await page.locator('[data-testid="signup-name"] input, input[data-testid="signup-name"]').first().fill('Grace Hopper');
    await page.locator('[data-testid="signup-email"] input, input[data-testid="signup-email"]').first().fill('grace@example.com');
    await page.locator('[data-testid="signup-password"] input, input[data-testid="signup-password"]').first().fill('compiler-1952');
    await page.getByTestId('signup-submit').click();
    await page.getByTestId('account-greeting').waitFor({ timeout: 15_000 });

    await page.goto(`${web.url}/numbers/us`);
    const firstRow = page.getByTestId('result-row').first();
    await firstRow.waitFor({ timeout: 15_000 });
    const e164 = await firstRow.getAttribute('data-e164');
    await firstRow.getByTestId('add-to-cart').click();
    await expect.poll(() => firstRow.getByTestId('add-to-cart').getAttribute('data-state'), { timeout: 10_000 }).toBe('in-cart');

    await page.goto(`${web.url}/cart`);
    await page.getByTestId('cart-item').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('cart-item').first().getAttribute('data-e164')).toBe(e164);
    await page.screenshot({ path: path.join(shots, 'journey-cart.png'), fullPage: true });
    await page.getByTestId('checkout').click();

    await page.getByTestId('offline-pay').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'journey-offline-checkout.png'), fullPage: true });
    await page.getByTestId('offline-pay').click();

    await page.getByTestId('order-confirmed').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('order-confirmed').getAttribute('data-status')).toBe('PAID');
    await page.screenshot({ path: path.join(shots, 'journey-paid.png'), fullPage: true });

    const order = await api.db.prisma.order.findFirstOrThrow({ where: { user: { email: 'grace@example.com' } }, include: { lines: true } });
    expect(order.status).toBe('PAID');
    expect(order.lines.map((l) => l.e164)).toEqual([e164]);
    expect(Date.now() - started).toBeLessThan(60_000);

    // The job worker starts only now, in the API's process, so the page has been open (and
    // subscribed) while the number was still pending: it must turn ACTIVE without a reload.
    const line = page.getByTestId('line-status').first();
    expect(await line.getAttribute('data-status')).not.toBe('ACTIVE');
    const worker = await startWorker({ pool: api.db.pool, services: api.server.services, log: createLogger('silent'), concurrency: 2, pollInterval: 200 });
    try {
      await expect.poll(() => line.getAttribute('data-status'), { timeout: 30_000 }).toBe('ACTIVE');
      await page.screenshot({ path: path.join(shots, 'journey-live.png'), fullPage: true });
      await page.goto(`${web.url}/my-numbers`);
      await expect.poll(() => page.getByTestId('my-number').first().getAttribute('data-status'), { timeout: 10_000 }).toBe('ACTIVE');
      expect(await page.getByTestId('my-number').first().getAttribute('data-e164')).toBe(e164);
      await page.screenshot({ path: path.join(shots, 'journey-my-numbers.png'), fullPage: true });
    } finally {
      await worker.stop();
    }
    await page.close();
  });
});
