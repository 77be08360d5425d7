import { startDevServer, type DevServer } from '@journeykit/dev-server';

import { journeykitClient, signIn } from '../lib/clients';
import { fixed, spread, summarize, table, wallTime, type Figure, withServer } from '../lib/runner';

const ROUNDS = 20;
const DELAY_MS = 50;

/** Wall time of `logoutUser()` and the times of the requests it made, `rounds` times. */
async function logouts(server: DevServer, rounds: number, delayMs = 0) {
  const requests: number[] = [];
  const client = journeykitClient(server.clientConfig, {
    // Each request's time, until its whole body has arrived.
    fetch: async (url, init) => {
      const start = performance.now();
      const response = await fetch(url, init);
      await response.clone().arrayBuffer();
      requests.push(performance.now() - start);
      return response;
    },
  });
  const walls: number[] = [];
  const sums: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await signIn(client);
    await client.user();
    if (delayMs > 0)
      for (const route of ['sessions', 'revoke', 'endSession'] as const)
        server.inject(route, { delayMs, times: 1 });
    requests.length = 0;
    walls.push(await wallTime(() => client.logoutUser()));
    if (requests.length !== 3) throw new Error(`logoutUser() made ${requests.length} requests`);
    sums.push(requests.reduce((a, b) => a + b));
  }
  const ratio = summarize(walls).median / summarize(sums).median;
  return [spread(walls, 2), spread(sums, 2), fixed(ratio, 2)];
}

export const logout: Figure = {
  id: 'logout',
  title: 'Logout: wall time against its three requests',
  run: () =>
    withServer(startDevServer(), async (server) => {
      const loopback = await logouts(server, ROUNDS);
      const delayed = await logouts(server, ROUNDS / 2, DELAY_MS);
      return [
        '`logoutUser()` after a sign-in with tokens: it clears local state, then ends the AM session, ' +
          'revokes the tokens and calls end_session. Each request is timed by a wrapping `fetch` (until ' +
          `its whole body has arrived). ${ROUNDS} rounds on loopback, then ${ROUNDS / 2} with the dev ` +
          `server holding each of the three requests ${DELAY_MS} ms (its \`delayMs\` fault), as a ` +
          "distant server would. The server runs in the bench's process.",
        table(
          ['', 'wall time of `logoutUser()`, ms', 'sum of its 3 requests, ms', 'wall / sum'],
          [
            ['loopback', ...loopback],
            [`+${DELAY_MS} ms per request`, ...delayed],
          ],
        ),
      ];
    }),
};
