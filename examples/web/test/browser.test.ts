import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../test-support/chromium';
import { startWebDemo, type WebDemo } from '../server/launch';
import { shorten } from '../src/shorten';

// The web demo end to end in a real browser: Debian's Chromium driven by playwright-core, the app
// served by Vite on one origin, the AM dev server (oidc-provider behind it) on another.
const output = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));

interface TokenReply {
  access_token: string;
  refresh_token: string;
  id_token: string;
}

// A loaded CI machine runs other test files beside this one: wait generously, never on timings.
const patience = { timeout: 15_000 };

describe.skipIf(!hasChromium)('the web demo in Chromium', { timeout: 60_000 }, () => {
  let demo: WebDemo;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let ssoToken: string;
  let tokens: TokenReply;

  /** The next token endpoint reply the page gets, as it came over the wire. */
  const nextTokenReply = () =>
    page
      .waitForResponse(
        (r) => r.url() === `${demo.server.issuer}/access_token` && r.request().method() === 'POST',
      )
      .then(async (r) => (await r.json()) as TokenReply);
  /** Authorize requests, not counting the browser's CORS preflights. */
  const authorizeCalls = () =>
    demo.server.requests.filter((r) => r.route === 'authorize' && r.method === 'GET').length;
  const text = (testId: string) => page.getByTestId(testId).textContent();
  const click = (name: string) => page.getByRole('button', { name, exact: true }).click();
  const heading = (name: string | RegExp) => page.getByRole('heading', { name }).waitFor();

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startWebDemo({ watch: false }), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(patience.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('signs in through Login and shows the session', async () => {
    await page.goto(demo.url);
    await click('Sign in');
    await page.getByLabel('User Name', { exact: true }).fill('demo');
    await page.getByLabel('Password', { exact: true }).fill('Ch4ng3it!');
    const success = page.waitForResponse(
      (r) =>
        r.url().includes('/authenticate') && r.request().postData()?.includes('authId') === true,
    );
    const minted = nextTokenReply();
    await click('Next');
    ssoToken = ((await (await success).json()) as { tokenId: string }).tokenId;
    tokens = await minted;
    await heading(/^Signed in/);
    await expect.poll(() => text('access-token'), patience).toBe(shorten(tokens.access_token));
    expect(await text('sso-token')).toBe(shorten(ssoToken));
    expect(await text('refresh-token')).toBe(shorten(tokens.refresh_token));
    expect(await text('expires')).toMatch(/\(in \d+ min\)$/);
    expect(await text('userinfo')).toContain(demo.server.users[0]!.profile.email);
    // The server's view: a live AM session, tokens minted once from it through the browser.
    expect(demo.server.isSessionValid(ssoToken)).toBe(true);
    expect(await demo.server.isAccessTokenActive(tokens.access_token)).toBe(true);
    expect(authorizeCalls()).toBe(1);
    expect(demo.server.grants.authorization_code).toBe(1);
    await page.screenshot({ path: `${output}signed-in.png`, fullPage: true });
    expect(existsSync(`${output}signed-in.png`)).toBe(true);
  });

  it('refreshes: a new access token, the old refresh token spent', async () => {
    const refreshed = nextTokenReply();
    await click('Refresh');
    const reply = await refreshed;
    expect(reply.access_token).not.toBe(tokens.access_token);
    await expect.poll(() => text('access-token'), patience).toBe(shorten(reply.access_token));
    expect(demo.server.grants.refresh_token).toBe(1);
    expect(await demo.server.isRefreshTokenActive(tokens.refresh_token)).toBe(false);
    expect(await demo.server.isRefreshTokenActive(reply.refresh_token)).toBe(true);
    tokens = reply;
  });

  it('revokes the tokens on the server and keeps the SSO session', async () => {
    await click('Revoke');
    await expect.poll(() => text('access-token'), patience).toBe('none');
    await page.getByText('Tokens revoked on the server').waitFor();
    expect(demo.server.revocations).toBe(1);
    expect(await demo.server.isRefreshTokenActive(tokens.refresh_token)).toBe(false);
    expect(await demo.server.isAccessTokenActive(tokens.access_token)).toBe(false);
    expect(demo.server.isSessionValid(ssoToken)).toBe(true);
    expect(authorizeCalls()).toBe(1); // the panel did not mint new ones by itself

    const minted = nextTokenReply();
    await click('Get tokens');
    tokens = await minted;
    await expect.poll(() => text('access-token'), patience).toBe(shorten(tokens.access_token));
    expect(authorizeCalls()).toBe(2);
  });

  it('signs out: back to the start, the session ended on the server', async () => {
    await click('Sign out');
    await heading('Start a journey');

    await page.getByText('You signed out.').waitFor();
    expect(demo.server.isSessionValid(ssoToken)).toBe(false);
    expect(await demo.server.isAccessTokenActive(tokens.access_token)).toBe(false);
    expect(demo.server.endSessions).toMatchObject([{ idTokenHintValid: true }]);
    const stored = await page.evaluate(() => Object.keys(sessionStorage));
    expect(stored.filter((key) => key.startsWith('journeykit.'))).toEqual([]);
  });

  it("runs Registration through the generic form, with the server's validation", async () => {
    const posts = () =>
      demo.server.requests.filter((r) => r.route === 'authenticate' && r.method === 'POST').length;
    await click('Create an account');
    await heading('Sign Up');
    const before = posts();
    await click('Create account'); // the stage's submit text
    await page.getByText('Username is required.').waitFor();
    expect(posts()).toBe(before); // the form stopped it: nothing sent

    const fillIn = async (password: string) => {
      const field = (label: string) => page.getByLabel(label, { exact: true });
      await field('Username').fill('ada');
      await field('First Name').fill('Ada');
      await field('Last Name').fill('Lovelace');
      await field('Email Address').fill('ada@example.com');
      await field('Password').fill(password);
      await field('Question').selectOption('In which city were you born?');
      await field('Answer').fill('London');
      await field('I accept the terms and conditions').check();
    };
    await fillIn('short');
    await click('Create account');
    // The server refused the password: its failedPolicies, in words, under the field.
    await page.getByText('At least 8 characters.').waitFor();
    await page.getByText('At least 1 capital letter(s).').waitFor();
    await page.screenshot({ path: `${output}registration-refused.png`, fullPage: true });
    expect(posts()).toBe(before + 1);
    expect(demo.server.users.map((u) => u.username)).not.toContain('ada');

    await fillIn('Secur3pass!');
    await click('Create account');
    await heading(/^Signed in/);
    await expect.poll(() => text('userinfo'), patience).toContain('ada@example.com');
    const ada = demo.server.users.find((u) => u.username === 'ada');
    expect(ada?.profile).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(await text('userinfo')).toContain('Ada Lovelace');
  });

  it('runs the other journeys: SecondFactor, Polling, EmailLink', async () => {
    await click('Sign out');
    const start = async (journey: string) => {
      await page.getByLabel('Journey', { exact: true }).fill(journey);
      await click('Start');
    };
    await start('SecondFactor');
    await page.getByLabel('User Name', { exact: true }).fill('demo');
    await page.getByLabel('Password', { exact: true }).fill('Ch4ng3it!');
    await click('Next');
    await page.getByText('Where should we send your one-time code?').waitFor();
    expect(await page.getByLabel('Email', { exact: true }).isChecked()).toBe(true); // the default
    await page.getByLabel('SMS', { exact: true }).check();
    await click('Next');
    await page.getByText('Enter the code we just sent you.').waitFor();
    const sent = demo.server.outbox.at(-1)!;
    expect(sent).toMatchObject({ journey: 'SecondFactor', channel: 'sms', username: 'demo' });

    await page
      .getByLabel('One-time code', { exact: true })
      .fill(sent.code === '000000' ? '111111' : '000000');
    await click('Submit');
    await page.getByText('That code is not right. Try again.').waitFor();
    await page.getByLabel('One-time code', { exact: true }).fill(sent.code!);
    await click('Submit');
    await heading(/^Signed in/);

    // Polling: the app waits as the PollingWaitCallback says, then goes on by itself.
    await click('Sign out');
    await start('Polling');
    await page.getByLabel('User Name', { exact: true }).fill('demo');
    await click('Next');
    await page.getByText('Waiting for you to approve the sign-in').waitFor();
    await heading(/^Signed in/);

    // EmailLink: the journey suspends; the emailed link resumes it.
    await click('Sign out');
    await start('EmailLink');
    await page.getByLabel('User Name', { exact: true }).fill('demo');
    await click('Next');
    await page.getByText('An email has been sent to your inbox.').waitFor();
    const email = demo.server.outbox.at(-1)!;
    expect(email).toMatchObject({ journey: 'EmailLink', link: expect.any(String) });
    await page.getByLabel('Resume link', { exact: true }).fill(email.link!);
    await click('Resume');
    await heading(/^Signed in/);
  });

  it('logged no errors in the page (CORS refusals would show here)', () => {
    expect(pageErrors).toEqual([]);
  });
});
