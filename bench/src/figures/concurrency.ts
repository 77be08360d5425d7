import { startDevServer } from '@journeykit/dev-server';

import { journeykitClient, signIn } from '../lib/clients';
import { spread, table, wallTime, type Figure, withServer } from '../lib/runner';

const ROUNDS = 10;
const CALLS = 1000;

export const concurrency: Figure = {
  id: 'concurrency',
  title: 'Concurrency: 1,000 `user()` at expiry',
  run: () =>
    withServer(startDevServer(), async (server) => {
      let now = Date.now(); // the client's clock, moved past the tokens' expiry before each round
      const client = journeykitClient(server.clientConfig, { clock: () => now });
      await signIn(client);
      await client.user();
      const grants: number[] = [];
      const walls: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        now += 3600_000;
        server.resetLog();
        let sessions: Awaited<ReturnType<typeof client.user>>[] = [];
        walls.push(
          await wallTime(async () => {
            sessions = await Promise.all(Array.from({ length: CALLS }, () => client.user()));
          }),
        );
        if (new Set(sessions.map((s) => s?.accessToken)).size !== 1)
          throw new Error('The concurrent user() calls did not share one access token');
        grants.push(server.grants.refresh_token + server.grants.authorization_code);
      }
      return [
        `One signed-in client; its clock (\`clock\` option) jumps an hour ahead, past the access token's ` +
          `expiry, then ${CALLS.toLocaleString('en-US')} \`user()\` calls start at once and the bench ` +
          `waits for all. ${ROUNDS} rounds; the dev server runs in the bench's process (its work is in ` +
          'the wall time). Every call got the same access token.',
        table(
          ['', 'median (min–max) of rounds'],
          [
            ['token grants at the server (goal 1)', spread(grants, 0)],
            [`wall time for ${CALLS.toLocaleString('en-US')} calls, ms`, spread(walls, 1)],
          ],
        ),
      ];
    }),
};
