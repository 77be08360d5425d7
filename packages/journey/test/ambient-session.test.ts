import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { createJourneyClient, type FetchLike, type JourneyClient } from '@journeykit/journey';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../test-support/chromium';
import { serverForPages } from './browser-pages';
import { amFixture } from './am-fixtures';
import { clientFor, sessionValidates, signIn } from './helpers';
import { actAsReactNative } from './react-native/environment';
import { reactNativeFetch, type NativeCookies, type NativeLoad } from './react-native/fetch';

// A runtime with a cookie jar of its own (React Native's native HTTP stack, a browser) keeps AM's
// session cookie, out of the SDK's reach. A client whose storage lost the SSO token must still end
// its next sign-in with a session it holds: AM answers such a start at once with `tokenId: ""`,
// and the client runs the journey again with ForceAuth.

const starts = (loads: NativeLoad[]) => loads.filter((l) => l.url.includes('authIndexValue=Login'));

describe('a sign-in beside a session cookie in React Native’s native jar', () => {
  let server: DevServer;
  let undo: () => void;
  const jars: NativeCookies = new Map();
  const loads: NativeLoad[] = [];
  // One app process: one native jar, whatever the client and its storage.
  const client = () => clientFor(server, { fetch: reactNativeFetch(loads, jars) });

  beforeAll(async () => {
    undo = actAsReactNative();
    server = await startDevServer({ style: 'aic' });
  });
  afterAll(async () => {
    undo();
    await server.close();
  });

  it('runs the journey again with ForceAuth and keeps the session it mints', async () => {
    expect((await signIn(client())).type).toBe('SuccessNode');
    const host = new URL(server.url).host;
    expect(jars.get(host)!.header()).toContain(`${server.cookieName}=`);

    // A new client over a wiped store: its only session is the native jar's cookie.
    const fresh = client();
    loads.length = 0;
    const node = await signIn(fresh);
    expect(node.type).toBe('SuccessNode');
    expect(starts(loads).map((l) => l.url.includes('ForceAuth=true'))).toEqual([false, true]);
    expect(server.journeySteps.at(-1)).toMatchObject({ journey: 'Login', result: 'success' });
    const token = (await fresh.ssoToken())!.value;
    expect(await sessionValidates(server, token)).toBe(true);
    expect(await fresh.user()).toMatchObject({ accessToken: expect.any(String) });
  });

  it('still reuses the session it holds, without running the journey', async () => {
    const holder = client();
    expect((await signIn(holder)).type).toBe('SuccessNode');
    const token = (await holder.ssoToken())!.value;
    loads.length = 0;
    expect(await holder.start('Login')).toMatchObject({
      type: 'SuccessNode',
      input: { tokenId: '' },
    });
    expect(starts(loads)).toHaveLength(1);
    expect((await holder.ssoToken())!.value).toBe(token);
  });
});

describe('a server that reuses a session the client does not hold, even with ForceAuth', () => {
  // Not what AM does; the client must not call it a sign-in all the same.
  const reused = JSON.stringify({ ...amFixture('android-success').body, tokenId: '' });
  const urls: string[] = [];
  const fetch: FetchLike = (url) => {
    urls.push(url);
    return Promise.resolve(new Response(reused, { status: 200 }));
  };

  it('gives a FailureNode after one retry, and keeps nothing', async () => {
    const sdk: JourneyClient = createJourneyClient({
      serverUrl: 'https://am.example.com/am',
      realm: 'alpha',
      fetch,
    });
    const node = await sdk.start('Login');
    expect(node).toMatchObject({
      type: 'FailureNode',
      error: { code: 'JOURNEY_START_ERROR', type: 'state_error' },
    });
    expect(urls.map((u) => u.includes('ForceAuth=true'))).toEqual([false, true]);
    expect(await sdk.ssoToken()).toBeNull();
  });
});

declare global {
  interface Window {
    journeykit: typeof import('@journeykit/journey');
    client: import('@journeykit/journey').JourneyClient;
  }
}

describe.skipIf(!hasChromium)('a sign-in beside a session cookie in Chromium’s jar', () => {
  let server: DevServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The page lives on the dev server's origin: AM's cookie is first-party there.
    let script: string;
    ({ server, script } = await serverForPages());
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(server.loopbackRedirectUri);
    await page.addScriptTag({ content: script });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A client over localStorage, then Login with the demo user: the final node's type. */
  const signInPage = () =>
    page.evaluate(
      async (config) => {
        window.client = window.journeykit.createJourneyClient({
          ...config,
          modules: {
            session: { storage: window.journeykit.webStorage() },
            oidc: { ...config.modules.oidc, redirectUri: config.redirectUri },
          },
        });
        const first = await window.client.start('Login');
        if (first.type !== 'ContinueNode') return first.type;
        const done = await window.client.next({
          callbacks: [
            { type: 'NameCallback', value: 'demo' },
            { type: 'PasswordCallback', value: 'Ch4ng3it!' },
          ],
        });
        return done.type;
      },
      { ...server.clientConfig, redirectUri: server.loopbackRedirectUri },
    );

  it('signs in again after local storage is cleared, with a session of its own', async () => {
    expect(await signInPage()).toBe('SuccessNode');
    const cookies = await context.cookies(server.url);
    expect(cookies.find((c) => c.name === server.cookieName)).toMatchObject({ httpOnly: true });

    await page.evaluate(() => localStorage.clear());
    expect(await signInPage()).toBe('SuccessNode');
    const token = await page.evaluate(async () => (await window.client.ssoToken())?.value);
    expect(server.isSessionValid(token!)).toBe(true);
    expect(server.journeySteps.filter((s) => s.result === 'success')).toHaveLength(2);
    expect(await page.evaluate(async () => !!(await window.client.user())?.accessToken)).toBe(true);
  });
});
