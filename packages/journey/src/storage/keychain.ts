import { userError } from '../errors';
import type { KeyValueStorage } from './types';

/** Options of react-native-keychain that only `setGenericPassword` takes. */
type SetOnly = 'accessible' | 'securityLevel' | 'storage';
const SET_ONLY: readonly string[] = ['accessible', 'securityLevel', 'storage'] satisfies SetOnly[];

/** The part of react-native-keychain's API the adapter uses; pass the module itself. */
export interface KeychainModule<Options extends { service?: string }> {
  getGenericPassword(options?: Omit<Options, SetOnly>): Promise<false | { password: string }>;
  /** `false` when the entry could not be saved. */
  setGenericPassword(username: string, password: string, options?: Options): Promise<unknown>;
  resetGenericPassword(options?: Omit<Options, SetOnly>): Promise<unknown>;
}

/**
 * react-native-keychain as a KeyValueStorage: `keychainStorage(Keychain, options?)`, the options
 * those of `setGenericPassword` (e.g. `accessible: Keychain.ACCESSIBLE.WHEN_UNLOCKED_THIS_DEVICE_ONLY`).
 * Each key is one generic-password entry whose service is `<options.service ?? 'journeykit'>:<key>`;
 * reads and deletes get the options without the ones only a save takes. A save the module answers
 * with `false` is a `storage_error`.
 */
export function keychainStorage<Options extends { service?: string }>(
  keychain: KeychainModule<Options>,
  options?: Options,
): KeyValueStorage {
  const service = (key: string) => `${options?.service ?? 'journeykit'}:${key}`;
  const lookup = (key: string) =>
    Object.fromEntries([
      ...Object.entries(options ?? {}).filter(([name]) => !SET_ONLY.includes(name)),
      ['service', service(key)],
    ]) as Omit<Options, SetOnly>;
  return {
    getItem: async (key) => {
      const entry = await keychain.getGenericPassword(lookup(key));
      return entry ? entry.password : null;
    },
    setItem: async (key, value) => {
      const saved = await keychain.setGenericPassword('journeykit', value, {
        ...options,
        service: service(key),
      } as Options);
      if (saved === false) throw userError('storage_error', `The keychain did not save ${key}`);
    },
    removeItem: (key) => keychain.resetGenericPassword(lookup(key)),
  };
}
