import type { DevClientConfig } from '@journeykit/dev-server';

import {
  fetchSignIn,
  journeykitClient,
  pingJourneyClient,
  pingSignIn,
  signIn,
} from '../lib/clients';
import {
  collectGarbage,
  cpuTime,
  fixed,
  spread,
  summarize,
  table,
  type Figure,
  withServer,
} from '../lib/runner';
import { serverProcess } from '../lib/server';

const ROUNDS = 24;
const JOURNEYS = 25; // per client per round
const LONG_LIVED = 500;

type Journey = () => Promise<unknown>;
type Name = 'journeykit' | 'ping' | 'fetch';

/** A new client (made before the clock starts: Ping's fetches discovery) and its Login. */
const CLIENTS: Record<Name, { label: string; make(config: DevClientConfig): Promise<Journey> }> = {
  journeykit: {
    label: 'journeykit',
    make: (config) => {
      const client = journeykitClient(config, { journeyOnly: true });
      // forceAuth: a client that holds an SSO session would otherwise succeed at start.
      return Promise.resolve(() => signIn(client, { forceAuth: true }));
    },
  },
  ping: {
    label: '@forgerock/journey-client',
    make: async (config) => {
      const client = await pingJourneyClient(config);
      return () => pingSignIn(client);
    },
  },
  fetch: {
    label: 'fetch alone (same two requests, JSON in and out): the floor',
    make: (config) => Promise.resolve(() => fetchSignIn(config)),
  },
};

/** CPU µs per journey over `count` journeys, after a full collection (no one else's garbage). */
async function perJourney(journey: Journey, count = JOURNEYS): Promise<number> {
  collectGarbage();
  const micros = await cpuTime(async () => {
    for (let i = 0; i < count; i++) await journey();
  });
  return micros / count;
}

export const cpu: Figure = {
  id: 'cpu',
  title: 'Client CPU per journey',
  run: () =>
    withServer(serverProcess(), async (server) => {
      const { clientConfig } = server;
      const names = Object.keys(CLIENTS) as Name[];
      const next = (name: Name) => CLIENTS[name].make(clientConfig);
      for (const name of names) await perJourney(await next(name), 50); // warm-up
      const cpu: Record<Name, number[]> = { journeykit: [], ping: [], fetch: [] };
      // Interleaved: every round runs each client once, starting with a different one.
      for (let round = 0; round < ROUNDS; round++)
        for (let i = 0; i < names.length; i++) {
          const name = names[(round + i) % names.length]!;
          cpu[name].push(await perJourney(await next(name)));
        }
      const median = (name: Name) => summarize(cpu[name]).median;
      const ratio = median('journeykit') / median('ping');
      const above = (median('journeykit') - median('fetch')) / (median('ping') - median('fetch'));

      // One client for many journeys, as a long-running app (or a server) keeps it.
      const aging: string[][] = [];
      for (const name of ['journeykit', 'ping'] as const) {
        const journey = await next(name);
        const first = await perJourney(journey);
        for (let i = 2 * JOURNEYS; i < LONG_LIVED; i++) await journey();
        aging.push([CLIENTS[name].label, fixed(first, 0), fixed(await perJourney(journey), 0)]);
      }
      return [
        "Login (start → next → success) against the dev server's bin in its own process, one journey " +
          'at a time. CPU time of the bench process (`process.cpuUsage()`, user + system) around the ' +
          "client work: the server's work is not in it, fetch's is. After 50 warm-up journeys each, " +
          `${ROUNDS} rounds of ${JOURNEYS} journeys per client, interleaved (each round starts with ` +
          'another one), each batch on a new client made before the clock starts and after a full ' +
          "garbage collection. `NODE_ENV=production`, as apps ship (it turns off Redux Toolkit's " +
          "development checks in Ping's client, which runs with an in-memory `sessionStorage`).",
        table(
          ['client', 'CPU µs per journey, median (min–max) of rounds'],
          names.map((name) => [CLIENTS[name].label, spread(cpu[name], 0)]),
        ),
        `**Ratio journeykit / @forgerock/journey-client: ${fixed(ratio, 2)}** (goal ≤ 0.2). ` +
          `Above the fetch floor (what each client adds to the two requests): ${fixed(above, 2)}.`,
        `One client kept for ${LONG_LIVED} journeys (one client after the other; one batch each):`,
        table(
          [
            'client',
            `CPU µs per journey, journeys 1–${JOURNEYS}`,
            `journeys ${LONG_LIVED - JOURNEYS + 1}–${LONG_LIVED}`,
          ],
          aging,
        ),
      ];
    }),
};
