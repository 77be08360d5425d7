import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../../test-support/chromium';
import { demoPage, patience } from './demo-page';
import { shorten } from '../src/shorten';

// Centralized login in Chromium: the demo sends the browser to the server's /authorize, which has
// no session and shows its hosted sign-in page; back on the demo the code is exchanged; then a
// refresh, and a sign-out that redirects through the server's end session and back.

interface TokenReply {
  access_token: string;
  refresh_token: string;
}

describe.skipIf(!hasChromium)('centralized login in the web demo', { timeout: 60_000 }, () => {
  const opened = demoPage();
  let tokens: TokenReply;

  const nextTokenReply = () =>
    opened.page
      .waitForResponse((r) => r.url() === `${opened.demo.server.issuer}/access_token`)
      .then(async (r) => (await r.json()) as TokenReply);
  const shown = () => opened.page.getByTestId('hosted-access-token').textContent();
  const click = (name: string) => opened.page.getByRole('button', { name, exact: true }).click();

  it("signs in on the server's page and comes back with tokens", async () => {
    await opened.page.goto(opened.demo.url);
    await click("Sign in on the server's page");
    await opened.page.waitForURL((url) => url.pathname === '/am/XUI/');
    await opened.page.getByLabel('User Name', { exact: true }).fill('demo');
    await opened.page.getByLabel('Password', { exact: true }).fill('Ch4ng3it!');
    const minted = nextTokenReply();
    await click('Next');
    tokens = await minted;
    await expect.poll(shown, patience).toBe(shorten(tokens.access_token));
    expect(new URL(opened.page.url()).pathname).toBe('/');
    // The server's view: one code grant, tokens live, an AM session the hosted page made.
    expect(opened.demo.server.grants.authorization_code).toBe(1);
    expect(await opened.demo.server.isAccessTokenActive(tokens.access_token)).toBe(true);
    const cookies = await opened.page.context().cookies(opened.demo.server.origin);
    const sso = cookies.find((c) => c.name === opened.demo.server.cookieName)!.value;
    expect(opened.demo.server.isSessionValid(sso)).toBe(true);
  });

  it('refreshes the tokens', async () => {
    const refreshed = nextTokenReply();
    await click('Refresh hosted tokens');
    const reply = await refreshed;
    await expect.poll(shown, patience).toBe(shorten(reply.access_token));
    expect(opened.demo.server.grants.refresh_token).toBe(1);
    expect(await opened.demo.server.isRefreshTokenActive(tokens.refresh_token)).toBe(false);
    tokens = reply;
  });

  it("signs out through the server's end session and back: session ended, tokens revoked", async () => {
    const cookies = await opened.page.context().cookies(opened.demo.server.origin);
    const sso = cookies.find((c) => c.name === opened.demo.server.cookieName)!.value;
    await click('Sign out at the server');
    await opened.page.waitForURL((url) => url.pathname === '/signed-out');
    await opened.page.getByText('Signed out at the server.').waitFor();
    expect(opened.demo.server.endSessions).toMatchObject([
      { idTokenHintValid: true, sessionsEnded: 1 },
    ]);
    expect(opened.demo.server.isSessionValid(sso)).toBe(false);
    expect(await opened.demo.server.isAccessTokenActive(tokens.access_token)).toBe(false);
    expect(await opened.demo.server.isRefreshTokenActive(tokens.refresh_token)).toBe(false);
    expect(opened.pageErrors).toEqual([]);
  });

  it('the hosted page goes back only to its own origin', async () => {
    const { origin } = opened.demo.server;
    await opened.page.goto(
      `${origin}/am/XUI/?goto=${encodeURIComponent('https://elsewhere.example/')}`,
    );
    await opened.page.getByLabel('User Name', { exact: true }).fill('demo');
    await opened.page.getByLabel('Password', { exact: true }).fill('Ch4ng3it!');
    await click('Next');
    await opened.page.waitForURL(`${origin}/`);
  });
});
