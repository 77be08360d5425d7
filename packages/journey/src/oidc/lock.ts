import { abortError, untilAborted } from '../http/transport';

/**
 * One token operation at a time per session (design.md §2): every client over the same storage
 * and key queues on the same chain, so two clients sharing AsyncStorage cannot both spend a
 * rotating refresh token. A caller whose signal aborts leaves at once; if it was still queued,
 * its task never runs. A task that has started runs to its end, so storage stays consistent.
 */
const chains = new WeakMap<object, Map<string, Promise<unknown>>>();

export type Lock = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function sessionLock(storage: object, key: string): Lock {
  let byKey = chains.get(storage);
  if (!byKey) chains.set(storage, (byKey = new Map<string, Promise<unknown>>()));
  const keys = byKey;
  return (task, signal) => {
    const turn = (keys.get(key) ?? Promise.resolve()).then(() => {
      if (signal?.aborted) throw abortError('A queued token operation');
      return task();
    });
    const settled = turn.catch(() => undefined);
    keys.set(key, settled);
    // Drop the chain once idle so a long-lived app does not keep a resolved promise per key.
    void settled.then(() => {
      if (keys.get(key) === settled) keys.delete(key);
    });
    return untilAborted(turn, signal, 'A token operation');
  };
}
