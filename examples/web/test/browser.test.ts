import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../test-support/chromium';
import { startWebDemo, type WebDemo } from '../server/launch';
import { shorten } from '../src/shorten';

// The web demo end to end in a real browser: Debian's Chromium driven by playwright-core, the app
// served by Vite on one origin, the AM dev server (oidc-provider behind it) on another.
const output = fileURLToPath(new URL('../../../test-results/web/', import.meta.url));
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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
  /** axe-core's WCAG checks on the page as it is now: no violation. */
  const accessible = async (what: string) => {
    await page.addScriptTag({ path: axeScript });
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: {
          run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      };
      const result = await axe.run();
      return result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    expect(violations, what).toEqual([]);
  };
  /** The next reply of the server to a request whose URL contains `part`. */
  const serverStep = (part: string) =>
    page.waitForResponse((r) => r.url().includes(part) && r.request().method() !== 'OPTIONS');

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

  it('keeps the user name after a wrong password, and says the password was cleared', async () => {
    await page.goto(demo.url);
    await heading('Welcome');
    await accessible('the start page');
    await click('Sign in');
    const username = page.getByLabel('User Name', { exact: true });
    await username.waitFor();
    // Focus is on the first field.
    expect(await username.evaluate((el) => el === document.activeElement)).toBe(true);
    await accessible('the sign-in step');
    await username.fill('demo');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    const refused = serverStep('/authenticate');
    await click('Next');
    expect((await refused).status()).toBe(401);
    await page.getByText('Your password was cleared: enter it again.').waitFor();
    expect(await username.inputValue()).toBe('demo');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    // The first empty field has the focus: the password.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')), patience)
      .toBe('password');
    await page.screenshot({ path: `${output}wrong-password.png`, fullPage: true });
    await accessible('the step after a wrong password');
  });

  it('signs in through Login and shows the session', async () => {
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
    await accessible('the signed-in page and the developer panel');
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
    // logoutUser() clears local state first, then ends the AM session and calls end_session in
    // parallel: wait for those server steps themselves, not for the page.
    const amLogout = serverStep('_action=logout');
    const endSession = serverStep('/connect/endSession');
    await click('Sign out');
    await heading('Welcome');
    await page.getByText('You signed out.').waitFor();
    await Promise.all([amLogout, endSession]);
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
    await accessible('the registration step with problems shown');
    // A problem goes away as soon as its field changes.
    await page.getByLabel('Username', { exact: true }).fill('a');
    await page.getByText('Username is required.').waitFor({ state: 'detached' });
    await page.getByText('First Name is required.').waitFor(); // the others stay

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

  it('leads from Registration to Login through its "Sign In" link', async () => {
    await click('Sign out');
    await click('Create an account');
    await heading('Sign Up');
    await page.getByRole('button', { name: 'Sign In', exact: true }).click();
    await page.getByLabel('User Name', { exact: true }).waitFor();
    expect(demo.server.requests.at(-1)?.path).toContain('authenticate');
    await click('Cancel');
  });

  it('says in words that a journey does not exist', async () => {
    await page.getByLabel('Journey', { exact: true }).fill('NoSuchJourney');
    await click('Start');
    await page.getByText('There is no journey named "NoSuchJourney".').waitFor();
    expect(await page.getByText('No Configuration found').count()).toBe(0);
  });

  it('runs the other journeys: SecondFactor, Polling, EmailLink', async () => {
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
    // The link opens the demo itself, which carries the journey on from it.
    expect(email.link!.startsWith(demo.url)).toBe(true);
    await page.goto(email.link!);
    await heading(/^Signed in/);
    expect(page.url()).not.toContain('suspendedId'); // the link is used once, then dropped
  });

  it('logged no errors in the page (CORS refusals would show here)', () => {
    // The browser logs the refusals this test asked for (the wrong password, the unknown journey).
    const asked = /^Failed to load resource: the server responded with a status of (401|400|404)/;
    expect(pageErrors.filter((e) => !asked.test(e))).toEqual([]);
  });
});
