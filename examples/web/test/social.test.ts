import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../../test-support/chromium';
import { demoPage, patience } from './demo-page';

// Social sign-in inside a journey, in Chromium: the web demo runs SocialLogin, leaves the page for
// the dev server's social provider (a second oidc-provider standing in for Google), signs in there
// and comes back; the journey goes on from the step saved before the page was left.

describe.skipIf(!hasChromium)('social sign-in in the web demo', { timeout: 60_000 }, () => {
  const opened = demoPage();

  it('signs in through the provider and back, linking the account by its email', async () => {
    await opened.page.goto(opened.demo.url);
    await opened.page.getByLabel('Journey', { exact: true }).fill('SocialLogin');
    await opened.page.getByRole('button', { name: 'Start', exact: true }).click();
    await opened.page.getByRole('button', { name: 'Google (journeykit dev)' }).click();

    // The provider's own sign-in page, on its own path of the server.
    await opened.page.waitForURL((url) => url.pathname.startsWith('/social/interaction/'));
    await opened.page.locator('input[name="login"]').fill('demo');
    await opened.page.locator('input[name="password"]').fill('anything');
    await opened.page.getByRole('button', { name: 'Sign-in' }).click();

    await opened.page.getByRole('heading', { name: /^Signed in/ }).waitFor();
    expect(new URL(opened.page.url()).search).toBe(''); // the code left the address bar
    await expect
      .poll(() => opened.page.getByTestId('userinfo').textContent(), patience)
      .toContain(opened.demo.server.users[0]!.profile.email);
    // The server's view: the code exchanged once, the journey past the redirect to success.
    expect(opened.demo.server.social.exchanges).toBe(1);
    expect(opened.demo.server.journeySteps.map((s) => s.result)).toEqual([
      'select',
      'redirect',
      'success',
    ]);
    const stored = await opened.page.evaluate(() => Object.keys(sessionStorage));
    expect(stored.some((key) => key.startsWith('journeykit.redirect:'))).toBe(false);
    expect(opened.pageErrors).toEqual([]);
  });
});
