import type { KeychainModule, SecureStoreModule } from '@journeykit/journey';

// Stand-ins for React Native's storage packages, written by hand because none of them loads in
// Node (toolchain.md §5): react-native-keychain needs `react-native`, expo-secure-store needs
// `expo-modules-core`, and AsyncStorage's main entry needs Metro. AsyncStorage 3 does ship an
// in-memory double (`/jest`), but the package requires `react-native` as a peer, which npm would
// install with it: ~230 packages and ~230 MB added to every `npm ci` (measured), for one test.
// Each stand-in keeps to what its package documents, strictly, so misuse fails here too.

/** AsyncStorage 3: an object whose methods use `this` (the SDK must call them as methods), strings only. */
export class AsyncStorageDouble {
  #items = new Map<string, string>();
  getItem(key: string): Promise<string | null> {
    return Promise.resolve(this.#items.get(key) ?? null);
  }
  setItem(key: string, value: string): Promise<void> {
    if (typeof value !== 'string') return Promise.reject(new TypeError(`${key}: not a string`));
    this.#items.set(key, value);
    return Promise.resolve();
  }
  removeItem(key: string): Promise<void> {
    this.#items.delete(key);
    return Promise.resolve();
  }
  getAllKeys(): Promise<string[]> {
    return Promise.resolve([...this.#items.keys()]);
  }
}

/** expo-secure-store: keys of letters, digits, '.', '-' and '_'; values of at most 2048 bytes. */
export function secureStoreDouble() {
  const items = new Map<string, string>();
  const module: SecureStoreModule<{ keychainService?: string }> = {
    getItemAsync: (key) => Promise.resolve(items.get(key) ?? null),
    setItemAsync: (key, value) => {
      if (!/^[\w.-]+$/.test(key)) return Promise.reject(new Error(`Invalid key: ${key}`));
      if (new TextEncoder().encode(value).length > 2048)
        return Promise.reject(new Error(`Value of ${key} is over 2048 bytes`));
      items.set(key, value);
      return Promise.resolve();
    },
    deleteItemAsync: (key) => Promise.resolve(void items.delete(key)),
  };
  return { module, keys: () => [...items.keys()] };
}

/** react-native-keychain's `ACCESSIBLE` values, as its `enums.ts` defines them. */
export const ACCESSIBLE = {
  WHEN_UNLOCKED: 'AccessibleWhenUnlocked',
  AFTER_FIRST_UNLOCK: 'AccessibleAfterFirstUnlock',
  ALWAYS: 'AccessibleAlways',
  WHEN_PASSCODE_SET_THIS_DEVICE_ONLY: 'AccessibleWhenPasscodeSetThisDeviceOnly',
  WHEN_UNLOCKED_THIS_DEVICE_ONLY: 'AccessibleWhenUnlockedThisDeviceOnly',
  AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY: 'AccessibleAfterFirstUnlockThisDeviceOnly',
} as const;
type KeychainOptions = { service?: string; accessible?: string };

/**
 * react-native-keychain: one generic password per service (default: the bundle ID); `false` from
 * `getGenericPassword` where there is none, and from `setGenericPassword` when the save failed
 * (`failSaves`). Stricter than the module: an `accessible` that is no `ACCESSIBLE` value is
 * refused, and so is `accessible` on a call whose types do not have it.
 */
export function keychainDouble() {
  const entries = new Map<string, { username: string; password: string; accessible?: string }>();
  const control = { failSaves: false };
  const service = (options?: KeychainOptions) => options?.service ?? 'com.example.app';
  const noSetOptions = (call: string, options?: KeychainOptions) => {
    if (options && 'accessible' in options) throw new TypeError(`${call}: no accessible option`);
  };
  const module: KeychainModule<KeychainOptions> = {
    getGenericPassword: (options?: KeychainOptions) => {
      noSetOptions('getGenericPassword', options);
      const entry = entries.get(service(options));
      return Promise.resolve(
        entry ? { ...entry, service: service(options), storage: 'keychain' } : false,
      );
    },
    setGenericPassword: (username, password, options) => {
      const accessible = options?.accessible;
      if (accessible !== undefined && !Object.values<string>(ACCESSIBLE).includes(accessible))
        return Promise.reject(new Error(`Unknown accessible value ${accessible}`));
      if (control.failSaves) return Promise.resolve(false);
      entries.set(service(options), { username, password, accessible });
      return Promise.resolve({ service: service(options), storage: 'keychain' });
    },
    resetGenericPassword: (options?: KeychainOptions) => {
      noSetOptions('resetGenericPassword', options);
      return Promise.resolve(entries.delete(service(options)));
    },
  };
  return { module, entries, control, keys: () => [...entries.keys()] };
}
