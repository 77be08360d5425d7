import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../test-support/chromium';
import { startWebDemo, type WebDemo } from '../server/launch';

// Social sign-in inside a journey, in Chromium: the web demo runs SocialLogin, leaves the page for
// the dev server's social provider (a second oidc-provider standing in for Google), signs in there
// and comes back; the journey goes on from the step saved before the page was left.
const patience = { timeout: 15_000 };

describe.skipIf(!hasChromium)('social sign-in in the web demo', { timeout: 60_000 }, () => {
  let demo: WebDemo;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startWebDemo({ watch: false }), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(patience.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('signs in through the provider and back, linking the account by its email', async () => {
    await page.goto(demo.url);
    await page.getByLabel('Journey', { exact: true }).fill('SocialLogin');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Google (journeykit dev)' }).click();

    // The provider's own sign-in page, on its own path of the server.
    await page.waitForURL((url) => url.pathname.startsWith('/social/interaction/'));
    await page.locator('input[name="login"]').fill('demo');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await page.getByRole('heading', { name: /^Signed in/ }).waitFor();
    expect(new URL(page.url()).search).toBe(''); // the code left the address bar
    await expect
      .poll(() => page.getByTestId('userinfo').textContent(), patience)
      .toContain(demo.server.users[0]!.profile.email);
    // The server's view: the code exchanged once, the journey past the redirect to success.
    expect(demo.server.social.exchanges).toBe(1);
    expect(demo.server.journeySteps.map((s) => s.result)).toEqual([
      'select',
      'redirect',
      'success',
    ]);
    const stored = await page.evaluate(() => Object.keys(sessionStorage));
    expect(stored.some((key) => key.startsWith('journeykit.redirect:'))).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
