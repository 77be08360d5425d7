import { memoryStorage } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { refreshGrant, signIn } from './helpers';
import { devServerFor, disk, manualClock, signedIn, tokenClient, until } from './tokens-helpers';

// One token operation at a time per session: mint, refresh and revoke share a lock, and the
// callers that waited reuse the result (issue 4, first bullet).
describe('one token operation at a time', () => {
  const server = devServerFor();

  it('mints once for 1,000 concurrent user() calls after sign-in', async () => {
    const client = tokenClient(server);
    await signIn(client);
    server.resetLog();
    const sessions = await Promise.all(Array.from({ length: 1000 }, () => client.user()));
    expect(new Set(sessions.map((s) => s!.accessToken)).size).toBe(1);
    expect(server.count('authorize')).toBe(1);
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 0 });
    expect(server.count('userinfo')).toBe(1);
  });

  it('refreshes once for 1,000 concurrent user() calls at expiry, spread over four clients of the session', async () => {
    const clock = manualClock();
    const drive = disk(); // each client with its own storage object over the same records
    const { tokens: before } = await signedIn(server, { storage: drive.open(), clock: clock.now });
    const clients = Array.from({ length: 4 }, () =>
      tokenClient(server, { storage: drive.open(), clock: clock.now }),
    );
    clock.advance(3600);
    server.resetLog();

    const sessions = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => clients[i % 4]!.user()),
    );
    const after = sessions[0]!;
    expect(sessions.every((s) => s!.accessToken === after.accessToken)).toBe(true);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(server.grants).toEqual({ authorization_code: 0, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
    expect(await server.isRefreshTokenActive(before.refreshToken!)).toBe(false);
    expect(await server.isRefreshTokenActive(after.refreshToken!)).toBe(true);
    expect(await server.isAccessTokenActive(after.accessToken)).toBe(true);
  });

  it('gives queued refresh() callers the refresh that ran before them', async () => {
    const storage = memoryStorage();
    const { client, tokens: before } = await signedIn(server, { storage });
    const other = tokenClient(server, { storage });
    server.resetLog();
    const sessions = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? client : other).refresh()),
    );
    expect(new Set(sessions.map((s) => s!.accessToken)).size).toBe(1);
    expect(sessions[0]!.accessToken).not.toBe(before.accessToken);
    expect(server.grants.refresh_token).toBe(1);
    expect(server.reuseDetections).toBe(0);
  });

  it('serialises refresh, revoke and user(): nothing spent twice, nothing saved after revoke', async () => {
    const storage = memoryStorage();
    const { client, tokens: first } = await signedIn(server, { storage });
    const other = tokenClient(server, { storage });
    server.resetLog();
    const [, revoked] = await Promise.all([client.refresh(), other.revoke(), client.user()]);
    const last = await client.user();
    expect(revoked).toBe(true);
    expect(server.revocations).toBe(1);
    expect(server.reuseDetections).toBe(0);
    expect(server.grants.refresh_token).toBeLessThanOrEqual(1);
    // Whatever ran first, the tokens left are the last ones issued, live, and nobody else's.
    expect(await server.isRefreshTokenActive(first.refreshToken!)).toBe(false);
    expect(await server.isAccessTokenActive(last!.accessToken)).toBe(true);
    expect((await other.user())!.accessToken).toBe(last!.accessToken);
    expect(server.count('token')).toBe(
      server.grants.refresh_token + server.grants.authorization_code,
    );
  });

  it('lets a call queued behind a renewal leave on abort without ever running', async () => {
    const clock = manualClock();
    const { client, tokens } = await signedIn(server, { clock: clock.now });
    clock.advance(3600);
    server.inject('token', { delayMs: 300, times: 1 });
    const renewal = client.user();
    await until(() => server.count('token') > 0, 'the refresh reached the server');
    const controller = new AbortController();
    const revoke = client.revoke({ signal: controller.signal });
    controller.abort();
    await expect(revoke).rejects.toMatchObject({ type: 'abort_error' });
    const renewed = await renewal;
    expect(renewed!.accessToken).not.toBe(tokens.accessToken);
    expect(server.revocations).toBe(0);
    expect(await server.isRefreshTokenActive(renewed!.refreshToken!)).toBe(true);
    expect((await client.user())!.accessToken).toBe(renewed!.accessToken);
  });

  it('never lets the server see a replayed refresh token (the failure mode it guards against)', async () => {
    const { client, tokens } = await signedIn(server);
    await client.refresh();
    expect(server.reuseDetections).toBe(0);
    await refreshGrant(server, tokens.refreshToken!);
    expect(server.reuseDetections).toBe(1);
  });
});

// Cancellation (issue 4, last bullet): every async method takes { signal }; aborting leaves
// storage consistent.
describe('cancellation', () => {
  const server = devServerFor();

  it('rejects every session method at once with an abort_error, changing nothing', async () => {
    const { client, tokens } = await signedIn(server);
    server.resetLog();
    const aborted = AbortSignal.abort();
    for (const call of [
      () => client.ssoToken({ signal: aborted }),
      () => client.user({ signal: aborted }),
      () => client.refresh({ signal: aborted }),
      () => client.revoke({ signal: aborted }),
      () => client.userinfo({ signal: aborted }),
    ])
      await expect(call()).rejects.toMatchObject({
        code: 'JOURNEY_USER_ERROR',
        type: 'abort_error',
      });
    expect(server.requests).toHaveLength(0);
    expect((await client.user())!.accessToken).toBe(tokens.accessToken);
  });

  it('stops a userinfo request in flight', async () => {
    const { client } = await signedIn(server);
    server.inject('userinfo', { delayMs: 500, times: 1 });
    const controller = new AbortController();
    const call = client.userinfo({ signal: controller.signal });
    await until(() => server.count('userinfo') === 2, 'the request reached the server');
    controller.abort();
    await expect(call).rejects.toMatchObject({ type: 'abort_error' });
  });

  it('lets refresh() callers leave while the refresh goes on for the others', async () => {
    const clock = manualClock();
    const { client, tokens } = await signedIn(server, { clock: clock.now });
    server.resetLog();
    server.inject('token', { delayMs: 200, times: 1 });
    const controller = new AbortController();
    const leaving = client.refresh({ signal: controller.signal });
    const staying = client.refresh();
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ type: 'abort_error' });
    const renewed = await staying;
    expect(renewed!.accessToken).not.toBe(tokens.accessToken);
    expect(server.grants.refresh_token).toBe(1);
  });
});
