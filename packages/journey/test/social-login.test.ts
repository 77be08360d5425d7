// Social sign-in inside a journey against the dev server: SocialLogin offers its social provider (a
// second, real oidc-provider standing in for Google) and a password; the trip to the provider runs
// in an auth session the app passes in, as a React Native app does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import {
  chooseProvider,
  identityProviders,
  providerRedirect,
  redirectInAuthSession,
} from '@journeykit/journey/social';
import { clientFor } from './helpers';
import { standInBrowser } from './auth-session';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());

/** SocialLogin to the provider's redirect, with the provider chosen. */
async function toProvider(client: ReturnType<typeof clientFor>) {
  const select = await client.start('SocialLogin');
  expect(identityProviders(select).map((p) => p.provider)).toEqual([
    'google',
    'localAuthentication',
  ]);
  chooseProvider(select, 'google');
  const redirect = await client.next();
  expect(providerRedirect(redirect)?.url.startsWith(`${server.social.issuer}/auth?`)).toBe(true);
  return redirect;
}

describe('SocialLogin through the social provider', () => {
  it("links the provider's account to the user with its email, then tokens are minted", async () => {
    server.resetLog();
    const before = server.social.exchanges;
    const client = clientFor(server);
    const redirect = await toProvider(client);
    const browser = standInBrowser('demo');
    const back = await redirectInAuthSession(redirect, browser.session, server.social.redirectUri);
    expect(back).toMatch(/^com\.journeykit\.app:\/social\?code=.+&state=/);

    const done = await client.resume(back);
    expect(done.type).toBe('SuccessNode');
    const sso = await client.ssoToken();
    expect(server.isSessionValid(sso!.value)).toBe(true);
    expect((await client.user())?.userInfo?.sub).toBe('demo');
    expect(server.social.exchanges).toBe(before + 1);
    expect(server.journeySteps.map((s) => s.result)).toEqual(['select', 'redirect', 'success']);

    // The same return again: refused by the SDK, nothing sent to AM.
    const sent = server.count('authenticate');
    await expect(client.resume(back)).rejects.toMatchObject({ code: 'JOURNEY_RESUME_ERROR' });
    expect(server.count('authenticate')).toBe(sent);
  });

  it('creates an account for a user the server does not know', async () => {
    const client = clientFor(server);
    const redirect = await toProvider(client);
    const browser = standInBrowser('newcomer');
    const back = await redirectInAuthSession(redirect, browser.session, server.social.redirectUri);
    expect((await client.resume(back)).type).toBe('SuccessNode');
    expect(server.users.find((u) => u.username === 'newcomer')?.profile.email).toBe(
      'newcomer@example.com',
    );
  });

  it("fails the journey when the provider's code is not accepted (a forged return)", async () => {
    const client = clientFor(server);
    const redirect = await toProvider(client);
    const state = new URL(providerRedirect(redirect)!.url).searchParams.get('state');
    const node = await client.resume(`com.journeykit.app:/social?code=forged&state=${state}`);
    expect(node).toMatchObject({ type: 'ErrorNode', message: 'Login failure' });
  });

  it('still signs in with a password when local authentication is chosen', async () => {
    const client = clientFor(server);
    const select = await client.start('SocialLogin');
    chooseProvider(select, 'localAuthentication');
    await client.next();
    const done = await client.next({
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
      ],
    });
    expect(done.type).toBe('SuccessNode');
  });
});
