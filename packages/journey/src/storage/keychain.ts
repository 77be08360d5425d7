import type { KeyValueStorage } from './types';

/** The part of react-native-keychain's documented API the adapter uses; pass the module itself. */
export interface KeychainModule<Options> {
  getGenericPassword(options?: Options): Promise<false | { password: string }>;
  setGenericPassword(username: string, password: string, options?: Options): Promise<unknown>;
  resetGenericPassword(options?: Options): Promise<unknown>;
}

/**
 * react-native-keychain as a KeyValueStorage: `keychainStorage(Keychain, options?)`. Each key is
 * one generic-password entry whose service is `<options.service ?? 'journeykit'>:<key>`; the other
 * options (accessible, accessControl, securityLevel, …) go with every call.
 */
export function keychainStorage<Options extends { service?: string }>(
  keychain: KeychainModule<Options>,
  options?: Options,
): KeyValueStorage {
  const at = (key: string) =>
    ({ ...options, service: `${options?.service ?? 'journeykit'}:${key}` }) as Options;
  return {
    getItem: async (key) => {
      const entry = await keychain.getGenericPassword(at(key));
      return entry ? entry.password : null;
    },
    setItem: (key, value) => keychain.setGenericPassword('journeykit', value, at(key)),
    removeItem: (key) => keychain.resetGenericPassword(at(key)),
  };
}
