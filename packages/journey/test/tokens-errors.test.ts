import { startDevServer } from '@journeykit/dev-server';
import { JourneyError } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { refreshGrant, sessionValidates } from './helpers';
import { devServerFor, manualClock, recordEvents, signedIn } from './tokens-helpers';

const oauthReply = (error: string, description: string) => ({
  status: 400,
  body: { error, error_description: description },
  times: 1,
});

// Errors are classified by OAuth error code, not message text: `invalid_grant` drops the tokens;
// network errors, timeouts, 5xx and 429 keep them and surface a typed, retryable error; safe
// requests retry with bounded, jittered backoff honouring Retry-After (issue 4, third bullet).
describe('refresh failures', () => {
  const server = devServerFor();

  async function expiredSession() {
    const clock = manualClock();
    const signed = await signedIn(server, { clock: clock.now });
    const events = recordEvents(signed.client);
    clock.advance(3600);
    server.resetLog();
    return { ...signed, clock, events };
  }

  it('drops refused tokens (invalid_grant) and mints new ones from the still-valid SSO session', async () => {
    const { client, tokens, events } = await expiredSession();
    await refreshGrant(server, tokens.refreshToken!); // spent elsewhere: the server revokes the grant
    server.resetLog();
    const after = await client.user();
    expect(after!.accessToken).not.toBe(tokens.accessToken);
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
    expect(await server.isAccessTokenActive(after!.accessToken)).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['refreshFailed', 'tokensChanged', 'tokensChanged']);
    expect(events[0]).toMatchObject({
      tokensKept: false,
      error: { oauthError: 'invalid_grant', retryable: false },
    });
  });

  it('returns null when the refresh token and the SSO session are both refused', async () => {
    const { client, tokens, events } = await expiredSession();
    const sso = (await client.ssoToken())!.value;
    await refreshGrant(server, tokens.refreshToken!);
    await fetch(`${server.url}/json/realms/root/sessions?_action=logout`, {
      method: 'POST',
      headers: { [server.cookieName]: sso, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await sessionValidates(server, sso)).toBe(false);
    server.resetLog();
    expect(await client.user()).toBeNull();
    expect(await client.ssoToken()).toBeNull();
    expect(server.count('authorize')).toBe(1);
    expect(server.count('token')).toBe(1);
    expect(events).toContainEqual({ type: 'sessionEnded', reason: 'expired' });
  });

  it('goes by the OAuth code, not the words: invalid_grant described oddly still drops the tokens', async () => {
    const { client, tokens } = await expiredSession();
    server.inject('token', oauthReply('invalid_grant', 'Service temporarily busy, retry'));
    const after = await client.user();
    expect(after!.accessToken).not.toBe(tokens.accessToken);
    expect(server.grants.authorization_code).toBe(1);
  });

  it('…and another code described as a refused grant keeps them', async () => {
    const { client, tokens, events } = await expiredSession();
    server.inject('token', oauthReply('invalid_request', 'grant is invalid: token expired'));
    await expect(client.user()).rejects.toMatchObject({
      oauthError: 'invalid_request',
      retryable: false,
    });
    expect(events[0]).toMatchObject({ type: 'refreshFailed', tokensKept: true });
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(true);
    const after = await client.user(); // the same refresh token, still good
    expect(after!.refreshToken).not.toBe(tokens.refreshToken);
    expect(server.grants).toEqual({ authorization_code: 0, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
  });

  it('keeps the tokens through a 503 (retried twice) and refreshes with the same refresh token later', async () => {
    const { client, tokens, events } = await expiredSession();
    server.inject('token', { status: 503, body: '<html>down</html>', contentType: 'text/html' });
    const error = await client.user().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JourneyError);
    expect(error).toMatchObject({ status: 503, retryable: true, type: 'exchange_error' });
    expect(server.count('token')).toBe(3);
    expect(events.map((e) => e.type)).toEqual(['refreshFailed']);
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(true);

    server.clearFaults();
    const after = await client.user();
    expect(after!.accessToken).not.toBe(tokens.accessToken);
    expect(server.grants).toEqual({ authorization_code: 0, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
  });

  it('waits as Retry-After asks, then refreshes', async () => {
    const { client, tokens } = await expiredSession();
    server.inject('token', { status: 429, headers: { 'Retry-After': '1' }, times: 1 });
    const after = await client.user();
    expect(after!.accessToken).not.toBe(tokens.accessToken);
    expect(server.count('token')).toBe(2);
    expect(server.grants.refresh_token).toBe(1);
  });

  it('leaves a long Retry-After to the app, with the tokens kept', async () => {
    const { client, tokens } = await expiredSession();
    server.inject('token', { status: 429, headers: { 'Retry-After': '120' } });
    await expect(client.user()).rejects.toMatchObject({
      status: 429,
      retryAfter: 120,
      retryable: true,
    });
    expect(server.count('token')).toBe(1);
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(true);
  });

  it('never repeats a refresh grant the server may have acted on (500), and mints instead', async () => {
    const { client, tokens } = await expiredSession();
    server.inject('token', { status: 500, times: 1 });
    const after = await client.user();
    expect(after!.accessToken).not.toBe(tokens.accessToken);
    expect(server.count('token')).toBe(2); // the refresh once, then the code exchange
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 0 });
    expect(server.reuseDetections).toBe(0);
  });

  it('treats a timed-out refresh as maybe spent: mints instead of sending it again', async () => {
    const clock = manualClock();
    const { client, tokens } = await signedIn(server, { clock: clock.now, timeout: 300 });
    const events = recordEvents(client);
    clock.advance(3600);
    server.resetLog();
    server.inject('token', { delayMs: 600, times: 1 });
    const after = await client.user();
    expect(events[0]).toMatchObject({
      type: 'refreshFailed',
      tokensKept: true,
      error: {
        type: 'network_error',
        retryable: true,
        message: expect.stringContaining('timed out'),
      },
    });
    // One refresh attempt, never repeated; then the code exchange of a new grant.
    expect(server.count('token')).toBe(2);
    expect(server.grants.authorization_code).toBe(1);
    expect(server.reuseDetections).toBe(0);
    expect(after!.refreshToken).not.toBe(tokens.refreshToken);
    expect(await server.isAccessTokenActive(after!.accessToken)).toBe(true);
  });

  it('hands out a still-valid access token when an early refresh fails on the network', async () => {
    const clock = manualClock();
    const { client, tokens } = await signedIn(server, { clock: clock.now });
    const events = recordEvents(client);
    clock.advance(3580); // inside the 60 s threshold
    server.inject('token', { drop: true });
    server.inject('authorize', { drop: true });
    expect((await client.user())!.accessToken).toBe(tokens.accessToken);
    expect(events[0]).toMatchObject({ type: 'refreshFailed', tokensKept: true });
    clock.advance(20); // expired now
    await expect(client.user()).rejects.toMatchObject({ type: 'network_error', retryable: true });
    expect(await server.isAccessTokenActive(tokens.accessToken)).toBe(true);
  });

  it('hands out a still-valid access token whatever stopped the early refresh, as long as it is kept', async () => {
    const clock = manualClock();
    const { client, tokens } = await signedIn(server, { clock: clock.now });
    clock.advance(3580);
    server.inject('token', oauthReply('invalid_client', 'client disabled'));
    expect((await client.user())!.accessToken).toBe(tokens.accessToken);
    server.inject('token', oauthReply('invalid_grant', 'refresh token revoked'));
    server.inject('authorize', { status: 503 });
    await expect(client.user()).rejects.toMatchObject({ status: 503 });
    expect(await client.ssoToken()).not.toBeNull();
  });

  it('keeps the tokens when the server cannot be reached at all', async () => {
    const own = await startDevServer();
    const clock = manualClock();
    const { client, tokens } = await signedIn(own, { clock: clock.now });
    await own.close();
    clock.advance(3600);
    await expect(client.user()).rejects.toMatchObject({ type: 'network_error', retryable: true });
    expect(await client.refresh()).toBeNull();
    expect(await client.ssoToken()).not.toBeNull();
    clock.advance(-3600);
    expect((await client.user())!.accessToken).toBe(tokens.accessToken);
  });
});

describe('safe requests', () => {
  const server = devServerFor();

  it('retries userinfo through 5xx', async () => {
    const { client } = await signedIn(server);
    server.resetLog();
    server.inject('userinfo', { status: 502, times: 2 });
    expect(await client.userinfo()).toMatchObject({ sub: expect.any(String) });
    expect(server.count('userinfo')).toBe(3);
  });

  it('gives up after three attempts with a typed, retryable error', async () => {
    const { client } = await signedIn(server);
    server.resetLog();
    server.inject('userinfo', { drop: true });
    await expect(client.userinfo()).rejects.toMatchObject({
      type: 'network_error',
      retryable: true,
    });
    expect(server.count('userinfo')).toBe(3);
    server.clearFaults();
  });

  it('retries discovery, which a new client needs before anything else', async () => {
    server.resetLog();
    server.inject('discovery', { status: 500, times: 1 });
    const { tokens } = await signedIn(server);
    expect(tokens.accessToken).toEqual(expect.any(String));
    expect(server.count('discovery')).toBe(2);
  });
});
