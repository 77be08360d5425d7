type MaybePromise<T> = T | Promise<T>;

/**
 * Where a client keeps the SSO token and OAuth tokens. Exactly the shape of React Native's
 * AsyncStorage (and of `localStorage`), so either can be passed as is.
 */
export interface KeyValueStorage {
  getItem(key: string): MaybePromise<string | null | undefined>;
  setItem(key: string, value: string): MaybePromise<unknown>;
  removeItem(key: string): MaybePromise<unknown>;
  /**
   * Optional: runs `task` holding the lock `name` across every process that shares this storage
   * (`fileStorage` has one). The session lock takes it, so N processes renew a session once.
   */
  lock?<T>(name: string, task: () => Promise<T>): Promise<T>;
}

export function isKeyValueStorage(value: unknown): value is KeyValueStorage {
  const s = value as Partial<KeyValueStorage> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.getItem === 'function' &&
    typeof s.setItem === 'function' &&
    typeof s.removeItem === 'function'
  );
}
