import { JourneyError, type JourneyClient } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { seeded, unhandledRejections } from './chaos-helpers';
import {
  devServerFor,
  disk,
  isRefreshGrant,
  manualClock,
  mortalProcess,
  recordEvents,
  signedIn,
  tokenClient,
} from './tokens-helpers';

// Chaos (issue 7, third bullet): an app killed at random moments — right after the request that
// refreshes its tokens, or after any other request — and started again over the same disk, many
// times, with its clock running ahead. Invariants: the server never sees a replayed refresh token,
// storage always reads back, and the session survives: the last launch has tokens the server accepts.
describe('chaos', () => {
  const server = devServerFor();
  const unhandled = unhandledRejections();

  it('an app killed at random points and started again, 30 times over one disk', async () => {
    const random = seeded();
    const where = `chaos seed ${random.seed}`;
    const clock = manualClock();
    const drive = disk();
    await signedIn(server, { storage: drive.open(), clock: clock.now });
    const calls: ((c: JourneyClient) => Promise<unknown>)[] = [
      (c) => c.user(),
      (c) => c.refresh(),
      (c) => c.userinfo(),
    ];
    let deaths = 0;
    for (let launch = 0; launch < 30; launch++) {
      let requests = 0;
      const at = 1 + Math.floor(random.next() * 6);
      const afterRefresh = random.next() < 0.5;
      const app = mortalProcess(drive.open(), (body) =>
        afterRefresh ? isRefreshGrant(body) : ++requests === at,
      );
      const client = tokenClient(server, {
        storage: app.storage,
        fetch: app.fetch,
        clock: clock.now,
      });
      const events = recordEvents(client);
      for (let i = 0; i < 4 && !app.dead; i++) {
        clock.advance(random.pick([0, 600, 3600, 7200]));
        await random
          .pick(calls)(client)
          .catch((error: unknown) => expect(error, where).toBeInstanceOf(JourneyError));
      }
      if (app.dead) deaths++;
      expect(
        events.filter((e) => e.type === 'storageError'),
        where,
      ).toEqual([]);
      expect(server.reuseDetections, where).toBe(0);
    }
    expect(deaths, where).toBeGreaterThan(5);
    expect(server.grants.refresh_token, where).toBeGreaterThan(3);

    const survivor = tokenClient(server, { storage: drive.open(), clock: clock.now });
    const tokens = await survivor.user();
    expect(await server.isAccessTokenActive(tokens!.accessToken), where).toBe(true);
    expect(server.reuseDetections, where).toBe(0);
    expect(unhandled, where).toEqual([]);
  });
});
