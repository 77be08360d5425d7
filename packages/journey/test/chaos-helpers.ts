import type { KeyValueStorage } from '@journeykit/journey';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * A seeded random source (mulberry32). The seed is fixed, so every run plays the same schedule;
 * `CHAOS_SEED=<n>` plays another.
 */
export function seeded(seed = Number(process.env.CHAOS_SEED) || 20_261_202) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    /** One of the weighted choices: `[[weight, value], …]`. */
    weighted: <T>(choices: readonly [number, T][]) => {
      let left = next() * choices.reduce((sum, [w]) => sum + w, 0);
      return choices.find(([w]) => (left -= w) < 0)?.[1] ?? choices.at(-1)![1];
    },
  };
}

export type Random = ReturnType<typeof seeded>;

/**
 * Storage objects over one set of items whose every operation completes a few event-loop turns
 * later, in random order: what AsyncStorage, SecureStore or a disk look like to the SDK.
 */
export function slowDisk(random: Random) {
  const items = new Map<string, string>();
  const later = <T>(op: () => T) =>
    new Promise<T>((resolve) => {
      let turns = Math.floor(random.next() * 4);
      const turn = () => (turns-- > 0 ? setImmediate(turn) : resolve(op()));
      turn();
    });
  return {
    items,
    open: (): KeyValueStorage => ({
      getItem: (key) => later(() => items.get(key) ?? null),
      setItem: (key, value) => later(() => void items.set(key, value)),
      removeItem: (key) => later(() => void items.delete(key)),
    }),
  };
}

/**
 * Every unhandled rejection while the suite runs. Vitest fails a run that has one
 * (chaos-unhandled.test.ts shows it); collecting them here names the suite that caused it.
 */
export function unhandledRejections(): unknown[] {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => void seen.push(reason);
  beforeAll(() => void process.on('unhandledRejection', listener));
  afterAll(() => {
    process.off('unhandledRejection', listener);
    expect(seen).toEqual([]);
  });
  return seen;
}
