import { fixed, quantile, runChild, spread, table, type Figure, withServer } from '../lib/runner';
import { serverProcess } from '../lib/server';
import type { LoadInput, LoadResult } from './throughput-load';

const LEVELS = [1, 16]; // virtual users signing in at once
const WARM_UP_MS = 2000;
const DURATION_MS = 10_000;

export const throughput: Figure = {
  id: 'throughput',
  title: 'Dev server throughput: full sign-ins',
  run: () =>
    withServer(serverProcess(), async (server) => {
      const rows: (string | number)[][] = [];
      for (const concurrency of LEVELS) {
        const input: LoadInput = {
          config: server.clientConfig,
          concurrency,
          warmUpMs: WARM_UP_MS,
          durationMs: DURATION_MS,
        };
        const load = await runChild<LoadResult>('bench/src/figures/throughput-load.ts', input);
        rows.push([
          concurrency,
          `**${spread(load.perSecond, 0)}**`,
          fixed(quantile(load.latencies, 0.5), 1),
          fixed(quantile(load.latencies, 0.99), 1),
          load.failures,
          `${fixed(100 * load.cpuShare, 0)} %`,
        ]);
      }
      return [
        "The dev server's bin in one process; a load generator in another (Node, fetch, keep-alive), " +
          'both on loopback. A sign-in is what an app does to sign in with tokens: the Login journey ' +
          '(start, next), then a one-hop authorize with the SSO token and PKCE S256, then the code ' +
          `exchange: 4 requests. Each virtual user signs in again as soon as it is done; ${WARM_UP_MS / 1000} s ` +
          `of warm-up, then ${DURATION_MS / 1000} s measured, for each number of virtual users in turn ` +
          "(one server for both). The last column, the generator's CPU as a share of one core, shows it is not what limits the rate.",
        table(
          [
            'virtual users',
            'sign-ins per second, median (min–max) of 1 s windows',
            'p50 ms',
            'p99 ms',
            'failures',
            'generator CPU',
          ],
          rows,
        ),
      ];
    }),
};
