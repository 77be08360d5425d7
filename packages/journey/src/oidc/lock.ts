import { abortError, untilAborted } from '../http/transport';
import type { KeyValueStorage } from '../storage/types';

/**
 * One token operation at a time per session (design.md §2). The session is named by its tokens'
 * storage key (server, realm, client), so every client of this JavaScript runtime for that session
 * queues on one chain, whichever storage object it was given — two adapters over one SecureStore
 * included — and a rotating refresh token cannot be spent twice. Where the runtime has Web Locks
 * (browsers), the task also holds the lock of that name, which every tab of the origin shares;
 * where the storage has a lock of its own (`fileStorage`), it holds that one, which every process
 * sharing the storage respects.
 * A caller whose signal aborts leaves at once; if it was still queued, its task never runs. A
 * started task runs to its end, so storage stays consistent.
 */
const chains = new Map<string, Promise<unknown>>();

interface WebLocks {
  request<T>(name: string, task: () => Promise<T>): Promise<T>;
}

export type Lock = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function sessionLock(key: string, storage?: KeyValueStorage): Lock {
  return (task, signal) => {
    const run = () => {
      if (signal?.aborted) throw abortError('A queued token operation');
      return storage?.lock ? storage.lock(key, task) : task();
    };
    const locks = (globalThis as { navigator?: { locks?: WebLocks } }).navigator?.locks;
    const turn = (chains.get(key) ?? Promise.resolve()).then(() =>
      locks ? locks.request(`journeykit:${key}`, async () => run()) : run(),
    );
    const settled = turn.catch(() => undefined);
    chains.set(key, settled);
    // Drop the chain once idle so a long-lived app does not keep a resolved promise per key.
    void settled.then(() => {
      if (chains.get(key) === settled) chains.delete(key);
    });
    return untilAborted(turn, signal, 'A token operation');
  };
}
