import { fixed, runChild, spread, table, type Figure, withServer } from '../lib/runner';
import { serverProcess } from '../lib/server';
import type { Growth, MemoryResult } from './memory-child';

const kB = (bytes: number) => fixed(bytes / 1000, 1);

/** Every other checkpoint, to keep the row short; the slope uses them all. */
const trail = (points: [number, number][]) =>
  points
    .filter((_, i) => i % 2)
    .map(([done, bytes]) => `${done.toLocaleString('en-US')}: ${kB(bytes)}`)
    .join(' · ');

/** Bytes per operation: the least-squares slope through the start (0, 0) and the checkpoints. */
function slope(points: [number, number][]): number {
  const all: [number, number][] = [[0, 0], ...points];
  const mean = (i: 0 | 1) => all.reduce((sum, p) => sum + p[i], 0) / all.length;
  const [mx, my] = [mean(0), mean(1)];
  const covariance = all.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const variance = all.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return covariance / variance;
}

const row = (label: string, { points, held }: Growth) => [
  label,
  trail(points),
  fixed(slope(points), 0),
  `**${kB(held)}**`,
];

export const memory: Figure = {
  id: 'memory',
  title: 'Memory',
  run: () =>
    withServer(serverProcess(), async (server) => {
      const m = await runChild<MemoryResult>(
        'bench/src/figures/memory-child.ts',
        server.clientConfig,
        ['--expose-gc'],
      );
      return [
        '`process.memoryUsage().heapUsed` after two full collections (`node --expose-gc`), in a child ' +
          "process holding only the clients; the dev server's bin runs in another. Storage is " +
          '`memoryStorage()`, so the tokens themselves are in the heap. Retained heap per client: ' +
          'batches of new clients (5 × 200) and of signed-in ones (5 × 50), each batch kept until it ' +
          'is measured.',
        table(
          ['heap retained', 'kB per client, median (min–max) of batches'],
          [
            [
              'a new client (OIDC configured)',
              spread(
                m.perClient.map((b) => b / 1000),
                1,
              ),
            ],
            [
              'a signed-in client with tokens and userinfo',
              spread(
                m.perSignedInClient.map((b) => b / 1000),
                1,
              ),
            ],
          ],
        ),
        'Growth: one new client does the operations (a warm-up first, in brackets); the process heap ' +
          'is read every tenth of the way, and its slope is the growth per operation. Readings move ' +
          "by a few hundred kB whatever the client does (fetch's and V8's own state), so the last " +
          'column is the sharper one: the heap with the client, less the heap once the client is ' +
          'dropped (each read after 100 ms idle, so that finished requests have let go of it) — what ' +
          'the client holds after the warm-up and all the operations, to compare with a signed-in ' +
          'client above.',
        table(
          [
            'on one client (goal: flat)',
            'process heap above the start after N operations, kB',
            'bytes per operation (slope)',
            'held by the client at the end, kB',
          ],
          [
            row('10,000 warm `user()` calls (1,000)', m.userCalls),
            row('1,000 `logoutUser()` → sign-in → `user()` cycles (300)', m.cycles),
            row('journeykit: 1,000 Login journeys (200)', m.journeykitJourneys),
            row('@forgerock/journey-client: 1,000 Login journeys (200)', m.pingJourneys),
          ],
        ),
      ];
    }),
};
