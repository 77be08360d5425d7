import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../test-support/chromium';
import { startWebDemo, type WebDemo } from '../server/launch';
import { shorten } from '../src/shorten';

// Centralized login in Chromium: the demo sends the browser to the server's /authorize, which has
// no session and shows its hosted sign-in page; back on the demo the code is exchanged; then a
// refresh, and a sign-out that redirects through the server's end session and back.
const patience = { timeout: 15_000 };

interface TokenReply {
  access_token: string;
  refresh_token: string;
}

describe.skipIf(!hasChromium)('centralized login in the web demo', { timeout: 60_000 }, () => {
  let demo: WebDemo;
  let browser: Browser;
  let page: Page;
  let tokens: TokenReply;
  const pageErrors: string[] = [];

  const nextTokenReply = () =>
    page
      .waitForResponse((r) => r.url() === `${demo.server.issuer}/access_token`)
      .then(async (r) => (await r.json()) as TokenReply);
  const shown = () => page.getByTestId('hosted-access-token').textContent();
  const click = (name: string) => page.getByRole('button', { name, exact: true }).click();

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

  it("signs in on the server's page and comes back with tokens", async () => {
    await page.goto(demo.url);
    await click("Sign in on the server's page");
    await page.waitForURL((url) => url.pathname === '/am/XUI/');
    await page.getByLabel('User Name', { exact: true }).fill('demo');
    await page.getByLabel('Password', { exact: true }).fill('Ch4ng3it!');
    const minted = nextTokenReply();
    await click('Next');
    tokens = await minted;
    await expect.poll(shown, patience).toBe(shorten(tokens.access_token));
    expect(new URL(page.url()).pathname).toBe('/');
    // The server's view: one code grant, tokens live, an AM session the hosted page made.
    expect(demo.server.grants.authorization_code).toBe(1);
    expect(await demo.server.isAccessTokenActive(tokens.access_token)).toBe(true);
    const cookies = await page.context().cookies(demo.server.origin);
    const sso = cookies.find((c) => c.name === demo.server.cookieName)!.value;
    expect(demo.server.isSessionValid(sso)).toBe(true);
  });

  it('refreshes the tokens', async () => {
    const refreshed = nextTokenReply();
    await click('Refresh hosted tokens');
    const reply = await refreshed;
    await expect.poll(shown, patience).toBe(shorten(reply.access_token));
    expect(demo.server.grants.refresh_token).toBe(1);
    expect(await demo.server.isRefreshTokenActive(tokens.refresh_token)).toBe(false);
    tokens = reply;
  });

  it("signs out through the server's end session and back: session ended, tokens revoked", async () => {
    const cookies = await page.context().cookies(demo.server.origin);
    const sso = cookies.find((c) => c.name === demo.server.cookieName)!.value;
    await click('Sign out at the server');
    await page.waitForURL((url) => url.pathname === '/signed-out');
    await page.getByText('Signed out at the server.').waitFor();
    expect(demo.server.endSessions).toMatchObject([{ idTokenHintValid: true, sessionsEnded: 1 }]);
    expect(demo.server.isSessionValid(sso)).toBe(false);
    expect(await demo.server.isAccessTokenActive(tokens.access_token)).toBe(false);
    expect(await demo.server.isRefreshTokenActive(tokens.refresh_token)).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
