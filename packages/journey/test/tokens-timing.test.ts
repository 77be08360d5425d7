import { describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { devServerFor, manualClock, signedIn, tokenClient } from './tokens-helpers';

/** A fetch that hides the server's `Date` header from the SDK on token-endpoint replies. */
const withoutDate = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, init);
  if (!url.endsWith('/access_token')) return response;
  const headers = new Headers(response.headers);
  headers.delete('date');
  return new Response(await response.text(), { status: response.status, headers });
};

// Timing (issue 4, fourth bullet): renew ahead of expiry by refreshThreshold, clamped for
// short-lived tokens; correct for clock skew from the server's Date header; an injectable clock.
describe('when tokens are renewed', () => {
  const server = devServerFor();

  it('reads time from the injected clock only', async () => {
    const clock = manualClock(Date.UTC(2030, 0, 1));
    const { tokens } = await signedIn(server, { clock: clock.now });
    expect(tokens.expiresAt).toBe(Date.UTC(2030, 0, 1) + 3600_000);
  });

  it('renews 60 s before expiry by default, and not a request before', async () => {
    const clock = manualClock();
    const { client, tokens } = await signedIn(server, { clock: clock.now });
    server.resetLog();
    clock.advance(3539);
    expect((await client.user())!.accessToken).toBe(tokens.accessToken);
    expect(server.requests).toHaveLength(0);
    clock.advance(2);
    expect((await client.user())!.accessToken).not.toBe(tokens.accessToken);
    expect(server.grants.refresh_token).toBe(1);
  });

  it('takes the threshold the app sets', async () => {
    const clock = manualClock();
    const options = { clock: clock.now, oidc: { refreshThreshold: 300 } };
    const { client, tokens } = await signedIn(server, options);
    server.resetLog();
    clock.advance(3299);
    expect((await client.user())!.accessToken).toBe(tokens.accessToken);
    clock.advance(2);
    expect((await client.user())!.accessToken).not.toBe(tokens.accessToken);
    expect(server.grants.refresh_token).toBe(1);
  });
});

describe('short-lived tokens', () => {
  const server = devServerFor({ accessTokenTtl: 10 });

  it('clamp the threshold to half their lifetime instead of refreshing on every call', async () => {
    const clock = manualClock();
    const { client, tokens } = await signedIn(server, { clock: clock.now });
    expect(tokens.expiresIn).toBe(10);
    server.resetLog();
    clock.advance(4);
    expect((await client.user())!.accessToken).toBe(tokens.accessToken);
    expect(server.requests).toHaveLength(0);
    clock.advance(1);
    const renewed = await client.user();
    expect(renewed!.accessToken).not.toBe(tokens.accessToken);
    expect((await client.user())!.accessToken).toBe(renewed!.accessToken);
    expect(server.grants.refresh_token).toBe(1);
  });
});

describe('a device clock that is wrong', () => {
  const server = devServerFor();

  it.each([
    ['two hours ahead', 2],
    ['two hours behind', -2],
  ])(
    '%s: ID token times are judged on the server’s clock, from its Date header',
    async (_n, hours) => {
      const clock = manualClock(Date.now() + hours * 3600_000);
      const { client, tokens } = await signedIn(server, { clock: clock.now });
      expect(await server.isAccessTokenActive(tokens.accessToken)).toBe(true);
      // Expiry stays relative to the device's clock: a refresh comes when it says so.
      clock.advance(3600);
      expect((await client.user())!.accessToken).not.toBe(tokens.accessToken);
    },
  );

  it('would refuse the ID token without the Date header: the correction is what makes it work', async () => {
    const clock = manualClock(Date.now() + 2 * 3600_000);
    const client = tokenClient(server, { clock: clock.now, fetch: withoutDate });
    await signIn(client);
    server.resetLog();
    await expect(client.user()).rejects.toMatchObject({
      type: 'auth_error',
      message: 'Rejected the ID token: expired',
    });
    expect(server.grants.authorization_code).toBe(1);
    expect(await client.ssoToken()).not.toBeNull();
  });
});
