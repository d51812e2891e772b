import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../modules/auth/password';
import { repoRoot } from '../paths';
import { startTestApi } from '../test/api-harness';
import { launchChromium } from './browser';
import { startFrontEnd } from './dev-servers';

const shots = path.join(repoRoot, '.tmp', 'screenshots');

/** The text input behind a test id, whether the id sits on the input or on its component wrapper. */
const field = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();

describe('in a real browser', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let web: Awaited<ReturnType<typeof startFrontEnd>>;
  let admin: Awaited<ReturnType<typeof startFrontEnd>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    api = await startTestApi();
    const apiPort = Number(new URL(api.url).port);
    web = await startFrontEnd('web', apiPort);
    admin = await startFrontEnd('admin', apiPort);
    browser = await launchChromium();
    await api.db.prisma.user.create({
      data: { email: 'boss@numninja.test', name: 'Boss Admin', role: 'ADMIN', passwordHash: await hashPassword('admin-password-1') },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.vite.close();
    await admin?.vite.close();
    await api?.close();
  });

  it('signs up in the storefront and lands on the account page, signed in', async () => {
    const page = await browser.newPage();
    await page.goto(`${web.url}/sign-up`);
    await field(page, 'signup-name').fill('Ada Lovelace');
    await field(page, 'signup-email').fill('ada@example.com');
    await field(page, 'signup-password').fill('analytical-engine');
    await page.getByTestId('signup-submit').click();
    await expect.poll(() => page.getByTestId('account-greeting').textContent(), { timeout: 15_000 }).toContain('Ada');
    await page.screenshot({ path: path.join(shots, 'web-account.png'), fullPage: true });

    const user = await api.db.prisma.user.findUnique({ where: { email: 'ada@example.com' } });
    expect(user?.role).toBe('CUSTOMER');
    // The session is an httpOnly cookie: page scripts cannot read it.
    expect(await page.evaluate('document.cookie')).not.toContain('nn_session');
    await page.close();
  });

  it('shows field errors from the API on a taken email', async () => {
    const page = await browser.newPage();
    await page.goto(`${web.url}/sign-up`);
    await field(page, 'signup-name').fill('Ada Again');
    await field(page, 'signup-email').fill('ada@example.com');
    await field(page, 'signup-password').fill('analytical-engine');
    await page.getByTestId('signup-submit').click();
    await expect.poll(() => page.content(), { timeout: 10_000 }).toContain('An account with this email already exists.');
    await page.screenshot({ path: path.join(shots, 'web-signup-taken.png'), fullPage: true });
    await page.close();
  });

  it('lets staff into the admin console and keeps customers out', async () => {
    const page = await browser.newPage();
    await page.goto(`${admin.url}/sign-in`);
    const email = field(page, 'admin-signin-email');
    const password = field(page, 'admin-signin-password');

    await email.fill('ada@example.com');
    await password.fill('analytical-engine');
    await page.getByTestId('admin-signin-submit').click();
    await expect.poll(() => page.getByTestId('admin-signin-error').textContent(), { timeout: 10_000 }).toContain('staff only');
    await page.screenshot({ path: path.join(shots, 'admin-customer-refused.png'), fullPage: true });

    await email.fill('boss@numninja.test');
    await password.fill('admin-password-1');
    await page.getByTestId('admin-signin-submit').click();
    await expect.poll(() => page.getByTestId('admin-dashboard-title').isVisible(), { timeout: 15_000 }).toBe(true);
    // The panels show data (or their empty state), not a skeleton that never resolves.
    await expect.poll(() => page.getByTestId('admin-recent-orders').textContent(), { timeout: 10_000 }).toMatch(/No orders yet|NN-/);
    await expect.poll(() => page.getByTestId('admin-recent-syncs').textContent(), { timeout: 10_000 }).toMatch(/No sync runs|Succeeded|Failed|Running|Queued/);
    await page.screenshot({ path: path.join(shots, 'admin-dashboard.png'), fullPage: true });
    await page.close();
  });
});
