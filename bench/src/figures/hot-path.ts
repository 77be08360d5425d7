import { startDevServer } from '@journeykit/dev-server';

import { journeykitClient, signIn } from '../lib/clients';
import { spread, table, wallTime, type Figure, withServer } from '../lib/runner';

const ROUNDS = 10;
const CALLS = 10_000;

export const hotPath: Figure = {
  id: 'hot-path',
  title: 'Hot path: `user()` with valid tokens',
  run: () =>
    withServer(startDevServer(), async (server) => {
      const client = journeykitClient(server.clientConfig);
      await signIn(client);
      await client.user();
      const calls = async () => {
        for (let i = 0; i < CALLS; i++) await client.user();
      };
      await calls(); // warm-up
      server.resetLog();
      const micros: number[] = [];
      for (let round = 0; round < ROUNDS; round++)
        micros.push(((await wallTime(calls)) * 1000) / CALLS);
      if (server.count() !== 0) throw new Error(`user() made ${server.count()} requests`);
      return [
        `One signed-in client with valid tokens in \`memoryStorage()\`; \`await client.user()\` ` +
          `${CALLS.toLocaleString('en-US')} times in a row per round, ${ROUNDS} rounds after a ` +
          'warm-up round. Wall time; the server received no request.',
        table(
          ['', 'median (min–max) of rounds'],
          [
            ['µs per call', spread(micros, 2)],
            [
              'calls per second',
              spread(
                micros.map((us) => 1e6 / us),
                0,
              ),
            ],
          ],
        ),
      ];
    }),
};
