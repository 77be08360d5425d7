import { delayProxy, type DelayProxy } from '../lib/delay-proxy';
import {
  fetchSignInWithTokens,
  floorEndpoints,
  journeykitClient,
  pingJourneyClient,
  pingSignIn,
  signIn,
} from '../lib/clients';
import { fixed, spread, summarize, table, wallTime, type Figure, withServer } from '../lib/runner';
import { serverProcess } from '../lib/server';

const RTTS = [10, 50];
const ROUNDS = 12;

interface Row {
  label: string;
  /** Untimed preparation, then the timed operation. */
  prepare(): Promise<() => Promise<unknown>>;
}

/** Wall times and connections opened of each row, `ROUNDS` times, rows interleaved. */
async function measure(proxy: DelayProxy, rows: Row[]) {
  const walls = rows.map((): number[] => []);
  const connections = rows.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++)
    for (let i = 0; i < rows.length; i++) {
      const index = (round + i) % rows.length; // each round starts with another row
      const operation = await rows[index]!.prepare();
      proxy.reset();
      walls[index]!.push(await wallTime(operation));
      connections[index]!.push(proxy.connections);
    }
  return { walls, connections };
}

export const roundTrips: Figure = {
  id: 'round-trips',
  title: 'Sign-in to tokens, and logout, over a distant server',
  run: () =>
    withServer(serverProcess(), async (server) => {
      const config = server.clientConfig;
      const upstream = Number(new URL(config.serverUrl).port);
      const endpoints = await floorEndpoints(config);
      const sections: string[] = [];
      for (const rtt of RTTS) {
        const proxy = await delayProxy(upstream, rtt);
        try {
          const rows: Row[] = [
            {
              label: 'fetch alone: start, next, authorize, token (endpoints known): the floor',
              prepare: () => Promise.resolve(() => fetchSignInWithTokens(config, endpoints)),
            },
            {
              label: 'journeykit, a new client: Login, then `user()`',
              prepare: () => {
                const client = journeykitClient(config);
                return Promise.resolve(() => signIn(client).then(() => client.user()));
              },
            },
            {
              label: 'journeykit, a client that signed in before: Login, then `user()`',
              prepare: async () => {
                const client = journeykitClient(config);
                await signIn(client).then(() => client.user());
                await client.logoutUser();
                return () => signIn(client).then(() => client.user());
              },
            },
            {
              label: '@forgerock/journey-client, a new client: Login only (no tokens, see below)',
              prepare: () =>
                Promise.resolve(async () => pingSignIn(await pingJourneyClient(config))),
            },
            {
              label: 'journeykit `logoutUser()` after sign-in with tokens',
              prepare: async () => {
                const client = journeykitClient(config);
                await signIn(client).then(() => client.user());
                return () => client.logoutUser();
              },
            },
          ];
          const { walls, connections } = await measure(proxy, rows);
          const floor = summarize(walls[0]!).median;
          sections.push(
            `**${rtt} ms round trip**`,
            table(
              ['operation', 'ms, median (min–max)', 'round trips', '/ floor', 'connections opened'],
              rows.map((row, i) => [
                row.label,
                spread(walls[i]!, 0),
                fixed(summarize(walls[i]!).median / rtt, 1),
                i < 4 ? fixed(summarize(walls[i]!).median / floor, 2) : '',
                fixed(summarize(connections[i]!).median, 0),
              ]),
            ),
          );
        } finally {
          await proxy.close();
        }
      }
      return [
        "The dev server's bin in its own process, reached through a TCP proxy on loopback that holds " +
          'every chunk half the round trip in each direction and every new connection one round trip ' +
          "(TCP's handshake; no TLS), as a distant server would. All of the bench process's fetches " +
          "go through it (undici's global dispatcher), so every client gets the same network and " +
          `keeps its own connections. ${ROUNDS} rounds per row, rows interleaved (each round starts ` +
          'with another row); wall time of the operation alone (clients made and signed in before ' +
          'the clock starts where the row says so). "round trips" is the median over the round trip.',
        ...sections,
        "`@forgerock/oidc-client` authorizes through a hidden iframe, which cannot run in Node, so Ping's row is its journey alone (discovery at creation, start, next).",
      ];
    }),
};
