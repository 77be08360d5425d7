import { abortError, untilAborted } from '../http/transport';

/**
 * One token operation at a time per session (design.md §2): every client over the same storage
 * and key queues on the same chain, so two clients sharing AsyncStorage cannot both spend a
 * rotating refresh token. Where the runtime has Web Locks (browsers), the task also holds the lock
 * named after the key, which every tab of the origin shares. A caller whose signal aborts leaves
 * at once; if it was still queued, its task never runs. A started task runs to its end, so
 * storage stays consistent.
 */
const chains = new WeakMap<object, Map<string, Promise<unknown>>>();

interface WebLocks {
  request<T>(name: string, task: () => Promise<T>): Promise<T>;
}

export type Lock = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function sessionLock(storage: object, key: string): Lock {
  let byKey = chains.get(storage);
  if (!byKey) chains.set(storage, (byKey = new Map<string, Promise<unknown>>()));
  const keys = byKey;
  return (task, signal) => {
    const run = () => {
      if (signal?.aborted) throw abortError('A queued token operation');
      return task();
    };
    const locks = (globalThis as { navigator?: { locks?: WebLocks } }).navigator?.locks;
    const turn = (keys.get(key) ?? Promise.resolve()).then(() =>
      locks ? locks.request(`journeykit:${key}`, async () => run()) : run(),
    );
    const settled = turn.catch(() => undefined);
    keys.set(key, settled);
    // Drop the chain once idle so a long-lived app does not keep a resolved promise per key.
    void settled.then(() => {
      if (keys.get(key) === settled) keys.delete(key);
    });
    return untilAborted(turn, signal, 'A token operation');
  };
}
