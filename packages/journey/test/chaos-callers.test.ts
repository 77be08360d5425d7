import { setTimeout as sleep } from 'node:timers/promises';
import { JourneyError, type JourneyClient } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { seeded, slowDisk, unhandledRejections } from './chaos-helpers';
import { signIn } from './helpers';
import { devServerFor, manualClock, tokenClient } from './tokens-helpers';

type Op = 'user' | 'refresh' | 'revoke' | 'userinfo' | 'logoutUser' | 'signIn';
const ops: [number, Op][] = [
  [50, 'user'],
  [20, 'refresh'],
  [10, 'userinfo'],
  [5, 'revoke'],
  [3, 'logoutUser'],
  [12, 'signIn'],
];

// Chaos (issue 7, third bullet): many callers at once over several clients that share one slow
// storage, while the device clock jumps. Invariants: the server never sees a replayed refresh
// token, no call gets tokens older than a forget (revoke, logout, a refused grant) that happened
// before it started, every failure is a typed JourneyError, nothing is left unhandled.
describe('chaos', () => {
  const server = devServerFor();
  const unhandled = unhandledRejections();

  it('1,000 concurrent callers: user, refresh, userinfo, revoke, logoutUser and sign-ins over four clients of one storage, with clock jumps', async () => {
    const random = seeded();
    // The whole schedule is drawn before anything runs, so the seed alone decides it; the disk
    // draws from a stream of its own.
    const plan = Array.from({ length: 1000 }, () => ({
      delay: random.next() * 1500,
      jump: random.next() < 0.05 ? random.pick([3600, 3600, 120, -3600, 86_400, -86_400]) : 0,
      op: random.weighted(ops),
    }));
    const clock = manualClock();
    const drive = slowDisk(seeded(random.seed + 1));
    let tick = 0;
    /** When each access token's reply reached the client, in ticks. */
    const issued = new Map<string, number>();
    /** Ticks at which some client forgot the tokens (tokensChanged to none, or a logout). */
    const forgets: number[] = [];
    const wire = async (url: string, init?: RequestInit) => {
      const response = await fetch(url, init);
      if (url.endsWith('/access_token')) {
        const reply = (await response.clone().json()) as { access_token?: string };
        if (reply.access_token) issued.set(reply.access_token, ++tick);
      }
      return response;
    };
    const clients = Array.from({ length: 4 }, () => {
      const client = tokenClient(server, { storage: drive.open(), clock: clock.now, fetch: wire });
      client.subscribe((event) => {
        const forgot = event.type === 'tokensChanged' && !event.saved;
        if (forgot || (event.type === 'sessionEnded' && event.reason === 'logout'))
          forgets.push(++tick);
      });
      return client;
    });
    expect((await signIn(clients[0]!)).type).toBe('SuccessNode');

    const run: Record<Op, (c: JourneyClient) => Promise<unknown>> = {
      user: (c) => c.user(),
      refresh: (c) => c.refresh(),
      userinfo: (c) => c.userinfo(),
      revoke: (c) => c.revoke(),
      logoutUser: (c) => c.logoutUser(),
      signIn: (c) => signIn(c),
    };
    const outcomes = await Promise.all(
      plan.map(async ({ delay, jump, op }, i) => {
        await sleep(delay);
        clock.advance(jump);
        const started = ++tick;
        try {
          return { op, started, value: await run[op](clients[i % 4]!) };
        } catch (error) {
          return { op, started, error };
        }
      }),
    );

    const where = `chaos seed ${random.seed}`;
    expect(server.reuseDetections, where).toBe(0);
    expect(unhandled, where).toEqual([]);
    for (const outcome of outcomes) {
      if ('error' in outcome) {
        expect(outcome.error, where).toBeInstanceOf(JourneyError);
        continue;
      }
      const tokens = outcome.value as { accessToken?: string } | null;
      if (!tokens?.accessToken) continue;
      const lastForget = Math.max(0, ...forgets.filter((t) => t < outcome.started));
      expect(issued.get(tokens.accessToken), `${where}: ${outcome.op}`).toBeGreaterThan(lastForget);
    }
    // The schedule has every kind of call, and forgets among them (facts of the seed, not of timing).
    expect(new Set(plan.map((p) => p.op)).size, where).toBe(ops.length);
    expect(
      plan.filter((p) => p.op === 'revoke' || p.op === 'logoutUser').length,
      where,
    ).toBeGreaterThan(10);

    // What is left in storage is live on the server.
    const left = await clients[0]!.user();
    if (left) expect(await server.isAccessTokenActive(left.accessToken), where).toBe(true);
    expect(server.reuseDetections, where).toBe(0);
  });
});
