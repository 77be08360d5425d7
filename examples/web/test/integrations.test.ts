import type { JourneyStepRecord } from '@journeykit/dev-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../test-support/chromium';
import { startWebDemo, type WebDemo } from '../server/launch';

// The demo completes the dev server's integration journeys in Chromium: a device profile from the
// browser (with a granted position), the reCAPTCHA test widget, Protect's signals (from the demo's
// stand-in for Ping's Signals SDK, which needs PingOne) and a custom node's number.

const patience = { timeout: 15_000 };
const PARIS = { latitude: 48.8566, longitude: 2.3522 };

describe.skipIf(!hasChromium)('integration journeys in the web demo', { timeout: 60_000 }, () => {
  let demo: WebDemo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startWebDemo({ watch: false }), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  beforeEach(async () => {
    // A fresh browser profile per journey, which allows the page to read its position.
    context = await browser.newContext({ permissions: ['geolocation'], geolocation: PARIS });
    page = await context.newPage();
    page.setDefaultTimeout(patience.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(demo.url);
  });
  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  const click = (name: string) => page.getByRole('button', { name, exact: true }).click();
  const start = async (journey: string) => {
    await page.getByLabel('Journey', { exact: true }).fill(journey);
    await click('Start');
  };
  const signIn = async () => {
    await page.getByLabel('User Name', { exact: true }).fill('demo');
    await page.getByLabel('Password', { exact: true }).fill('Ch4ng3it!');
  };
  const signedIn = () => page.getByRole('heading', { name: /^Signed in/ }).waitFor();
  /** The server's record of the journey's last step. */
  const lastStep = (journey: string): JourneyStepRecord =>
    demo.server.journeySteps.filter((s) => s.journey === journey).at(-1)!;

  it('DeviceProfile: sends the browser profile, its stored identifier and the granted position', async () => {
    await start('DeviceProfile');
    await signIn();
    await click('Next');
    await expect
      .poll(() => page.getByTestId('device-profile').textContent(), patience)
      .toMatch(/^Device profile ready, with your location/);
    await click('Next');
    await signedIn();
    const step = lastStep('DeviceProfile');
    expect(step).toMatchObject({ page: 'collect', result: 'success' });
    expect(step.inputs[0]).toMatchObject({ name: 'IDToken1', type: 'string' });
    const profile = JSON.parse(step.inputs[0]!.value as string) as {
      identifier: string;
      metadata: { browser: { userAgent: string }; platform: { deviceName: string } };
      location: unknown;
    };
    const [userAgent, stored] = await page.evaluate(() => [
      navigator.userAgent,
      localStorage.getItem('journeykit.device-id'),
    ]);
    expect(profile.identifier).toBe(stored);
    expect(profile.identifier).toMatch(/^\d+-\d+-\d+$/);
    expect(profile.metadata.browser.userAgent).toBe(userAgent);
    expect(profile.metadata.platform.deviceName).toBe('Linux (Browser)');
    expect(profile.location).toEqual(PARIS);
  });

  it('ReCaptcha: the test widget gives the token the server verifies', async () => {
    await start('ReCaptcha');
    await signIn();
    await page.getByLabel('I am not a robot (test widget)').check();
    await click('Next');
    await signedIn();
    const step = lastStep('ReCaptcha');
    expect(step.result).toBe('success');
    expect(step.inputs.slice(2)).toEqual([
      { name: 'IDToken3token', type: 'string' },
      { name: 'IDToken3action', type: 'string', value: 'login' },
      { name: 'IDToken3clientError', type: 'string', value: '' },
      { name: 'IDToken3payload', type: 'string', value: '' },
    ]);
  });

  it('Protect: initializes, then sends signals the risk node lets through', async () => {
    await start('Protect');
    await page.getByText('Risk protection ready.').waitFor();
    await click('Next');
    await signIn();
    await page.getByText('Risk signals ready.').waitFor();
    await click('Next');
    await signedIn();
    const steps = demo.server.journeySteps.filter((s) => s.journey === 'Protect').slice(-2);
    expect(steps[0]).toMatchObject({
      page: 'initialize',
      inputs: [{ name: 'IDToken1clientError', type: 'string', value: '' }],
    });
    expect(steps[1]).toMatchObject({ page: 'credentials', result: 'success' });
    expect(steps[1]!.inputs.slice(2)).toEqual([
      { name: 'IDToken3signals', type: 'string' },
      { name: 'IDToken3clientError', type: 'string', value: '' },
    ]);
  });

  it("Custom: the custom node's number goes back as a number", async () => {
    await start('Custom');
    await signIn();
    await page.getByLabel('Your lucky number (1 to 9)').fill('7');
    await click('Next');
    await signedIn();
    expect(lastStep('Custom')).toMatchObject({ result: 'success' });
    expect(lastStep('Custom').inputs[2]).toEqual({ name: 'IDToken3', type: 'number', value: 7 });
  });
});
