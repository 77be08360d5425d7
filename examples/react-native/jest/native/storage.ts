// The native halves of the three stores React Native apps keep secrets in, emulated in memory so
// that each package's real JavaScript runs over them: expo-secure-store's `ExpoSecureStore`,
// react-native-keychain's `RNKeychainManager` and AsyncStorage's `RNAsyncStorage`. Each keeps to
// what the native code does with the calls the SDK makes; none of them encrypts anything.

/** expo-secure-store: keys of letters, digits, '.', '-' and '_'; its iOS accessibility constants. */
export function secureStoreNative() {
  const items = new Map<string, string>();
  const module = {
    AFTER_FIRST_UNLOCK: 0,
    AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY: 1,
    ALWAYS: 2,
    WHEN_PASSCODE_SET_THIS_DEVICE_ONLY: 3,
    ALWAYS_THIS_DEVICE_ONLY: 4,
    WHEN_UNLOCKED: 5,
    WHEN_UNLOCKED_THIS_DEVICE_ONLY: 6,
    getValueWithKeyAsync: (key: string) => Promise.resolve(items.get(key) ?? null),
    setValueWithKeyAsync: (value: string, key: string) => {
      if (!/^[\w.-]+$/.test(key)) return Promise.reject(new Error(`Invalid key ${key}`));
      items.set(key, value);
      return Promise.resolve(true);
    },
    deleteValueWithKeyAsync: (key: string) => Promise.resolve(void items.delete(key)),
  };
  return { module, items };
}

/** react-native-keychain: one generic password per service; `false` where there is none. */
export function keychainNative() {
  const items = new Map<string, { username: string; password: string }>();
  const service = (options: { service?: string }) => options.service ?? 'com.example.app';
  const module = {
    setGenericPasswordForOptions(
      options: { service?: string },
      username: string,
      password: string,
    ) {
      items.set(service(options), { username, password });
      return Promise.resolve({ service: service(options), storage: 'keychain' });
    },
    getGenericPasswordForOptions(options: { service?: string }) {
      const item = items.get(service(options));
      return Promise.resolve(
        item ? { ...item, service: service(options), storage: 'keychain' } : false,
      );
    },
    resetGenericPasswordForOptions: (options: { service?: string }) =>
      Promise.resolve(items.delete(service(options))),
  };
  return { module, items };
}

/** AsyncStorage's legacy store (its default export): [key, value] pairs, `null` where none. */
export function asyncStorageNative() {
  const items = new Map<string, string>();
  const module = {
    legacy_multiGet: (keys: string[]) =>
      Promise.resolve(keys.map((key) => [key, items.get(key) ?? null])),
    legacy_multiSet: (pairs: [string, string][]) =>
      Promise.resolve(void pairs.forEach(([key, value]) => items.set(key, value))),
    legacy_multiRemove: (keys: string[]) =>
      Promise.resolve(void keys.forEach((key) => items.delete(key))),
  };
  return { module, items };
}
