import type { DevServer } from '@journeykit/dev-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../test-support/chromium';
import { serverForPages } from './browser-pages';

// Two tabs of one origin share localStorage, so they share one session and one rotating refresh
// token; the lock must hold across them (peers.md §2, oidc-client-ts #430). Real Chromium, driven
// by playwright-core, against the dev server; the pages are served by the dev server's origin.

declare global {
  interface Window {
    journeykit: typeof import('@journeykit/journey');
    client: import('@journeykit/journey').JourneyClient;
    offset: number;
  }
}

describe.skipIf(!hasChromium)('two browser tabs', () => {
  let server: DevServer;
  let browser: Browser;
  let tabs: Page[];

  beforeAll(async () => {
    // The pages live on the dev server's own origin, which its OAuth side must allow (CORS).
    let script: string;
    ({ server, script } = await serverForPages());
    browser = await launchChromium();
    const context = await browser.newContext();
    tabs = await Promise.all([context.newPage(), context.newPage()]);
    for (const tab of tabs) {
      await tab.goto(server.loopbackRedirectUri);
      await tab.addScriptTag({ content: script });
      await tab.evaluate(
        (config) => {
          window.offset = 0;
          window.client = window.journeykit.createJourneyClient({
            ...config,
            clock: () => Date.now() + window.offset,
            modules: {
              session: { storage: window.journeykit.webStorage() },
              oidc: { ...config.modules.oidc, redirectUri: config.redirectUri },
            },
          });
        },
        { ...server.clientConfig, redirectUri: server.loopbackRedirectUri },
      );
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const inTab = <T>(tab: Page, task: () => Promise<T>) => tab.evaluate(task);

  it('share the session through localStorage', async () => {
    const node = await inTab(tabs[0]!, async () => {
      await window.client.start('Login');
      const done = await window.client.next({
        callbacks: [
          { type: 'NameCallback', value: 'demo' },
          { type: 'PasswordCallback', value: 'Ch4ng3it!' },
        ],
      });
      return done.type;
    });
    expect(node).toBe('SuccessNode');
    const [first, second] = await Promise.all(
      tabs.map((tab) => inTab(tab, async () => (await window.client.user())?.accessToken)),
    );
    expect(first).toEqual(expect.any(String));
    expect(second).toBe(first);
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 0 });
  });

  it('refresh once between them at expiry: one grant, no mint, no replay', async () => {
    server.resetLog();
    const renewals = await Promise.all(
      tabs.map((tab) =>
        inTab(tab, async () => {
          window.offset = 3600_000;
          const sessions = await Promise.all(
            Array.from({ length: 50 }, () => window.client.user()),
          );
          return [...new Set(sessions.map((s) => s?.accessToken))];
        }),
      ),
    );
    expect(renewals[0]).toHaveLength(1);
    expect(renewals[1]).toEqual(renewals[0]);
    expect(server.grants).toEqual({ authorization_code: 0, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
    expect(await server.isAccessTokenActive(renewals[0]![0]!)).toBe(true);
  });
});
