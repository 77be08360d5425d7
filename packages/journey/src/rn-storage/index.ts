// @journeykit/journey/rn-storage: the storage functions of `@ping-identity/rn-storage`, with its
// names, options and `{ id, kind }` handles, backed by journeykit's stores. Its own entry: apps
// that pass stores directly never ship it.
import {
  PingError,
  type ErrorType,
  type KeyValueStorage,
  type LoggerInstance,
  type OidcStorageHandle,
  type SessionStorageHandle,
} from '@journeykit/journey';

/** Android's cache choice in rn-storage; accepted and kept on the handle (the store decides). */
export const CacheStrategy = {
  CACHE_ON_FAILURE: 'cache_on_failure',
  NO_CACHE: 'no_cache',
  CACHE: 'cache',
} as const;
/** One of the `CacheStrategy` values. */
export type CacheStrategy = (typeof CacheStrategy)[keyof typeof CacheStrategy];

/**
 * rn-storage's configuration, plus `storage`: the store the handle stands for (AsyncStorage,
 * `secureStoreStorage(SecureStore)`, `keychainStorage(Keychain)`, `webStorage('local')`, …).
 * Without one the handle stands for memory, and the client says so in a warning. The platform
 * settings name native keystores journeykit does not use; they are kept on the handle as given.
 */
export interface StorageConfig {
  storage?: KeyValueStorage;
  android?: {
    keyAlias?: string;
    fileName?: string;
    strongBoxPreferred?: boolean;
    cacheStrategy?: CacheStrategy;
  };
  ios?: { account?: string; encryptor?: boolean; cacheable?: boolean };
}

/** rn-storage's options: a logger for what the function does. */
export interface StorageLoggerOptions {
  logger?: LoggerInstance;
}

/** The handle `configureSessionStorage()` returns: `{ id, kind: 'session' }` and the platform settings. */
export type SessionStorage = SessionStorageHandle & Omit<StorageConfig, 'storage'>;
/** The handle `configureOidcStorage()` returns: `{ id, kind: 'oidc' }` and the platform settings. */
export type OidcStorage = OidcStorageHandle & Omit<StorageConfig, 'storage'>;

/** rn-storage's error: `STORAGE_INVALID_CONFIG` for a configuration that is not one. */
export class StorageError extends PingError {
  constructor(message: string, code: string, type: ErrorType, status?: number) {
    super(message, code, type, status);
    this.name = 'StorageError';
  }
}

// The client finds the store behind a handle under this symbol (see the core's storage/handle).
const backingStore = Symbol.for('journeykit.storage');
let handles = 0;

function configure<K extends 'session' | 'oidc'>(
  kind: K,
  name: string,
  config: StorageConfig,
  options: StorageLoggerOptions | undefined,
) {
  if (typeof config !== 'object' || config === null)
    throw new StorageError(
      `[@journeykit/journey/rn-storage] ${name}() needs a configuration object, e.g. { storage: AsyncStorage }.`,
      'STORAGE_INVALID_CONFIG',
      'argument_error',
    );
  const { storage, android, ios } = config;
  if (
    storage !== undefined &&
    !['getItem', 'setItem', 'removeItem'].every(
      (m) => typeof (storage as unknown as Record<string, unknown>)?.[m] === 'function',
    )
  )
    throw new StorageError(
      `[@journeykit/journey/rn-storage] ${name}(): storage needs getItem, setItem and removeItem.`,
      'STORAGE_INVALID_CONFIG',
      'argument_error',
    );
  const handle = { id: `journeykit-${kind}-storage-${++handles}`, kind };
  if (android) Object.assign(handle, { android: { ...android } });
  if (ios) Object.assign(handle, { ios: { ...ios } });
  // Not enumerable: the handle compares and serialises as rn-storage's plain object.
  Object.defineProperty(handle, backingStore, { value: storage ?? null });
  options?.logger?.info(`${name}: ${storage ? 'store' : 'memory'} registered as ${handle.id}`);
  return Object.freeze(handle);
}

/** A handle for `modules.session.storage`: where the SSO session is kept. */
export function configureSessionStorage(
  config: StorageConfig,
  options?: StorageLoggerOptions,
): SessionStorage {
  return configure('session', 'configureSessionStorage', config, options);
}

/** A handle for `modules.oidc.storage`: where the OAuth tokens are kept. */
export function configureOidcStorage(
  config: StorageConfig,
  options?: StorageLoggerOptions,
): OidcStorage {
  return configure('oidc', 'configureOidcStorage', config, options);
}
