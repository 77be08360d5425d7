// Debian's Chromium for the browser tests, driven by playwright-core. CI installs it and must not
// skip these tests; a developer's machine without it skips them.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, or Debian's package. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here. Under CI a missing Chromium throws instead. */
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI)
  throw new Error(`No Chromium at ${CHROMIUM}: CI installs it (apt-get install -y chromium)`);

/**
 * Starts headless Chromium with no background traffic: this machine reaches no host but loopback,
 * and Chromium's own update, sync and QUIC probes would only fail.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
