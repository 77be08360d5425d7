import type { JourneyError } from '../errors';

/**
 * One token operation at a time per session (design.md §2): every client over the same storage
 * and key queues on the same chain, so two clients sharing AsyncStorage cannot both spend a
 * rotating refresh token. A caller that aborts while queued leaves the queue without running.
 */
const chains = new WeakMap<object, Map<string, Promise<unknown>>>();

export type Lock = <T>(
  task: () => Promise<T>,
  signal?: AbortSignal,
  onAbort?: () => JourneyError,
) => Promise<T>;

export function sessionLock(storage: object, key: string): Lock {
  let byKey = chains.get(storage);
  if (!byKey) chains.set(storage, (byKey = new Map<string, Promise<unknown>>()));
  const keys = byKey;
  return (task, signal, onAbort) => {
    const previous = keys.get(key) ?? Promise.resolve();
    const turn = previous.then(() => {
      if (signal?.aborted && onAbort) throw onAbort();
      return task();
    });
    const settled = turn.catch(() => undefined);
    keys.set(key, settled);
    // Drop the chain once idle so a long-lived app does not keep a resolved promise per key.
    void settled.then(() => {
      if (keys.get(key) === settled) keys.delete(key);
    });
    return turn;
  };
}
