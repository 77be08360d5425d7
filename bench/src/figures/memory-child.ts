// The memory figure's measurements, in a process of their own started with --expose-gc, so the
// heap holds nothing but the clients (the dev server runs in yet another process).
import { setTimeout as sleep } from 'node:timers/promises';

import type { DevClientConfig } from '@journeykit/dev-server';
import type { JourneyClient } from '@journeykit/journey';
import { journeykitClient, pingJourneyClient, pingSignIn, signIn } from '../lib/clients';
import { childMain, collectGarbage } from '../lib/runner';

export interface Growth {
  /** [operations done, heap bytes above the start] at each checkpoint. */
  points: [number, number][];
  /** Bytes the client holds at the end: the heap with it, less the heap once it is dropped. */
  held: number;
}

export interface MemoryResult {
  /** Bytes retained per client, one value per batch. */
  perClient: number[];
  perSignedInClient: number[];
  userCalls: Growth;
  cycles: Growth;
  journeykitJourneys: Growth;
  pingJourneys: Growth;
}

const heap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** Heap retained per item made by `make`, in `batches` batches of `size`. */
async function retainedPerItem(batches: number, size: number, make: () => Promise<unknown>) {
  const perItem: number[] = [];
  for (let batch = 0; batch < batches; batch++) perItem.push(await retained(size, make));
  return perItem;
}

/** A function of its own, so the items are unreachable once it returns (not held by a loop's frame). */
async function retained(size: number, make: () => Promise<unknown>) {
  const before = heap();
  const kept: unknown[] = [];
  for (let i = 0; i < size; i++) kept.push(await make());
  return (heap() - before) / kept.length;
}

/** The client of the `growth` in progress: reachable from here alone once `exercise` returns. */
const holder: { client?: unknown } = {};

/**
 * `total` operations on one new client, after `warmUp` of them: the heap above the start every
 * `every` operations; then what the client holds, the heap with it less the heap without it.
 */
async function growth<C>(
  make: () => Promise<C>,
  plan: [warmUp: number, total: number, every: number],
  operation: (client: C) => Promise<unknown>,
): Promise<Growth> {
  const points = await exercise(make, plan, operation);
  await sleep(100); // work the operations left running (timers, sockets) lets go of the client
  const withClient = heap();
  holder.client = undefined;
  await sleep(100);
  return { points, held: withClient - heap() };
}

async function exercise<C>(
  make: () => Promise<C>,
  [warmUp, total, every]: [number, number, number],
  operation: (client: C) => Promise<unknown>,
) {
  const client = await make();
  holder.client = client;
  for (let i = 0; i < warmUp; i++) await operation(client);
  const start = heap();
  const points: [number, number][] = [];
  for (let done = 0; done < total;) {
    for (let i = 0; i < every; i++, done++) await operation(client);
    points.push([done, heap() - start]);
  }
  return points;
}

async function signedIn(config: DevClientConfig) {
  const client = journeykitClient(config);
  await signIn(client);
  await client.user();
  return client;
}

childMain(async (config: DevClientConfig): Promise<MemoryResult> => {
  const perClient = await retainedPerItem(5, 200, () => Promise.resolve(journeykitClient(config)));
  const perSignedInClient = await retainedPerItem(5, 50, () => signedIn(config));
  const userCalls = await growth(
    () => signedIn(config),
    [1_000, 10_000, 1_000],
    (c) => c.user(),
  );
  const cycles = await growth(
    () => signedIn(config),
    [300, 1_000, 100],
    async (c: JourneyClient) => {
      await c.logoutUser();
      await signIn(c);
      await c.user();
    },
  );
  const journeykitJourneys = await growth(
    () => Promise.resolve(journeykitClient(config, { journeyOnly: true })),
    [200, 1_000, 100],
    (c) => signIn(c, { forceAuth: true }),
  );
  const pingJourneys = await growth(() => pingJourneyClient(config), [200, 1_000, 100], pingSignIn);
  return { perClient, perSignedInClient, userCalls, cycles, journeykitJourneys, pingJourneys };
});
