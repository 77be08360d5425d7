import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../../test-support/chromium';
import { startWebDemo, type WebDemo } from '../server/launch';

/** A loaded CI machine runs other test files beside one: wait generously, never on timings. */
export const patience = { timeout: 15_000 };

/** The web demo and a Chromium page on it for the tests of a describe block; page errors kept. */
export function demoPage() {
  const opened = {
    demo: undefined as unknown as WebDemo,
    browser: undefined as unknown as Browser,
    page: undefined as unknown as Page,
    pageErrors: [] as string[],
  };
  beforeAll(async () => {
    [opened.demo, opened.browser] = await Promise.all([
      startWebDemo({ watch: false }),
      launchChromium(),
    ]);
    opened.page = await opened.browser.newPage();
    opened.page.setDefaultTimeout(patience.timeout);
    opened.page.on('pageerror', (error) => opened.pageErrors.push(error.message));
  }, 60_000);
  afterAll(async () => {
    await opened.browser?.close();
    await opened.demo?.close();
  });
  return opened;
}
