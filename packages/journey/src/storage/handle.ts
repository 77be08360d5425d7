import type { KeyValueStorage } from './types';

/**
 * Where a storage handle keeps the store behind it: a symbol property, so the handle itself
 * reads (and compares) as the plain `{ id, kind }` of `@ping-identity/rn-storage`. `null` means
 * the handle was configured without a store.
 */
export const backingStore = Symbol.for('journeykit.storage');

/** An opaque storage handle, as `@ping-identity/rn-storage` returns them. */
export interface StorageHandle<K extends string = string> {
  readonly id: string;
  readonly kind: K;
}
/** What `configureSessionStorage()` returns, for `modules.session.storage`. */
export type SessionStorageHandle = StorageHandle<'session'>;
/** What `configureOidcStorage()` returns, for `modules.oidc.storage`. */
export type OidcStorageHandle = StorageHandle<'oidc'>;

/** An object shaped like a storage handle (`{ id, kind }`, no storage methods). */
export const isHandle = (value: unknown): value is StorageHandle =>
  typeof value === 'object' && value !== null && 'kind' in value && !('getItem' in value);

/**
 * The store behind a handle: undefined when the handle was not made here (nothing is behind
 * it), null when it was made without a store.
 */
export const storeOf = (handle: StorageHandle): KeyValueStorage | null | undefined =>
  (handle as { [backingStore]?: KeyValueStorage | null })[backingStore];
