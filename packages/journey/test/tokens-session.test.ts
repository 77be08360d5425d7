import { startDevServer } from '@journeykit/dev-server';
import type { JourneyEvent } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { sessionValidates, signIn, userinfoStatus } from './helpers';
import {
  devServerFor,
  disk,
  manualClock,
  recordEvents,
  signedIn,
  tokenClient,
  until,
} from './tokens-helpers';

// userInfo without a request per call, events, and logout (issue 4, bullets six to eight).
describe('userInfo', () => {
  const server = devServerFor();

  it('is fetched once per issuance, not once per user() call', async () => {
    const clock = manualClock();
    const client = tokenClient(server, { clock: clock.now });
    await signIn(client);
    server.resetLog();
    for (let i = 0; i < 10; i++)
      expect((await client.user())!.userInfo).toMatchObject({ name: 'Demo User' });
    expect(server.count('userinfo')).toBe(1);
    clock.advance(3600);
    for (let i = 0; i < 10; i++) await client.user();
    expect(server.count('userinfo')).toBe(2);
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
  });

  it('comes from the ID token when the userinfo endpoint is down at issuance', async () => {
    const client = tokenClient(server);
    await signIn(client);
    server.inject('userinfo', { status: 503 });
    const { userInfo } = (await client.user())!;
    expect(userInfo).toMatchObject({ sub: expect.any(String) });
    expect(userInfo).not.toHaveProperty('nonce');
    expect(userInfo).not.toHaveProperty('aud');
    expect((await client.user())!.userInfo).toEqual(userInfo);
  });
});

describe('events', () => {
  const server = devServerFor();

  it('tell listeners what happened to the session, in order', async () => {
    const clock = manualClock();
    const client = tokenClient(server, { clock: clock.now });
    const events = recordEvents(client);
    client.subscribe(() => {
      throw new Error('a broken listener does not break the SDK');
    });
    await signIn(client);
    const minted = await client.user();
    clock.advance(3600);
    const refreshed = await client.user();
    server.inject('token', { status: 503 });
    clock.advance(3600);
    await client.user().catch(() => null);
    server.clearFaults();
    await client.logoutUser();

    expect(events.map((e) => e.type)).toEqual([
      'sessionStarted',
      'tokensChanged',
      'tokensChanged',
      'refreshed',
      'refreshFailed',
      'sessionEnded',
      'logout',
    ]);
    const [, first, second, refreshedEvent, failedEvent, ended, logout] = events;
    expect(first).toEqual({ type: 'tokensChanged', saved: true, expiresAt: minted!.expiresAt });
    expect(second).toEqual({
      type: 'tokensChanged',
      saved: true,
      expiresAt: refreshed!.expiresAt,
    });
    expect(refreshedEvent).toEqual({ type: 'refreshed', expiresAt: refreshed!.expiresAt });
    expect(failedEvent).toMatchObject({
      tokensKept: true,
      error: { status: 503, retryable: true },
    });
    expect(ended).toEqual({ type: 'sessionEnded', reason: 'logout' });
    expect(logout).toEqual({
      type: 'logout',
      outcomes: [
        { step: 'session', ok: true },
        { step: 'revoke', ok: true },
        { step: 'endSession', ok: true },
      ],
    });
  });

  it('stop when the listener unsubscribes', async () => {
    const client = tokenClient(server);
    const events: JourneyEvent[] = [];
    const unsubscribe = client.subscribe((e) => void events.push(e));
    await signIn(client);
    unsubscribe();
    await client.user();
    expect(events.map((e) => e.type)).toEqual(['sessionStarted']);
  });
});

describe('logoutUser()', () => {
  const server = devServerFor();

  it('clears local state first even offline, reports each failed step, and is fine twice', async () => {
    const own = await startDevServer();
    const drive = disk();
    const { client } = await signedIn(own, { storage: drive.open() });
    const events = recordEvents(client);
    await own.close();
    expect(await client.logoutUser()).toBe(true);
    expect(drive.items.size).toBe(0);
    expect(events[0]).toEqual({ type: 'sessionEnded', reason: 'logout' });
    expect(events[1]).toMatchObject({
      type: 'logout',
      outcomes: [
        { step: 'session', ok: false, error: { retryable: true } },
        { step: 'revoke', ok: false },
        { step: 'endSession', ok: false },
      ],
    });
    expect(await client.logoutUser()).toBe(true);
    expect(events[2]).toMatchObject({
      type: 'logout',
      outcomes: [
        { step: 'session', skipped: true },
        { step: 'revoke', skipped: true },
        { step: 'endSession', skipped: true },
      ],
    });
    expect(await client.user()).toBeNull();
  });

  it('waits for a renewal in flight, then revokes what it saved: nothing comes back', async () => {
    const clock = manualClock();
    const drive = disk();
    const { client } = await signedIn(server, { storage: drive.open(), clock: clock.now });
    const sso = (await client.ssoToken())!.value;
    clock.advance(3600);
    server.inject('token', { delayMs: 200, times: 1 });
    const renewal = client.user();
    await until(() => server.grants.refresh_token === 1, 'the refresh reached the server');
    expect(await client.logoutUser()).toBe(true);
    const renewed = await renewal;
    expect(drive.items.size).toBe(0);
    expect(await server.isRefreshTokenActive(renewed!.refreshToken!)).toBe(false);
    expect(await userinfoStatus(server, renewed!.accessToken)).toBe(401);
    expect(await sessionValidates(server, sso)).toBe(false);
    expect(server.endSessions).toEqual([expect.objectContaining({ idTokenHintValid: true })]);
    expect(await client.user()).toBeNull();
  });

  it('clears local state even when aborted; the server steps report the abort', async () => {
    const { client } = await signedIn(server);
    const sso = (await client.ssoToken())!.value;
    const events = recordEvents(client);
    const controller = new AbortController();
    controller.abort();
    expect(await client.logoutUser({ signal: controller.signal })).toBe(true);
    expect(await client.ssoToken()).toBeNull();
    expect(events[1]).toMatchObject({
      outcomes: [
        { step: 'session', ok: false, error: { type: 'abort_error' } },
        { step: 'revoke', ok: false, error: { type: 'abort_error' } },
        { step: 'endSession', ok: false, error: { type: 'abort_error' } },
      ],
    });
    expect(await sessionValidates(server, sso)).toBe(true);
  });
});
