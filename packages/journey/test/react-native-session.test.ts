import { startDevServer, type DevServer } from '@journeykit/dev-server';
import type { JourneyClientWithEvents, JourneyEvent } from '@journeykit/journey';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, sessionValidates, signIn, userinfoStatus } from './helpers';
import { actAsReactNative } from './react-native/environment';
import { reactNativeFetch, type NativeLoad } from './react-native/fetch';

// The session page through a fetch with React Native's semantics (test/react-native/fetch.ts:
// redirects always followed, custom schemes fail, native cookies). React Native itself cannot run
// here; everything else is real, the dev server and its oidc-provider included.

const authorizeLoads = (loads: NativeLoad[]) => loads.filter((l) => l.url.includes('/authorize?'));

describe('the session page under React Native', () => {
  let server: DevServer;
  let client: JourneyClientWithEvents;
  let undo: () => void;
  const loads: NativeLoad[] = [];
  const events: JourneyEvent[] = [];

  beforeAll(async () => {
    undo = actAsReactNative();
    server = await startDevServer({ style: 'aic' });
    client = clientFor(server, { fetch: reactNativeFetch(loads) });
    client.subscribe((event) => void events.push(event));
  });
  afterAll(async () => {
    undo();
    await server.close();
  });

  it('signs in through Login', async () => {
    expect((await signIn(client)).type).toBe('SuccessNode');
    expect(await sessionValidates(server, (await client.ssoToken())!.value)).toBe(true);
  });

  it('mints tokens with response_mode=form_post, chosen automatically, never touching the app scheme', async () => {
    const session = await client.user();
    expect(session).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    const [load, ...more] = authorizeLoads(loads);
    expect(more).toEqual([]);
    expect(load!.url).toContain('response_mode=form_post');
    expect(loads.every((l) => l.url.startsWith(server.url.split('/am')[0]!))).toBe(true);
    expect(server.grants.authorization_code).toBe(1);
    expect(await userinfoStatus(server, session!.accessToken)).toBe(200);
  });

  it('reads userinfo, refreshes with rotation, and revokes', async () => {
    expect(await client.userinfo()).toMatchObject({
      sub: expect.any(String),
      email: expect.any(String),
    });
    const before = (await client.user())!;
    const refreshed = (await client.refresh())!;
    expect(refreshed.refreshToken).not.toBe(before.refreshToken);
    expect(await server.isRefreshTokenActive(before.refreshToken!)).toBe(false);
    expect(await server.isRefreshTokenActive(refreshed.refreshToken!)).toBe(true);

    expect(await client.revoke()).toBe(true);
    expect(server.revocations).toBe(1);
    expect(await server.isRefreshTokenActive(refreshed.refreshToken!)).toBe(false);
    expect(await userinfoStatus(server, refreshed.accessToken)).toBe(401);
  });

  it('logs out, and reports every step as done even with a custom-scheme sign-out URI', async () => {
    const signOut = clientFor(server, {
      fetch: reactNativeFetch(loads),
      modules: {
        oidc: {
          ...server.clientConfig.modules.oidc,
          signOutRedirectUri: server.signOutRedirectUri,
        },
      },
    });
    signOut.subscribe((event) => void events.push(event));
    expect((await signIn(signOut)).type).toBe('SuccessNode');
    const tokens = (await signOut.user())!;
    const sso = (await signOut.ssoToken())!;

    expect(await signOut.logoutUser()).toBe(true);
    const logout = events.find((e) => e.type === 'logout');
    expect(logout).toEqual({
      type: 'logout',
      outcomes: [
        { step: 'session', ok: true },
        { step: 'revoke', ok: true },
        { step: 'endSession', ok: true },
      ],
    });
    expect(await sessionValidates(server, sso.value)).toBe(false);
    expect(server.endSessions).toEqual([expect.objectContaining({ idTokenHintValid: true })]);
    // Fetch would chase the sign-out URI to the app's scheme and fail, so it is not sent here.
    const endSession = loads.filter((l) => l.url.includes('/connect/endSession'));
    expect(endSession).toHaveLength(1);
    expect(endSession[0]!.url).not.toContain('post_logout_redirect_uri');
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(false);
    expect(await signOut.ssoToken()).toBeNull();
    expect(await signOut.user()).toBeNull();
  });
});

describe('choosing how to read the authorization code', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer();
  });
  afterEach(() => server.resetLog());
  afterAll(() => server.close());

  it('cannot read a custom-scheme redirect through React Native fetch (why form_post exists)', async () => {
    // No navigator.product: the SDK takes this for Node and stops at the redirect, which RN's
    // fetch cannot do; the request fails as a retryable network error and nothing is stored.
    const loads: NativeLoad[] = [];
    const client = clientFor(server, { fetch: reactNativeFetch(loads) });
    expect((await signIn(client)).type).toBe('SuccessNode');
    await expect(client.user()).rejects.toMatchObject({ type: 'network_error', retryable: true });
    expect(authorizeLoads(loads)[0]!.url).not.toContain('response_mode');
    expect(server.count('authorize')).toBe(1);
    expect(server.count('token')).toBe(0);
    expect(await client.ssoToken()).not.toBeNull();
  });

  it('gets tokens there when form_post is forced', async () => {
    const loads: NativeLoad[] = [];
    const client = clientFor(server, {
      fetch: reactNativeFetch(loads),
      modules: { oidc: { ...server.clientConfig.modules.oidc, authorizeStrategy: 'form_post' } },
    });
    expect((await signIn(client)).type).toBe('SuccessNode');
    const session = await client.user();
    expect(await userinfoStatus(server, session!.accessToken)).toBe(200);
    expect(authorizeLoads(loads)[0]!.url).toContain('response_mode=form_post');
    expect(server.grants.authorization_code).toBe(1);
    expect(await client.logoutUser()).toBe(true);
  });
});
