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

type Treatment = 'fresh' | 'kept';

export const cpu: Figure = {
  id: 'cpu',
  title: 'Client CPU per journey',
  run: () =>
    withServer(serverProcess(), async (server) => {
      const { clientConfig } = server;
      const names = Object.keys(CLIENTS) as Name[];
      const next = (name: Name) => CLIENTS[name].make(clientConfig);
      const kept = {} as Record<Name, Journey>;
      for (const name of names) {
        kept[name] = await next(name);
        await perJourney(kept[name], 50); // warm-up, which also ages the kept client
      }
      const cpu: Record<Treatment, Record<Name, number[]>> = {
        fresh: { journeykit: [], ping: [], fetch: [] },
        kept: { journeykit: [], ping: [], fetch: [] },
      };
      // Interleaved: every round runs each client both ways, starting with a different one.
      for (let round = 0; round < ROUNDS; round++)
        for (let i = 0; i < names.length; i++) {
          const name = names[(round + i) % names.length]!;
          cpu.fresh[name].push(await perJourney(await next(name)));
          cpu.kept[name].push(await perJourney(kept[name]));
        }
      const median = (treatment: Treatment, name: Name) => summarize(cpu[treatment][name]).median;
      const ratios = (treatment: Treatment) => {
        const [ours, ping, floor] = names.map((name) => median(treatment, name)) as [
          number,
          number,
          number,
        ];
        return `${fixed(ours / ping, 2)} (to the floor: ${fixed(ours / floor, 2)})`;
      };
      const aged = 50 + ROUNDS * JOURNEYS;
      return [
        "Login (start → next → success) against the dev server's bin in its own process, one journey " +
          'at a time. CPU time of the bench process (`process.cpuUsage()`, user + system) around the ' +
          "client work: the server's work is not in it, fetch's is. Every client is measured two ways, " +
          'in the same rounds: a **new client** for each batch of ' +
          `${JOURNEYS} journeys (made before the clock starts), and **one kept client** that does ` +
          `every batch (50 warm-up journeys, then ${ROUNDS} batches: ${aged} journeys by the end), ` +
          'as a long-running app keeps it. Each batch starts after a full garbage collection; ' +
          `${ROUNDS} rounds, interleaved (each round starts with another client). ` +
          "`NODE_ENV=production`, as apps ship (it turns off Redux Toolkit's development checks in " +
          "Ping's client, which runs with an in-memory `sessionStorage`).",
        table(
          [
            'client',
            'CPU µs per journey, a new client per batch',
            `one kept client (journeys 51–${aged})`,
          ],
          names.map((name) => [
            CLIENTS[name].label,
            spread(cpu.fresh[name], 0),
            spread(cpu.kept[name], 0),
          ]),
        ),
        `**journeykit / @forgerock/journey-client:** new clients ${ratios('fresh')}; ` +
          `kept clients ${ratios('kept')}.`,
      ];
    }),
};
