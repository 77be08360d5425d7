import type { KeyValueStorage } from './types';

/** The part of expo-secure-store's documented API the adapter uses; pass the module itself. */
export interface SecureStoreModule<Options> {
  getItemAsync(key: string, options?: Options): Promise<string | null>;
  setItemAsync(key: string, value: string, options?: Options): Promise<void>;
  deleteItemAsync(key: string, options?: Options): Promise<void>;
}

/** SecureStore guarantees values up to this many bytes. */
const LIMIT = 2048;
const PARTS = 'journeykit-parts:';
/** More than any record of ours needs (128 kB); an entry claiming more is not ours, or corrupt. */
const MAX_PARTS = 64;

/**
 * expo-secure-store as a KeyValueStorage: `secureStoreStorage(SecureStore, options?)`, the
 * options (e.g. `keychainService`) passed on every call. Keys are escaped to the characters
 * SecureStore accepts (letters, digits, `.`, `-`). A value over 2048 bytes — a token record with
 * its ID token is one — is stored in parts under fresh keys, then the entry naming them is
 * written, then the old parts are deleted: a crash at any point leaves the old value or the new
 * one, never a mix.
 */
export function secureStoreStorage<Options>(
  store: SecureStoreModule<Options>,
  options?: Options,
): KeyValueStorage {
  const get = (key: string) => store.getItemAsync(safeKey(key), options);
  const set = (key: string, value: string) => store.setItemAsync(safeKey(key), value, options);
  const drop = (key: string) => store.deleteItemAsync(safeKey(key), options);
  /** The keys of the parts an entry names; none for a value stored whole. */
  const partKeys = (key: string, entry: string | null) => {
    if (!entry?.startsWith(PARTS)) return [];
    const [id, count] = entry.slice(PARTS.length).split(':');
    const n = Number(count);
    if (!(Number.isInteger(n) && n > 0 && n <= MAX_PARTS))
      throw new Error(`The entry of ${key} claims ${count} parts`);
    return Array.from({ length: n }, (_, i) => `${key}.${id}.${i}`);
  };
  return {
    async getItem(key) {
      const entry = await get(key);
      const keys = partKeys(key, entry);
      if (!keys.length) return entry;
      const parts = await Promise.all(keys.map(get));
      if (parts.includes(null)) throw new Error(`A part of ${key} is missing`);
      return parts.join('');
    },
    async setItem(key, value) {
      const entry = await get(key);
      // An entry claiming absurd parts names none of ours: it alone is removed.
      const old = await Promise.resolve()
        .then(() => partKeys(key, entry))
        .catch(() => []);
      const parts = split(value);
      if (parts.length === 1) await set(key, value);
      else {
        const entry = `${PARTS}${Math.random().toString(36).slice(2, 10)}:${parts.length}`;
        const fresh = partKeys(key, entry);
        try {
          await Promise.all(parts.map((part, i) => set(fresh[i]!, part)));
          await set(key, entry);
        } catch (error) {
          await Promise.all(fresh.map(drop)).catch(() => undefined);
          throw error;
        }
      }
      await Promise.all(old.map(drop));
    },
    async removeItem(key) {
      const entry = await get(key);
      // An entry claiming absurd parts names none of ours: it alone is removed.
      const old = await Promise.resolve()
        .then(() => partKeys(key, entry))
        .catch(() => []);
      await drop(key);
      await Promise.all(old.map(drop));
    },
  };
}

/** Every character SecureStore refuses, and `_`, becomes `_` + 4 hex digits: one key, one name. */
export const safeKey = (key: string) =>
  key.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Splits text into pieces of at most LIMIT UTF-8 bytes, never inside a surrogate pair. */
function split(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c < 0xdc00 && i + 1 < text.length;
    const size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (bytes + size > LIMIT) {
      parts.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i++;
  }
  parts.push(text.slice(start));
  return parts;
}
