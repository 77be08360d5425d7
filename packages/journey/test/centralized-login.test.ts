// Centralized login against the dev server, outside a browser: the React Native shape (an auth
// session the app passes in) and a CLI's loopback redirect (RFC 8252). The browser that shows the
// server's sign-in page is a stand-in (test/auth-session.ts) holding an AM session made by the
// Login journey, as the hosted page makes it; the Chromium run of the page is in examples/web.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { createJourneyClient, memoryStorage, type JourneyEvent } from '@journeykit/journey';
import { loopbackBrowser } from '@journeykit/journey/node';
import { createOidcWebClient } from '@journeykit/journey/redirect';
import { standInBrowser } from './auth-session';
import { clientFor, signIn } from './helpers';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());

/** A stand-in browser signed in at the server (the hosted page's work). */
async function signedInBrowser() {
  const hosted = createJourneyClient({ serverUrl: server.url, cookie: server.cookieName });
  expect((await signIn(hosted)).type).toBe('SuccessNode');
  const browser = standInBrowser();
  browser.cookies.set(server.cookieName, (await hosted.ssoToken())!.value);
  return browser;
}

describe('createOidcWebClient with an auth session (React Native)', () => {
  it('authorizes at the server, then shares tokens, lock and events with the journey client', async () => {
    server.resetLog();
    const client = clientFor(server, {});
    const events: JourneyEvent[] = [];
    client.subscribe((e) => events.push(e));
    const browser = await signedInBrowser();
    const web = createOidcWebClient(client, { browser: browser.session });
    expect(await web.user()).toBeNull();

    expect(await web.authorize()).toEqual({ type: 'success' });
    expect(server.grants.authorization_code).toBe(1);
    const user = (await web.user())!;
    const tokens = await user.token();
    expect(await server.isAccessTokenActive(tokens.accessToken)).toBe(true);
    expect(tokens.idToken).toMatch(/^ey/);
    // The journey client sees the same tokens, with no request.
    const count = server.requests.length;
    expect((await client.user())?.accessToken).toBe(tokens.accessToken);
    expect(server.requests.length).toBe(count);
    expect(events.some((e) => e.type === 'tokensChanged' && e.saved)).toBe(true);
    expect((await user.userinfo()).sub).toBe('demo');

    const refreshed = await user.refresh();
    expect(server.grants.refresh_token).toBe(1);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(false);

    await user.revoke();
    expect(await server.isAccessTokenActive(refreshed.accessToken)).toBe(false);
    expect(await web.user()).toBeNull();
  });

  it('uses a pushed authorization request when discovery offers one', async () => {
    server.resetLog();
    const browser = await signedInBrowser();
    const web = createOidcWebClient(clientFor(server), { browser: browser.session });
    expect((await web.authorize()).type).toBe('success');
    const authorize = browser.visited.find((u) => u.includes('/authorize?'))!;
    expect(new URL(authorize).searchParams.get('request_uri')).toMatch(/^urn:/);
    expect(new URL(authorize).searchParams.get('code_challenge')).toBeNull();
  });

  it('ends the session at the server with the ID token, back to the sign-out URI', async () => {
    const browser = await signedInBrowser();
    const web = createOidcWebClient(clientFor(server), {
      browser: browser.session,
      signOutRedirectUri: server.signOutRedirectUri,
    });
    await web.authorize();
    const sso = browser.cookies.get(server.cookieName)!;
    const before = server.endSessions.length;
    await (await web.user())!.logout();
    expect(server.endSessions.slice(before)).toEqual([
      expect.objectContaining({ idTokenHintValid: true, sessionsEnded: 1 }),
    ]);
    expect(server.isSessionValid(sso)).toBe(false);
    expect(await web.user()).toBeNull();
  });

  it('refuses a return nobody waits for, and a cancelled login leaves no tokens', async () => {
    const client = clientFor(server);
    const web = createOidcWebClient(client, {
      browser: () => Promise.resolve({ type: 'cancel' }),
    });
    expect(await web.authorize()).toEqual({ type: 'cancel' });
    await expect(
      web.handleReturn(`${server.redirectUri}?code=stolen&state=guess`),
    ).rejects.toMatchObject({ code: 'JOURNEY_USER_ERROR', type: 'state_error' });
    expect(await client.user()).toBeNull();
  });

  it('needs a client with modules.oidc', () => {
    const bare = createJourneyClient({
      serverUrl: server.url,
      modules: { session: { storage: memoryStorage() } },
    });
    expect(() => createOidcWebClient(bare)).toThrow(
      expect.objectContaining({ code: 'JOURNEY_CONFIG_ERROR' }),
    );
  });
});

describe('loopbackBrowser (a CLI)', () => {
  it('takes the return on 127.0.0.1 and exchanges the code', async () => {
    server.resetLog();
    const browser = await signedInBrowser();
    const shown: string[] = [];
    const loopback = await loopbackBrowser({
      // The user's browser opens the printed URL; the stand-in follows it to the loopback server.
      open: (url) => {
        shown.push(url);
        void browser.session(url, 'never-matches:');
      },
    });
    try {
      const client = clientFor(server);
      const web = createOidcWebClient(client, {
        browser: loopback.session,
        redirectUri: loopback.redirectUri,
      });
      expect((await web.authorize()).type).toBe('success');
      expect(shown).toHaveLength(1);
      expect(server.grants.authorization_code).toBe(1);
      expect((await client.user())?.userInfo?.sub).toBe('demo');
    } finally {
      await loopback.close();
    }
  });
});
