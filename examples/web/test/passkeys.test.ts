import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../test-support/chromium';
import { startWebDemo, type WebDemo } from '../server/launch';

// Passkeys in a real browser: the web demo registers a passkey and signs in with it through
// Chromium's own WebAuthn implementation, its authenticator the DevTools protocol's virtual one
// (a platform authenticator with user verification, as a laptop's). The dev server verifies each
// ceremony with @simplewebauthn/server.

const patience = { timeout: 15_000 };

describe.skipIf(!hasChromium)('passkeys in the web demo (Chromium)', { timeout: 60_000 }, () => {
  let demo: WebDemo;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  let authenticatorId: string;
  const pageErrors: string[] = [];

  const click = (name: string) => page.getByRole('button', { name, exact: true }).click();
  const heading = (name: string | RegExp) => page.getByRole('heading', { name }).waitFor();
  const credentials = async () =>
    (
      (await cdp.send('WebAuthn.getCredentials', { authenticatorId })) as {
        credentials: { credentialId: string; signCount: number }[];
      }
    ).credentials;
  const startJourney = async (name: string) => {
    await page.getByLabel('Journey', { exact: true }).fill(name);
    await click('Start');
  };

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startWebDemo({ watch: false }), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(patience.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    }));
    // WebAuthn needs a domain for its relying party: the app as localhost, not 127.0.0.1.
    await page.goto(demo.url.replace('127.0.0.1', 'localhost'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('registers a passkey after the password; the server verified and kept it', async () => {
    await startJourney('PasskeyRegistration');
    await page.getByLabel('User Name', { exact: true }).fill('demo');
    await page.getByLabel('Password', { exact: true }).fill('Ch4ng3it!');
    await click('Next');
    await heading('Register a passkey');
    await page.getByLabel('Passkey name', { exact: true }).fill('Chromium');
    await click('Create a passkey');
    await heading(/^Signed in/);
    const [credential] = await credentials();
    expect(credential).toBeDefined();
    // The server's view: the attestation it verified, for the demo user, this very credential.
    expect(demo.server.passkeys).toEqual([
      expect.objectContaining({
        username: 'demo',
        deviceName: 'Chromium',
        id: Buffer.from(credential!.credentialId, 'base64').toString('base64url'),
      }),
    ]);
    await click('Sign out');
    await heading('Start a journey');
  });

  it('signs in with the passkey alone (usernameless); the server verified the assertion', async () => {
    await startJourney('PasskeyUsernameless');
    await heading('Sign in with a passkey');
    await click('Use a passkey');
    await heading(/^Signed in/);
    expect(demo.server.passkeys[0]).toMatchObject({ username: 'demo', verifiedSignIns: 1 });
    expect((await credentials())[0]!.signCount).toBeGreaterThan(0);
    await click('Sign out');
    await heading('Start a journey');
  });

  it('a cancelled ceremony takes the failure path', async () => {
    // The passkey is gone from the device: the browser answers NotAllowedError, as when the user
    // cancels (both look the same to a page, by design).
    await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
    await startJourney('PasskeyLogin');
    await page.getByLabel('User Name', { exact: true }).fill('demo');
    await click('Next');
    await heading('Sign in with a passkey');
    const failed = page.waitForResponse(
      (r) => r.url().includes('/authenticate') && r.status() === 401,
    );
    await click('Use a passkey');
    await failed;
    await page.getByText('Login failure').waitFor();
    const last = demo.server.journeySteps.at(-1)!;
    expect(last).toMatchObject({ journey: 'PasskeyLogin', result: 'failure' });
    const outcome = last.inputs.find((i) => i.name === 'IDToken2');
    expect(outcome?.value).toMatch(/^ERROR::NotAllowedError:/);
    expect(demo.server.passkeys[0]!.verifiedSignIns).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
