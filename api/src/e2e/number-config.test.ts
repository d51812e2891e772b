import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths';
import { createSignedInUser, startTestApi } from '../test/api-harness';
import { customerWithLiveNumbers, settleJobs } from '../modules/number-config/test-support';
import { launchChromium } from './browser';
import { startFrontEnd } from './dev-servers';

const shots = path.join(repoRoot, '.tmp', 'screenshots');
const field = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();

describe('the number page in a real browser', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let web: Awaited<ReturnType<typeof startFrontEnd>>;
  let admin: Awaited<ReturnType<typeof startFrontEnd>>;
  let browser: Browser;
  let owner: { email: string };
  let numberId: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    api = await startTestApi();
    web = await startFrontEnd('web', Number(new URL(api.url).port));
    admin = await startFrontEnd('admin', Number(new URL(api.url).port));
    browser = await launchChromium();
    const s = await customerWithLiveNumbers(api, 1);
    owner = s.customer;
    numberId = s.numberIds[0]!;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.vite.close();
    await admin?.vite.close();
    await api?.close();
  });

  it('configures forwarding from My numbers: checks as you type, saves, and shows the change going live', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${web.url}/sign-in?redirect=/my-numbers`);
    await field(page, 'signin-email').fill(owner.email);
    await field(page, 'signin-password').fill('correct-horse-battery');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('number-link').first().click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(`/my-numbers/${numberId}`);
    await page.getByTestId('config-sync').waitFor();
    expect(await page.getByTestId('config-sync').getAttribute('data-state')).toBe('APPLIED');

    await page.getByTestId('add-target').click();
    const destination = page.getByTestId('target-destination').first();
    await destination.fill('4155552671');
    await destination.blur();
    await expect.poll(() => page.getByTestId('routing-form').textContent()).toContain('international format');
    expect(await page.getByTestId('save-routing').isDisabled()).toBe(true);
    await destination.fill('+14155552671');
    await page.getByTestId('add-target').click();
    await page.getByTestId('target-destination').nth(1).fill('+442071838750');
    await page.getByTestId('forwarding-enabled').click();
    await page.getByTestId('save-routing').click();
    await expect.poll(() => page.getByTestId('config-sync').getAttribute('data-state'), { timeout: 10_000 }).toMatch(/SAVED|APPLYING/);
    await page.screenshot({ path: path.join(shots, 'web-number-routing-saving.png'), fullPage: true });

    await settleJobs(api);
    await expect.poll(() => page.getByTestId('config-sync').getAttribute('data-state'), { timeout: 15_000 }).toBe('APPLIED');
    await page.screenshot({ path: path.join(shots, 'web-number-routing.png'), fullPage: true });

    await page.locator('.n-tabs-tab', { hasText: 'Hours' }).click();
    await page.getByTestId('hours-form').waitFor();
    await page.getByTestId('hours-enabled').click();
    await page.getByRole('button', { name: 'Weekdays 9–5' }).click();
    expect(await page.getByTestId('hours-row').count()).toBe(5);
    // An inverted interval is refused as it is typed.
    const closes = page.getByLabel('Interval 1 closes');
    await closes.fill('08:00');
    await expect.poll(() => page.getByTestId('hours-form').textContent()).toContain('The end must be after the start');
    expect(await page.getByTestId('save-hours').isDisabled()).toBe(true);
    await closes.fill('17:00');
    await page.getByTestId('save-hours').click();
    await expect.poll(() => page.getByTestId('config-sync').getAttribute('data-state'), { timeout: 10_000 }).toMatch(/SAVED|APPLYING/);
    await settleJobs(api);
    await expect.poll(() => page.getByTestId('config-sync').getAttribute('data-state'), { timeout: 15_000 }).toBe('APPLIED');
    await expect.poll(() => page.getByTestId('open-now').textContent(), { timeout: 10_000 }).toMatch(/(Open|Closed) now · switches/);
    await page.screenshot({ path: path.join(shots, 'web-number-hours.png'), fullPage: true });
    const saved = await api.db.prisma.businessHoursInterval.count({ where: { configuration: { purchasedNumberId: numberId } } });
    expect(saved).toBe(5);
    await page.locator('.n-tabs-tab', { hasText: 'SMS' }).click();
    await page.getByTestId('sms-form').waitFor();
    await page.screenshot({ path: path.join(shots, 'web-number-sms.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('shows staff the same configuration read-only until they choose to edit', async () => {
    const staff = await createSignedInUser(api, 'SUPPORT');
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await page.goto(`${admin.url}/sign-in`);
    await field(page, 'admin-signin-email').fill(staff.email);
    await field(page, 'admin-signin-password').fill(staff.password);
    await page.getByTestId('admin-signin-submit').click();
    await page.waitForURL((u) => !u.pathname.includes('sign-in'), { timeout: 15_000 });
    await page.goto(`${admin.url}/numbers/${numberId}`);
    await page.getByTestId('routing-form').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('save-routing').count()).toBe(0);
    expect(await page.getByTestId('target-destination').first().isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'admin-number-config.png'), fullPage: true });
    await page.getByTestId('staff-edit-config').click();
    expect(await page.getByTestId('save-routing').count()).toBe(1);
    expect(await page.getByTestId('target-destination').first().isDisabled()).toBe(false);
    await page.close();
  }, 60_000);
});
