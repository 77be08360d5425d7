import { memoryStorage } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import {
  devServerFor,
  disk,
  isRefreshGrant,
  manualClock,
  mortalProcess,
  recordEvents,
  signedIn,
  tokenClient,
  until,
} from './tokens-helpers';

const tokensRecord = (items: Map<string, string>) => {
  const raw = [...items].find(([key]) => key.startsWith('journeykit.tokens:'))?.[1];
  return raw === undefined
    ? undefined
    : (
        JSON.parse(raw) as {
          data: { accessToken: string; refreshToken?: string; refreshing?: true };
        }
      ).data;
};

// Rotation-safe (issue 4, second bullet): new tokens are saved before they are returned, and a
// refresh token that may have been spent is never sent again — oidc-provider, like AM, treats a
// replayed refresh token as theft and revokes the whole grant.
describe('refresh token rotation', () => {
  const server = devServerFor();

  it('saves the new tokens before anyone hears of them', async () => {
    const clock = manualClock();
    const drive = disk();
    const { client } = await signedIn(server, { storage: drive.open(), clock: clock.now });
    const onDisk: (string | undefined)[] = [];
    client.subscribe((event) => {
      if (event.type === 'refreshed') onDisk.push(tokensRecord(drive.items)?.accessToken);
    });
    clock.advance(3600);
    const renewed = await client.user();
    expect(onDisk).toEqual([renewed!.accessToken]);
    expect(tokensRecord(drive.items)).toMatchObject({ refreshToken: renewed!.refreshToken });
    expect(tokensRecord(drive.items)!.refreshing).toBeUndefined();
  });

  it('recovers from a crash between the refresh request and the save by minting from the SSO session', async () => {
    const clock = manualClock();
    const drive = disk();
    const { tokens: before } = await signedIn(server, { storage: drive.open(), clock: clock.now });
    const app = mortalProcess(drive.open(), isRefreshGrant);
    const dying = tokenClient(server, { storage: app.storage, fetch: app.fetch, clock: clock.now });
    clock.advance(3600);
    server.resetLog();
    const died = dying.user().catch(() => null);
    await until(() => app.dead && server.grants.refresh_token === 1, 'the server rotated');
    await died;
    expect(await server.isRefreshTokenActive(before.refreshToken!)).toBe(false);
    expect(tokensRecord(drive.items)).toMatchObject({
      refreshToken: before.refreshToken,
      refreshing: true,
    });

    const restarted = tokenClient(server, { storage: drive.open(), clock: clock.now });
    const after = await restarted.user();
    expect(after!.accessToken).not.toBe(before.accessToken);
    expect(server.reuseDetections).toBe(0);
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
    expect(await server.isAccessTokenActive(after!.accessToken)).toBe(true);
    expect(await server.isRefreshTokenActive(after!.refreshToken!)).toBe(true);
    expect(tokensRecord(drive.items)).toMatchObject({ accessToken: after!.accessToken });
    expect(tokensRecord(drive.items)!.refreshing).toBeUndefined();
  });

  it('without an SSO session to mint from, keeps the access token while it lasts and never replays', async () => {
    const clock = manualClock();
    const drive = disk();
    // Tokens on disk, the SSO session in memory only: a restart loses the session.
    const { tokens: before } = await signedIn(server, {
      storage: memoryStorage(),
      oidc: { storage: drive.open() },
      clock: clock.now,
    });
    const app = mortalProcess(drive.open(), isRefreshGrant);
    const dying = tokenClient(server, {
      oidc: { storage: app.storage },
      fetch: app.fetch,
      clock: clock.now,
    });
    clock.advance(3590); // inside the refresh threshold, not yet expired
    server.resetLog();
    const died = dying.user().catch(() => null);
    await until(() => app.dead && server.grants.refresh_token === 1, 'the server rotated');
    await died;

    const restarted = tokenClient(server, { oidc: { storage: drive.open() }, clock: clock.now });
    expect(await restarted.ssoToken()).toBeNull();
    expect((await restarted.user())!.accessToken).toBe(before.accessToken);
    expect(tokensRecord(drive.items)!.refreshToken).toBeUndefined();
    expect(await server.isAccessTokenActive(before.accessToken)).toBe(true);
    clock.advance(10);
    expect(await restarted.user()).toBeNull();
    expect(tokensRecord(drive.items)).toBeUndefined();
    expect(server.grants).toEqual({ authorization_code: 0, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
  });

  it('mints at once when the answer to a refresh is lost after the server rotated', async () => {
    const clock = manualClock();
    const { client, tokens: before } = await signedIn(server, { clock: clock.now });
    const events = recordEvents(client);
    clock.advance(3600);
    server.resetLog();
    server.inject('token', { truncate: true, times: 1 });
    const after = await client.user();
    expect(after!.accessToken).not.toBe(before.accessToken);
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
    expect(await server.isRefreshTokenActive(before.refreshToken!)).toBe(false);
    expect(await server.isAccessTokenActive(after!.accessToken)).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['refreshFailed', 'tokensChanged']);
    expect(events[0]).toMatchObject({ tokensKept: true, error: { type: 'network_error' } });
  });

  it('still saves a refresh the caller aborted after the server rotated', async () => {
    const clock = manualClock();
    const drive = disk();
    const { client, tokens: before } = await signedIn(server, {
      storage: drive.open(),
      clock: clock.now,
    });
    clock.advance(3600);
    server.resetLog();
    server.inject('token', { delayMs: 200, times: 1 });
    const controller = new AbortController();
    const aborted = client.user({ signal: controller.signal });
    await until(() => server.count('token') === 1, 'the refresh reached the server');
    controller.abort();
    await expect(aborted).rejects.toMatchObject({
      code: 'JOURNEY_USER_ERROR',
      type: 'abort_error',
    });

    const restarted = tokenClient(server, { storage: drive.open(), clock: clock.now });
    await until(() => tokensRecord(drive.items)?.accessToken !== before.accessToken, 'saved');
    const after = await restarted.user();
    expect(server.grants).toEqual({ authorization_code: 0, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
    expect(await server.isRefreshTokenActive(after!.refreshToken!)).toBe(true);
    expect(tokensRecord(drive.items)!.refreshing).toBeUndefined();
  });
});

describe('a server that does not rotate refresh tokens', () => {
  const server = devServerFor({ rotateRefreshTokens: false });

  it('keeps the refresh token when a refresh reply leaves it out', async () => {
    const clock = manualClock();
    const drive = disk();
    const { client, tokens } = await signedIn(server, { storage: drive.open(), clock: clock.now });
    for (let i = 0; i < 2; i++) {
      clock.advance(3600);
      const renewed = await client.user();
      expect(renewed!.accessToken).not.toBe(tokens.accessToken);
      expect(renewed!.refreshToken).toBe(tokens.refreshToken);
      expect(tokensRecord(drive.items)!.refreshToken).toBe(tokens.refreshToken);
    }
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 2 });
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(true);
    expect(server.reuseDetections).toBe(0);
  });
});
