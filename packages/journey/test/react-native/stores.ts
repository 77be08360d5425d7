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

/** react-native-keychain: one generic password per service; `false` where there is none. */
export function keychainDouble() {
  const entries = new Map<string, { username: string; password: string }>();
  const service = (options?: { service?: string }) => options?.service ?? 'com.example.app';
  const module: KeychainModule<{ service?: string; accessible?: string }> = {
    getGenericPassword: (options) => {
      const entry = entries.get(service(options));
      return Promise.resolve(
        entry ? { ...entry, service: service(options), storage: 'KC' } : false,
      );
    },
    setGenericPassword: (username, password, options) => {
      entries.set(service(options), { username, password });
      return Promise.resolve({ service: service(options), storage: 'KC' });
    },
    resetGenericPassword: (options) => Promise.resolve(entries.delete(service(options))),
  };
  return { module, keys: () => [...entries.keys()] };
}
